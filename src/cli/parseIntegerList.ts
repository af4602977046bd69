import { UserError } from "../errors.js";

/** Parses `3,1,4,1` (an option's value) into integers; names the option and the bad item otherwise. */
export function parseIntegerList(option: string, text: string): number[] {
  if (text.trim() === "") return [];
  return text.split(",").map((item, k) => {
    const t = item.trim();
    const v = /^-?\d+$/.test(t) ? Number(t) : Number.NaN;
    if (!Number.isSafeInteger(v)) throw new UserError("cli/input", `${option}: item ${k + 1} '${item}' is not an integer`);
    return v;
  });
}
