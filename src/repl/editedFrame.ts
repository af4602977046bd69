import type { EditScript } from "../ap-mdm/editScript.js";
import type { Cell } from "./decodeView.js";

/**
 * Frame k of an AP-MDM decode (k > 0: the canvas after step k read through that step's edit script): each
 * position of the canvas before the step is deleted (shown once, with no position), remasked, just
 * unmasked, still masked or kept, and an inserted mask follows any position whose insert bit fired.
 */
export function editedFrame(canvases: readonly Int32Array[], edits: readonly EditScript[], mask: number): (k: number) => Cell[] {
  return (k) => {
    if (k === 0) return Array.from(canvases[0], (token, i) => ({ token, position: i, kind: token === mask ? "masked" : "kept" }));
    const before = canvases[k - 1];
    const after = canvases[k];
    const e = edits[k - 1];
    const [deleted, remasked, unmasked, inserted] = [e.delete, e.remask, e.unmask, e.insert].map((l) => new Set(l));
    const cells: Cell[] = [];
    let j = 0;
    for (let i = 0; i < before.length; i++) {
      if (deleted.has(i)) {
        cells.push({ token: before[i], position: null, kind: "deleted" });
        continue;
      }
      const token = after[j];
      const kind = remasked.has(i) ? "remasked" : unmasked.has(i) ? "unmasked" : token === mask ? "masked" : "kept";
      cells.push({ token, position: j++, kind });
      if (inserted.has(i)) cells.push({ token: after[j], position: j++, kind: "inserted" });
    }
    return cells;
  };
}
