import { UserError } from "../errors.js";
import { FORWARD_ENGINES, type ForwardEngine } from "../transformer/forwardEngine.js";

/** Parses `--engine incremental|full|dense`; anything else is a one-line UserError. */
export function engineOption(text: string): ForwardEngine {
  const engine = FORWARD_ENGINES.find((e) => e === text);
  if (engine === undefined) throw new UserError("cli/options", `--engine must be one of ${FORWARD_ENGINES.join(", ")}, got '${text}'`);
  return engine;
}
