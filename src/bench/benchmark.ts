/** One named benchmark: `npm run bench` runs them in order and prints what each returns. */
export interface Benchmark {
  readonly name: string;
  /** Runs the measurement and returns the lines to print (figures, with units). */
  readonly run: () => Promise<string[]>;
}
