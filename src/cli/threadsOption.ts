import { availableParallelism } from "node:os";
import { UserError } from "../errors.js";
import { integerOption } from "./integerOption.js";

/** More worker threads than this is a typo, not a machine: each holds its own compiled models. */
const MAX_THREADS = 64;

/** `--threads N` when not given: both cores of the 2-core machine the project is measured on, fewer where there are fewer. */
export function defaultThreads(): number {
  return Math.min(2, availableParallelism());
}

/** Parses `--threads N` (1 … 64; 1 runs everything in the main thread); absent: defaultThreads(). */
export function threadsOption(text: string | undefined): number {
  if (text === undefined) return defaultThreads();
  const threads = integerOption("--threads", text, 1);
  if (threads > MAX_THREADS) throw new UserError("cli/options", `--threads must be at most ${MAX_THREADS}, got '${text}'`);
  return threads;
}
