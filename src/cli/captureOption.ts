import { UserError } from "../errors.js";
import type { ViewerInput } from "../view/viewerData.js";
import { parseIntegerList } from "./parseIntegerList.js";

/** The viewer's residual capture when --capture is absent: the canvas before the first step and after it. */
export const DEFAULT_CAPTURE = "0,1";

/** `--capture 0,1,5` (decoding steps whose residual stream the page embeds) or `--capture all`. */
export function captureOption(text: string): ViewerInput["capture"] {
  if (text.trim() === "all") return "all";
  const steps = parseIntegerList("--capture", text);
  const bad = steps.find((k) => k < 0);
  if (bad !== undefined) throw new UserError("cli/options", `--capture: step ${bad} is negative`);
  return steps;
}
