import type { Io } from "../../src/cli/command.js";
import { runCli } from "../../src/cli/runCli.js";

/** An Io that collects what a command prints, for tests that drive runCli. */
export function bufferIo(): Io & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { out: (s) => void (out += s), err: (s) => void (err += s), color: false, stdout: () => out, stderr: () => err };
}

/** Runs `apmdm ARGV…` and returns its exit code and both streams. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}
