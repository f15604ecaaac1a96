/**
 * Pid files of the daemons we start. A machine that was stopped without
 * `lodestone infra down` (a reboot, a killed container, a restored disk image)
 * leaves pid files behind whose process is gone, and the pid may even have
 * been reused by something else; every check here treats such a file as stale.
 */
import { readFile, rm } from "node:fs/promises";
import { sleep } from "./run-command.ts";

export async function readPid(file: string): Promise<number | undefined> {
  const text = await readFile(file, "utf8").catch(() => "");
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the pid exists but belongs to another user (OpenSearch runs as its own user).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether the process's command line names the program. Where /proc cannot be
 * read (not Linux) the pid's existence has to do.
 */
async function runs(pid: number, program: string): Promise<boolean> {
  if (!isRunning(pid)) return false;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => undefined);
  return cmdline === undefined || cmdline.includes(program);
}

/**
 * The pid of the live `program` the file names, or undefined after removing a
 * stale file, so that a launcher waiting for the daemon's pid never mistakes
 * the last run's pid for the new one, and a stop never signals a stranger.
 */
export async function livePidOrClear(file: string, program: string): Promise<number | undefined> {
  const pid = await readPid(file);
  if (pid !== undefined && (await runs(pid, program))) return pid;
  await rm(file, { force: true });
  return undefined;
}

export async function stopByPidFile(
  file: string,
  program: string,
  timeoutMs = 60_000,
): Promise<boolean> {
  const pid = await livePidOrClear(file, program);
  if (pid === undefined) return false;
  process.kill(pid, "SIGTERM");
  for (let waited = 0; waited < timeoutMs && isRunning(pid); waited += 250) await sleep(250);
  if (isRunning(pid)) process.kill(pid, "SIGKILL");
  return true;
}
