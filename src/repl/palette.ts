import { Chalk, type ChalkInstance } from "chalk";
import { match } from "ts-pattern";
import type { CellKind } from "./cellKind.js";

/**
 * How the REPL marks things: with colour (chalk) on a colour terminal, otherwise with plain-text markers
 * so that every cell kind stays distinguishable: +tok just unmasked, ~M remasked, ^M inserted, -tok deleted.
 */
export interface Palette {
  readonly color: boolean;
  readonly cell: (kind: CellKind, text: string) => string;
  readonly heading: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly changed: (text: string) => string;
}

export function palette(color: boolean): Palette {
  const c: ChalkInstance = new Chalk({ level: color ? 1 : 0 });
  const cell = (kind: CellKind, text: string): string =>
    color
      ? match(kind)
          .with("masked", () => c.dim(text))
          .with("unmasked", () => c.green.bold(text))
          .with("remasked", () => c.yellow(text))
          .with("inserted", () => c.cyan(text))
          .with("deleted", () => c.red.strikethrough(text))
          .with("kept", () => text)
          .exhaustive()
      : match(kind)
          .with("masked", "kept", () => text)
          .with("unmasked", () => `+${text}`)
          .with("remasked", () => `~${text}`)
          .with("inserted", () => `^${text}`)
          .with("deleted", () => `-${text}`)
          .exhaustive();
  return {
    color,
    cell,
    heading: (t) => (color ? c.bold(t) : t),
    dim: (t) => (color ? c.dim(t) : t),
    changed: (t) => (color ? c.green.bold(t) : `*${t}`),
  };
}
