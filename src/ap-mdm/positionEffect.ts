/**
 * What the AP-MDM transition g (design.md) does to one position before its optional insert:
 *  - "delete":      a mask with its delete bit: emits nothing (its insert bit is ignored too);
 *  - "remask":      an unmasked token with its remask bit: emits M;
 *  - "stay-masked": a mask with its remask bit, or whose prediction is M: emits M (no change);
 *  - "unmask":      a mask that takes its prediction ŷ ≠ M;
 *  - "keep":        an unmasked token without a remask bit: emits itself (its delete bit is ignored).
 */
export type PositionEffect = "delete" | "remask" | "stay-masked" | "unmask" | "keep";

export function positionEffect(token: number, predicted: number, remask: boolean, del: boolean, maskToken: number): PositionEffect {
  if (token === maskToken) {
    if (del) return "delete";
    return remask || predicted === maskToken ? "stay-masked" : "unmask";
  }
  return remask ? "remask" : "keep";
}
