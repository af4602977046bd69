/**
 * fast-check's run count for a fuzz property outside test/fuzz (the model files' surfaces): `numRuns` in the
 * suite, × APMDM_FUZZ_SCALE under `npm run fuzz`, which also runs these files; seeded by APMDM_FUZZ_SEED when
 * it is set (otherwise fast-check draws a seed and prints it with any failure).
 */
export function fuzzRuns(numRuns: number): { numRuns: number; seed?: number } {
  const scale = Number(process.env.APMDM_FUZZ_SCALE ?? 1);
  const seed = process.env.APMDM_FUZZ_SEED;
  return { numRuns: numRuns * scale, ...(seed === undefined ? {} : { seed: Number(seed) }) };
}
