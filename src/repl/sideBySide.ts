import { visibleWidth } from "./visibleWidth.js";

/** Two columns of lines, the left padded to `leftWidth` (colour codes not counted), separated by " │ ". */
export function sideBySide(left: readonly string[], right: readonly string[], leftWidth: number): string[] {
  const rows = Math.max(left.length, right.length);
  return Array.from({ length: rows }, (_, r) => {
    const l = left[r] ?? "";
    return `${l}${" ".repeat(Math.max(0, leftWidth - visibleWidth(l)))} │ ${right[r] ?? ""}`.trimEnd();
  });
}
