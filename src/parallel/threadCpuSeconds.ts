import { readFileSync } from "node:fs";

/** Linux's /proc counts CPU time in clock ticks of USER_HZ, 100 per second on every architecture Node runs on. */
const USER_HZ = 100;

/**
 * CPU seconds (user + system) the calling thread has used: a worker thread's own work, where
 * process.cpuUsage() would add every other thread's. Node ≥ 23.9 has process.threadCpuUsage(); on Node
 * 20 it is read from /proc/thread-self/stat (Linux, 10 ms resolution), and where that is missing too the
 * process's time stands in (exact with one thread; with several it counts theirs too).
 */
export function threadCpuSeconds(): number {
  const own = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.();
  if (own) return (own.user + own.system) / 1e6;
  try {
    const stat = readFileSync("/proc/thread-self/stat", "utf8");
    // after "pid (name) ": field 3 (state) is [0], utime (field 14) [11], stime (field 15) [12]
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
  } catch {
    const all = process.cpuUsage();
    return (all.user + all.system) / 1e6;
  }
}
