/**
 * Each test gets its own queue prefix and index alias on the shared servers,
 * and removes them afterwards.
 */
import { randomBytes } from "node:crypto";
import { type Config, loadConfig } from "../../shared/config.ts";
import type { SourceRef } from "../../shared/document.ts";
import { createLogger, type Logger } from "../../shared/logger.ts";
import { createOpenSearch, type OpenSearchClient } from "../../shared/opensearch.ts";
import { createRedis } from "../../shared/redis.ts";
import { templateName } from "../../workers/indexing/ensure-index.ts";
import { ingestAndWait } from "../../workers/runs/ingest-run.ts";
import type { SourceOutcome } from "../../workers/runs/run-tracker.ts";
import { closeQueueSet, createQueueSet, type QueueSet } from "../../workers/runtime/queue-set.ts";
import { startWorkerHost, type WorkerHost } from "../../workers/runtime/worker-host.ts";

export interface TestEnv {
  config: Config;
  env: NodeJS.ProcessEnv;
  log: Logger;
  opensearch: OpenSearchClient;
  cleanup(): Promise<void>;
}

export function createTestEnv(name: string, overrides: Record<string, string> = {}): TestEnv {
  const suffix = `${name}-${randomBytes(3).toString("hex")}`;
  const env = {
    ...process.env,
    QUEUE_PREFIX: `test-${suffix}`,
    INDEX_ALIAS: `test-${suffix}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "error",
    LOG_FORMAT: "json",
    JOB_BACKOFF_MS: "50",
    BULK_FLUSH_MS: "20",
    // The test servers listen on loopback, which SSRF protection refuses by default.
    FETCH_ALLOW_HOSTS: "127.0.0.1",
    FETCH_HOST_INTERVAL_MS: "20",
    // A workers process starts all its stage threads at once, each loading every model;
    // the tests' few documents need one (tests of the pool itself ask for more).
    STAGE_THREADS: "1",
    ...overrides,
  };
  const config = loadConfig(env);
  const opensearch = createOpenSearch(config);
  return {
    config,
    env,
    log: createLogger(config, `test-${name}`),
    opensearch,
    async cleanup() {
      await opensearch.indices.delete({ index: `${config.INDEX_ALIAS}-v*` }, { ignore: [404] });
      await opensearch.indices.deleteIndexTemplate(
        { name: templateName(config.INDEX_ALIAS) },
        { ignore: [404] },
      );
      await opensearch.close();
      const redis = createRedis(config, false);
      const keys = await redis.keys(`${config.QUEUE_PREFIX}:*`);
      for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
      redis.disconnect();
    },
  };
}

export async function documentsIn(
  opensearch: OpenSearchClient,
  alias: string,
): Promise<Array<{ _id: string; _version?: number; _source: Record<string, unknown> }>> {
  await opensearch.indices.refresh({ index: alias });
  const response = await opensearch.search({
    index: alias,
    body: { size: 100, version: true, query: { match_all: {} } },
  });
  return response.body.hits.hits as Array<{
    _id: string;
    _version?: number;
    _source: Record<string, unknown>;
  }>;
}

export interface RunningPipeline {
  host: WorkerHost;
  queues: QueueSet;
  /** Enqueues the sources and follows them to the index, as the main job does. */
  ingest(sources: SourceRef[]): Promise<SourceOutcome[]>;
  close(): Promise<void>;
}

/** The stage workers in this process, on the test's own queues and index. */
export async function startPipeline(t: TestEnv): Promise<RunningPipeline> {
  const connection = createRedis(t.config);
  const host = await startWorkerHost(t.config, t.log);
  const queues = createQueueSet(t.config, connection);
  return {
    host,
    queues,
    ingest: (sources) => ingestAndWait(t.config, queues, sources, t.log),
    async close() {
      await host.close();
      await closeQueueSet(queues);
      connection.disconnect();
    },
  };
}
