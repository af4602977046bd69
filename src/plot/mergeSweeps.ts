import { UserError } from "../errors.js";
import { library } from "../pram/library/index.js";
import type { SweepData, SweepPart } from "./buildPlots.js";
import type { SweepSettings } from "./sweep.js";

/**
 * `apmdm plot --merge`: one sweep from several, each measuring its own programs with its own settings (e.g.
 * prefix sums to n = 256 without a budget, the other programs within one), so that one set of plots can
 * hold sizes no single budget would give every program. The parts (a merged sweep contributes its own
 * parts) must share the seed and measure disjoint programs. The union: programs in library order, the
 * largest maxN and maxNTokenwise, budget null (each part records its own); points grouped by program in
 * that order, each part's order kept. The command records every part's command; each figure records the
 * command and settings of the part that measured its program (plotFiles).
 */
export function mergeSweeps(sweeps: readonly { readonly path: string; readonly data: SweepData }[]): SweepData {
  const parts: { path: string; part: SweepPart }[] = sweeps.flatMap(({ path, data }) => (data.parts ?? [data]).map((p) => ({ path, part: { command: p.command, settings: p.settings } })));
  const seed = parts[0].part.settings.seed;
  const owner = new Map<string, string>();
  for (const { path, part } of parts) {
    if (part.settings.seed !== seed) throw new UserError("plot/merge", `${path}: seed ${part.settings.seed}, but ${parts[0].path} has seed ${seed} (a merge needs one seed)`);
    for (const program of part.settings.programs) {
      const first = owner.get(program);
      if (first !== undefined) throw new UserError("plot/merge", `${path}: '${program}' is also measured in ${first} (each program must come from one sweep)`);
      owner.set(program, path);
    }
  }
  const programs = library.map((e) => e.name).filter((name) => owner.has(name));
  const settings: SweepSettings = {
    programs,
    maxN: Math.max(...parts.map((p) => p.part.settings.maxN)),
    maxNTokenwise: Math.max(...parts.map((p) => p.part.settings.maxNTokenwise)),
    seed,
    budget: null,
  };
  const points = programs.flatMap((program) => sweeps.flatMap(({ data }) => data.points.filter((p) => p.program === program)));
  const command = `${parts.map((p) => p.part.command).join(" + ")}, merged by apmdm plot --merge`;
  return { command, settings, points, parts: parts.map((p) => p.part) };
}
