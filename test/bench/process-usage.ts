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
