/**
 * Runs one BullMQ worker per stage in this process and closes them cleanly:
 * on close, each worker stops taking jobs and finishes the ones it holds,
 * then the bulk indexer flushes and the connections close.
 */
import type { Worker } from "bullmq";
import { fetchRequestSchema } from "../../pipelines/fetch/fetch-types.ts";
import { safeFetchPolicyOf } from "../../pipelines/fetch/http/policy-from-config.ts";
import { SafeFetcher } from "../../pipelines/fetch/http/safe-fetcher.ts";
import { buildPipeline } from "../../pipelines/pipeline.ts";
import type { Config } from "../../shared/config.ts";
import { fetchedDocumentSchema, normalizedDocumentSchema } from "../../shared/document.ts";
import type { Logger } from "../../shared/logger.ts";
import { createOpenSearch } from "../../shared/opensearch.ts";
import { createRedis } from "../../shared/redis.ts";
import { BulkIndexer } from "../indexing/bulk-indexer.ts";
import { DeadLetters } from "../indexing/dead-letters.ts";
import { ensureIndex } from "../indexing/ensure-index.ts";
import { MetricsStore } from "../metrics/metrics-store.ts";
import { RedisHostGate } from "../sources/host-rate-limit.ts";
import { recordSourceRun } from "../sources/run-recorder.ts";
import { SourceRegistry } from "../sources/source-registry.ts";
import { expandFolders } from "./folder-fetch.ts";
import { indexHandler } from "./index-handler.ts";
import { closeQueueSet, createQueueSet } from "./queue-set.ts";
import { SourceState } from "./source-state.ts";
import { type JobOutcome, startStageWorker } from "./stage-worker.ts";
import { type TransformHooks, transformHandler } from "./transform-handler.ts";

export interface WorkerHost {
  workers: Worker[];
  close(): Promise<void>;
}

function stageHooks(state: SourceState): Partial<Record<string, TransformHooks>> {
  return {
    fetch: {
      async prepare(payload, runId) {
        const request = fetchRequestSchema.parse(payload);
        const previous = await state.previousFor(request.source.id, { exceptRun: runId });
        return previous ? { ...request, previous } : request;
      },
      async completed(_input, outputs) {
        for (const output of outputs) {
          const doc = fetchedDocumentSchema.parse(output);
          await state.fetched(doc.source.id, doc.content_hash, {
            ...(doc.etag ? { etag: doc.etag } : {}),
            ...(doc.last_modified ? { last_modified: doc.last_modified } : {}),
          });
        }
      },
    },
    language: {
      async completed(input, outputs, runId) {
        const doc = normalizedDocumentSchema.parse(input);
        await state.expect(doc.source.id, doc.content_hash, outputs.length, runId);
      },
    },
  };
}

export async function startWorkerHost(config: Config, log: Logger): Promise<WorkerHost> {
  const connection = createRedis(config);
  const opensearch = createOpenSearch(config);
  await ensureIndex(opensearch, config.INDEX_ALIAS);
  const queues = createQueueSet(config, connection);
  const state = new SourceState(connection, config.QUEUE_PREFIX);
  const registry = new SourceRegistry(connection, config.QUEUE_PREFIX);
  const store = new MetricsStore(connection, config.QUEUE_PREFIX);
  const deps = {
    config,
    connection,
    log,
    onOutcome: async (outcome: JobOutcome) => {
      await Promise.all([store.record(outcome), recordSourceRun(registry, outcome)]);
    },
  };
  const indexer = new BulkIndexer(
    opensearch,
    config.INDEX_ALIAS,
    {
      maxDocs: config.BULK_MAX_DOCS,
      maxBytes: config.BULK_MAX_BYTES,
      flushMs: config.BULK_FLUSH_MS,
    },
    log.child({ component: "bulk-indexer" }),
  );
  const hooks = stageHooks(state);
  const http = new SafeFetcher(
    safeFetchPolicyOf(config, new RedisHostGate(connection, config.QUEUE_PREFIX)),
  );
  const pipeline = buildPipeline({
    timeoutMs: config.FETCH_TIMEOUT_MS,
    maxBytes: config.FETCH_MAX_BYTES,
    http,
  });
  const workers = [
    ...pipeline.map((stage) => {
      const handler = transformHandler(stage, queues, config.WORKER_CONCURRENCY, hooks[stage.name]);
      return startStageWorker(
        stage.name === "fetch" ? expandFolders(handler, queues) : handler,
        deps,
      );
    }),
    startStageWorker(
      indexHandler(
        indexer,
        state,
        new DeadLetters(connection, config.QUEUE_PREFIX),
        config.INDEX_CONCURRENCY,
      ),
      deps,
    ),
  ];
  log.info({ queues: workers.map((w) => w.name), prefix: config.QUEUE_PREFIX }, "workers started");
  return {
    workers,
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await indexer.flush();
      await http.close();
      await closeQueueSet(queues);
      await opensearch.close();
      connection.disconnect();
      log.info("workers stopped");
    },
  };
}
