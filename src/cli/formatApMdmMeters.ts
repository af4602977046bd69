import type { ApMdmMeters } from "../ap-mdm/decodeApMdm.js";

/** One line of AP-MDM meters, e.g. "35 steps, peak context 18, final 16; edits: 24 unmask, 9 remask, 24 insert, 9 delete". */
export function formatApMdmMeters(m: ApMdmMeters): string {
  return `${m.steps} steps, peak context ${m.peakContext}, final ${m.finalContext}; edits: ${m.unmasked} unmask, ${m.remasked} remask, ${m.inserted} insert, ${m.deleted} delete`;
}
