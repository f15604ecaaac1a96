/**
 * CPU time and peak resident memory of a process, read from /proc (Linux):
 * what a benchmark reports for a worker process it started.
 */
import { readFileSync } from "node:fs";

export interface UsageReading {
  /** User plus system CPU time so far. */
  cpuMs: number;
  /** Peak resident set size so far (VmHWM). */
  peakRssMb: number;
}

/** A reader of the CPU time and peak RSS of process `pid`. */
export function processUsage(pid: number): { read(): UsageReading } {
  // /proc/<pid>/stat counts in clock ticks, 100 per second on Linux.
  const ticksPerMs = 100 / 1000;
  return {
    read() {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cpuMs = (Number(fields[11]) + Number(fields[12])) / ticksPerMs;
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
      return { cpuMs, peakRssMb: Number(hwm ?? 0) / 1024 };
    },
  };
}

/**
 * Resolves once process `pid` has settled: at least `minMs` after the call,
 * and under 10% of one core for a whole second (a workers process loading its
 * models is busy; one waiting for jobs is not). Gives up after `maxMs`.
 */
export async function whenSettled(pid: number, minMs = 1000, maxMs = 60_000): Promise<void> {
  const usage = processUsage(pid);
  const started = performance.now();
  let last = usage.read().cpuMs;
  let quietSince = performance.now();
  while (performance.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = usage.read().cpuMs;
    if (now - last > 25) quietSince = performance.now();
    last = now;
    const quiet = performance.now() - quietSince;
    if (quiet >= 1000 && performance.now() - started >= minMs) return;
  }
}
