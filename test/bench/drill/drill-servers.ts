/**
 * The drill's own Redis and OpenSearch, on ports of their own with data in
 * the drill's folder, so that freezing, killing and restarting them never
 * touches the servers anyone else uses. The OpenSearch distribution is the
 * one infra/local installed (downloaded once, shared read-only).
 */
import { chmod, mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import { installOpenSearch } from "../../../infra/local/opensearch-install.ts";
import { startOpenSearch, stopOpenSearch } from "../../../infra/local/opensearch-node.ts";
import { type LocalPaths, localPaths } from "../../../infra/local/paths.ts";
import { readPid } from "../../../infra/local/pid-file.ts";
import { opensearchAnswers, redisAnswers } from "../../../infra/local/probe.ts";
import { startRedis, stopRedis } from "../../../infra/local/redis-server.ts";
import type { Config } from "../../../shared/config.ts";

export interface DrillServers {
  redisUrl: string;
  opensearchUrl: string;
  /** SIGSTOP then, after `ms`, SIGCONT the drill's OpenSearch. */
  freezeOpenSearch(ms: number): Promise<void>;
  /** Stops the drill's Redis (SIGTERM: it writes its AOF), waits `downMs`, starts it again. */
  restartRedis(downMs: number): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a Redis and an OpenSearch for the drill; refuses ports where something already answers. */
export async function startDrillServers(
  config: Config,
  dir: string,
  ports: { redis: number; opensearch: number },
  log: Logger,
): Promise<DrillServers> {
  const redisUrl = `redis://127.0.0.1:${ports.redis}`;
  const opensearchUrl = `http://127.0.0.1:${ports.opensearch}`;
  if (await redisAnswers(redisUrl))
    throw new Error(`something answers at ${redisUrl}: the drill needs a free port (--redis-port)`);
  if (await opensearchAnswers(opensearchUrl))
    throw new Error(
      `something answers at ${opensearchUrl}: the drill needs a free port (--opensearch-port)`,
    );
  const shared = localPaths(config.home, config.OPENSEARCH_VERSION);
  await installOpenSearch(shared, config.OPENSEARCH_VERSION, log);
  const own = localPaths(dir, config.OPENSEARCH_VERSION);
  // The distribution is shared; data, logs, pid files and Redis are the drill's.
  const paths: LocalPaths = { ...own, opensearch: shared.opensearch, downloads: shared.downloads };
  await mkdir(dir, { recursive: true });
  // The unprivileged OpenSearch user must reach its data folder inside the drill's.
  await chmod(dir, 0o755);
  await startRedis(redisUrl, paths, log);
  await startOpenSearch(
    paths,
    {
      url: opensearchUrl,
      heap: config.OPENSEARCH_HEAP,
      runAs: config.OPENSEARCH_RUN_AS,
      javaHome: config.JAVA_HOME,
    },
    log,
  );
  const pidOf = async (file: string, what: string) => {
    const pid = await readPid(file);
    if (pid === undefined) throw new Error(`no pid file for the drill's ${what} at ${file}`);
    return pid;
  };
  return {
    redisUrl,
    opensearchUrl,
    async freezeOpenSearch(ms) {
      const pid = await pidOf(paths.opensearchPid, "OpenSearch");
      process.kill(pid, "SIGSTOP");
      try {
        await new Promise((resolve) => setTimeout(resolve, ms));
      } finally {
        process.kill(pid, "SIGCONT");
      }
    },
    async restartRedis(downMs) {
      await stopRedis(paths);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await startRedis(redisUrl, paths, log);
    },
    async stop() {
      await Promise.all([stopOpenSearch(paths), stopRedis(paths)]);
    },
  };
}

/** The folder of the drill's server logs, for a report that points at them. */
export function drillLogDir(dir: string): string {
  return join(dir, "opensearch-logs");
}
