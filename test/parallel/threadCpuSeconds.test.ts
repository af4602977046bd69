import { expect, test } from "vitest";
import { threadCpuSeconds } from "../../src/parallel/threadCpuSeconds.js";

const processCpuSeconds = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
};

test("the thread's CPU time grows with the thread's work and never by more than the process's", () => {
  const [thread0, process0] = [threadCpuSeconds(), processCpuSeconds()];
  let x = 0;
  // Busy until the thread has used 0.2 s, or the process 3 s (a reading that does not move fails below).
  while (threadCpuSeconds() - thread0 < 0.2 && processCpuSeconds() - process0 < 3) {
    for (let k = 0; k < 1e5; k++) x += Math.sqrt(k);
  }
  const [thread, proc] = [threadCpuSeconds() - thread0, processCpuSeconds() - process0];
  expect(x).toBeGreaterThan(0);
  expect(thread).toBeGreaterThanOrEqual(0.2);
  // Both count in clock ticks or finer; the thread's share of the process's time cannot be larger.
  expect(thread).toBeLessThanOrEqual(proc + 0.02);
});
