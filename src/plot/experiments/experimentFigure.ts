import type { TopLevelSpec } from "vega-lite";

/**
 * One figure of `apmdm plot --experiments`: written as NAME.svg and NAME.json, and its summary table
 * quoted in docs/experiments.md between `<!-- experiments:SECTION begin -->` and `<!-- experiments:SECTION end -->`.
 */
export interface ExperimentFigure {
  readonly name: string;
  readonly section: string;
  readonly data: unknown;
  readonly spec: TopLevelSpec;
  /** Markdown. */
  readonly table: string;
}
