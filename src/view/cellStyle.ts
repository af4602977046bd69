import { match } from "ts-pattern";
import type { CellKind } from "../repl/cellKind.js";

/** The REPL's colour code (palette.ts) as CSS: dim masks, bold green unmasked, yellow remasked, cyan inserted, struck-out red deleted. */
export function cellStyle(kind: CellKind): string {
  return match(kind)
    .with("masked", () => "color: #7a7a7a")
    .with("unmasked", () => "color: #3fbf3f; font-weight: bold")
    .with("remasked", () => "color: #d7b740")
    .with("inserted", () => "color: #3fbfbf")
    .with("deleted", () => "color: #d94f4f; text-decoration: line-through")
    .with("kept", () => "color: inherit")
    .exhaustive();
}
