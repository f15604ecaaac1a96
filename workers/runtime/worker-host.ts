/**
 * Runs one BullMQ worker per stage in this process and closes them cleanly:
 * on close, each worker stops taking jobs and finishes the ones it holds,
 * then the bulk indexer flushes and the connections close.
 */
import type { Worker } from "bullmq";
import { stageBudgetsOf } from "../../pipelines/budgets.ts";
import { safeFetchPolicyOf } from "../../pipelines/fetch/http/policy-from-config.ts";
import { SafeFetcher } from "../../pipelines/fetch/http/safe-fetcher.ts";
import { buildPipeline, type StageName, type TransformStage } from "../../pipelines/pipeline.ts";
import type { StageOffload } from "../../pipelines/stage.ts";
import type { Config } from "../../shared/config.ts";
import type { Logger } from "../../shared/logger.ts";
import { createOpenSearch } from "../../shared/opensearch.ts";
import { createRedis } from "../../shared/redis.ts";
import { BulkIndexer } from "../indexing/bulk-indexer.ts";
import { DeadLetters } from "../indexing/dead-letters.ts";
import { ensureIndex, indexSizingOf } from "../indexing/ensure-index.ts";
import { MetricsStore } from "../metrics/metrics-store.ts";
import { RedisHostGate } from "../sources/host-rate-limit.ts";
import { recordSourceRun } from "../sources/run-recorder.ts";
import { SourceRegistry } from "../sources/source-registry.ts";
import { closeWorker } from "./close-worker.ts";
import { indexHandler } from "./index-handler.ts";
import { closeQueueSet, createQueueSet } from "./queue-set.ts";
import { SourceState } from "./source-state.ts";
import { cpuChainAfter } from "./stage-chain.ts";
import { StagePool } from "./stage-pool.ts";
import { type JobOutcome, startStageWorker } from "./stage-worker.ts";
import { threadGroups } from "./thread-groups.ts";
import { transformHandler } from "./transform-handler.ts";

export interface WorkerHost {
  workers: Worker[];
  close(): Promise<void>;
}

/** Starts one worker per stage of the pipeline, on the configured queues and index. */
export interface WorkerHostOptions {
  /** The stages this process works on; every stage when absent (`lodestone workers --stages`). */
  stages?: readonly StageName[];
  /** Called once the host has stopped itself after a CriticalError. */
  onStopped?: (error: Error) => void;
}

export async function startWorkerHost(
  config: Config,
  log: Logger,
  options: WorkerHostOptions = {},
): Promise<WorkerHost> {
  let closing: Promise<void> | undefined;
  const connection = createRedis(config);
  const opensearch = createOpenSearch(config);
  await ensureIndex(opensearch, config.INDEX_ALIAS, indexSizingOf(config));
  const queues = createQueueSet(config, connection);
  const state = new SourceState(connection, config.QUEUE_PREFIX);
  const registry = new SourceRegistry(connection, config.QUEUE_PREFIX);
  const store = new MetricsStore(connection, config.QUEUE_PREFIX, {
    flushMs: config.METRICS_FLUSH_MS,
    onError: (error) =>
      log.warn({ err: error }, "could not write the job metrics; kept for the next write"),
  });
  const deps = {
    config,
    connection,
    log,
    onOutcome: async (outcome: JobOutcome) => {
      await Promise.all([store.record(outcome), recordSourceRun(registry, outcome)]);
    },
    onCritical: (error: Error) => {
      // The first critical error stops every worker; the process then exits non-zero.
      if (closing) return;
      log.fatal({ err: error }, "stopping the workers: the process cannot go on");
      process.exitCode = 1;
      void host.close().then(() => options.onStopped?.(error));
    },
  };
  const indexer = new BulkIndexer(
    opensearch,
    config.INDEX_ALIAS,
    {
      maxDocs: config.BULK_MAX_DOCS,
      maxBytes: config.BULK_MAX_BYTES,
      flushMs: config.BULK_FLUSH_MS,
      callers: config.INDEX_CONCURRENCY,
    },
    log.child({ component: "bulk-indexer" }),
  );
  const http = new SafeFetcher(
    safeFetchPolicyOf(config, new RedisHostGate(connection, config.QUEUE_PREFIX)),
  );
  const budgets = stageBudgetsOf(config);
  const pipeline = buildPipeline({
    timeoutMs: config.FETCH_TIMEOUT_MS,
    maxBytes: config.FETCH_MAX_BYTES,
    fileRoots: config.FILE_SOURCE_ROOTS,
    http,
    budgets,
  });
  const runs = (name: StageName) => options.stages === undefined || options.stages.includes(name);
  const offloaded = pipeline.transforms
    .filter((stage) => stage.cost === "cpu" && runs(stage.name))
    .map((stage) => ({ name: stage.name, share: stage.cpuShare }));
  const groups = threadGroups(offloaded, config.STAGE_THREADS);
  const pool = new StagePool({
    groups,
    timeLimitMs: config.STAGE_TIME_LIMIT_MS,
    budgets,
    logConfig: config,
    log: log.child({ component: "stage-pool" }),
  });
  const offload: StageOffload = (stage, input, onWork) => pool.run(stage, input, onWork);
  // The stages each stage's jobs run after it (CHAIN_CPU_STAGES), worked out once.
  const chains = new Map(
    pipeline.transforms.map((stage) => [
      stage.name,
      config.CHAIN_CPU_STAGES ? cpuChainAfter(pipeline.transforms, stage, runs) : [],
    ]),
  );
  const chainOf = (stage: TransformStage) => chains.get(stage.name) ?? [];
  // A CPU stage takes enough jobs at once to keep every thread that runs it (or a stage of
  // its chain) busy while the other jobs make their Redis round trips: four per such thread
  // (two left threads idle between jobs on the bench), WORKER_CONCURRENCY at least.
  const concurrencyOf = (stage: TransformStage) => {
    const names = [stage.name, ...chainOf(stage).map((linked) => linked.name)];
    const threads = names.reduce(
      (sum, name) => sum + groups.filter((group) => group.includes(name)).length,
      0,
    );
    return Math.max(config.WORKER_CONCURRENCY, 4 * threads);
  };
  if (groups.length > 0) {
    const loading = performance.now();
    // A host closed while its threads load (a run with nothing to do) stops them: not "ready".
    pool.warm().then(
      () => {
        if (closing) return;
        log.info(
          { threads: groups, ms: Math.round(performance.now() - loading) },
          "stage threads ready: models loaded",
        );
      },
      // Jobs fail with the reason too; the operator sees it here first.
      (error: unknown) => {
        if (!closing) log.error({ err: error }, "stage threads cannot start");
      },
    );
  }
  // The stages run on this thread load now, not on their first job's clock.
  for (const stage of pipeline.transforms) {
    if (stage.cost === "cpu" || !runs(stage.name)) continue;
    stage
      .load()
      .catch((error: unknown) => log.error({ err: error, stage: stage.name }, "stage cannot load"));
  }
  const workers = [
    ...pipeline.transforms
      .filter((stage) => runs(stage.name))
      .map((stage) =>
        startStageWorker(
          transformHandler(stage, queues, concurrencyOf(stage), state, offload, chainOf(stage)),
          deps,
        ),
      ),
    ...(runs(pipeline.sink.name)
      ? [
          startStageWorker(
            indexHandler(pipeline.sink, {
              indexer,
              ledger: state,
              deadLetters: new DeadLetters(connection, config.QUEUE_PREFIX),
              concurrency: config.INDEX_CONCURRENCY,
            }),
            deps,
          ),
        ]
      : []),
  ];
  const chained = pipeline.transforms
    .filter((stage) => runs(stage.name) && chainOf(stage).length > 0)
    .map((stage) => [stage, ...chainOf(stage)].map((linked) => linked.name).join(" → "));
  log.info(
    { queues: workers.map((w) => w.name), prefix: config.QUEUE_PREFIX, chains: chained },
    "workers started",
  );
  const host: WorkerHost = {
    workers,
    close() {
      closing ??= (async () => {
        // A job that is still running after its time limit is stopped by the pool.
        const graceMs = config.STAGE_TIME_LIMIT_MS + 5_000;
        await Promise.all(workers.map((worker) => closeWorker(worker, graceMs, log)));
        await indexer.flush();
        await store
          .close()
          .catch((error: unknown) =>
            log.warn({ err: error }, "job metrics lost: Redis refused the last write"),
          );
        await pool.close();
        await http.close();
        await closeQueueSet(queues);
        await opensearch.close();
        connection.disconnect();
        log.info("workers stopped");
      })();
      return closing;
    },
  };
  return host;
}
