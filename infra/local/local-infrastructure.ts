/**
 * `lodestone infra up|down|status`, and what the main job and the tests call
 * before they start: when REDIS_URL or OPENSEARCH_URL does not answer and it
 * points at this machine, bring up our own. Idempotent: what already answers
 * is left alone.
 */
import type { Logger } from "pino";
import type { Config } from "../../shared/config.ts";
import { installOpenSearch } from "./opensearch-install.ts";
import { opensearchHealth, startOpenSearch, stopOpenSearch } from "./opensearch-node.ts";
import { localPaths } from "./paths.ts";
import { isLoopback, opensearchAnswers, redisAnswers } from "./probe.ts";
import { startRedis, stopRedis } from "./redis-server.ts";

function basicAuth(config: Config): string | undefined {
  if (config.OPENSEARCH_USERNAME === undefined) return undefined;
  const token = Buffer.from(
    `${config.OPENSEARCH_USERNAME}:${config.OPENSEARCH_PASSWORD ?? ""}`,
  ).toString("base64");
  return `Basic ${token}`;
}

export async function infraUp(config: Config, log: Logger): Promise<void> {
  const paths = localPaths(config.home, config.OPENSEARCH_VERSION);
  const [redisUp, opensearchUp] = await Promise.all([
    redisAnswers(config.REDIS_URL),
    opensearchAnswers(config.OPENSEARCH_URL, basicAuth(config)),
  ]);
  const refuse = (what: string, url: string) =>
    new Error(
      `${what} does not answer at ${url}, and it is not on this machine, so Lodestone will not start one. Check the URL or unset it.`,
    );
  if (!redisUp) {
    if (!isLoopback(config.REDIS_URL)) throw refuse("Redis", config.REDIS_URL);
    await startRedis(config.REDIS_URL, paths, log);
  }
  if (!opensearchUp) {
    if (!isLoopback(config.OPENSEARCH_URL)) throw refuse("OpenSearch", config.OPENSEARCH_URL);
    await installOpenSearch(paths, config.OPENSEARCH_VERSION, log);
    await startOpenSearch(
      paths,
      {
        url: config.OPENSEARCH_URL,
        heap: config.OPENSEARCH_HEAP,
        runAs: config.OPENSEARCH_RUN_AS,
        javaHome: config.JAVA_HOME,
      },
      log,
    );
  }
}

/** Brings up local infrastructure only when allowed; otherwise fails with what does not answer. */
export async function ensureInfrastructure(config: Config, log: Logger): Promise<void> {
  if (config.LODESTONE_AUTO_INFRA) return infraUp(config, log);
  const missing: string[] = [];
  if (!(await redisAnswers(config.REDIS_URL))) missing.push(`Redis at ${config.REDIS_URL}`);
  if (!(await opensearchAnswers(config.OPENSEARCH_URL, basicAuth(config)))) {
    missing.push(`OpenSearch at ${config.OPENSEARCH_URL}`);
  }
  if (missing.length > 0) {
    throw new Error(`${missing.join(" and ")} not answering (LODESTONE_AUTO_INFRA=false)`);
  }
}

export async function infraDown(config: Config): Promise<{ redis: boolean; opensearch: boolean }> {
  const paths = localPaths(config.home, config.OPENSEARCH_VERSION);
  const [opensearch, redis] = await Promise.all([stopOpenSearch(paths), stopRedis(paths)]);
  return { redis, opensearch };
}

export async function infraStatus(config: Config): Promise<Record<string, string>> {
  const [redis, health] = await Promise.all([
    redisAnswers(config.REDIS_URL),
    opensearchHealth(config.OPENSEARCH_URL, basicAuth(config)),
  ]);
  return {
    redis: `${config.REDIS_URL} ${redis ? "up" : "down"}`,
    opensearch: `${config.OPENSEARCH_URL} ${health ? `up (${health})` : "down"}`,
    home: config.home,
  };
}
