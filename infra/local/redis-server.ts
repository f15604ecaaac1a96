/**
 * A local Redis from the `redis-server` binary (Debian package redis-server),
 * configured as BullMQ requires: AOF on, maxmemory-policy noeviction.
 */
import { mkdir } from "node:fs/promises";
import type { Logger } from "pino";
import type { LocalPaths } from "./paths.ts";
import { stopByPidFile } from "./pid-file.ts";
import { redisAnswers } from "./probe.ts";
import { commandExists, runCommand, sleep } from "./run-command.ts";

async function installRedisServer(log: Logger): Promise<void> {
  if (await commandExists("redis-server")) return;
  const root = process.getuid?.() === 0;
  if (!root || !(await commandExists("apt-get"))) {
    throw new Error(
      "redis-server is not installed. Install it (Debian/Ubuntu: apt-get install redis-server) or set REDIS_URL to a running Redis.",
    );
  }
  log.info("installing redis-server with apt-get (once)");
  await runCommand("apt-get", ["update", "-qq"]);
  await runCommand("env", [
    "DEBIAN_FRONTEND=noninteractive",
    "apt-get",
    "install",
    "-y",
    "-qq",
    "--no-install-recommends",
    "redis-server",
  ]);
}

export async function startRedis(url: string, paths: LocalPaths, log: Logger): Promise<void> {
  if (await redisAnswers(url)) return;
  await installRedisServer(log);
  await mkdir(paths.redisDir, { recursive: true });
  const port = new URL(url).port || "6379";
  log.info({ port, dir: paths.redisDir }, "starting local redis-server");
  await runCommand("redis-server", [
    "--port",
    port,
    "--bind",
    "127.0.0.1",
    "--daemonize",
    "yes",
    "--dir",
    paths.redisDir,
    "--pidfile",
    paths.redisPid,
    "--logfile",
    paths.redisLog,
    "--appendonly",
    "yes",
    "--maxmemory-policy",
    "noeviction",
  ]);
  for (let i = 0; i < 50; i += 1) {
    if (await redisAnswers(url)) return;
    await sleep(200);
  }
  throw new Error(`redis-server did not answer at ${url}; see ${paths.redisLog}`);
}

export function stopRedis(paths: LocalPaths): Promise<boolean> {
  return stopByPidFile(paths.redisPid, "redis-server");
}
