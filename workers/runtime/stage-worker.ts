/**
 * Binds a stage to its queue. The one wrapper that gives every stage its
 * payload validation, logging context (queue, job id, document id), metrics,
 * retry mapping, error listener and fan-out to the next queue, so stage code
 * is only logic.
 */
import { DelayedError, type Job, UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { StageName } from "../../pipelines/pipeline.ts";
import type { StageContext } from "../../pipelines/stage.ts";
import type { Config } from "../../shared/config.ts";
import type { Logger } from "../../shared/logger.ts";
import { jobLogger } from "../../shared/logger.ts";
import { runIdOf } from "../sources/scheduled-run.ts";
import { failureKindOf, policyOf } from "./error-policy.ts";
import { jobEnvelopeSchema } from "./job-data.ts";
import { toQueueError } from "./retry-policy.ts";

export interface WorkerDeps {
  config: Config;
  connection: Redis;
  log: Logger;
  /** Told of every attempt's end (cross-process metrics, the source registry's last run). */
  onOutcome?: (outcome: JobOutcome) => Promise<void>;
  /** Told of a CriticalError: the process cannot go on (the host stops). */
  onCritical?: (error: Error) => void;
}

export interface JobOutcome {
  stage: StageName;
  jobId: string;
  runId?: string;
  /** The source the job's payload speaks of. */
  sourceId?: string;
  /** failed: for good; retrying: this attempt failed, another follows. */
  status: "completed" | "failed" | "retrying";
  ms: number;
  /** This attempt was a retry. */
  retried: boolean;
  result?: unknown;
  error?: string;
  /** Of a job failed for good by a permanent error: the error's class (BudgetExceededError, …). */
  failureKind?: string;
}

export interface StageHandler<R> {
  name: StageName;
  concurrency: number;
  handle(payload: unknown, runId: string, ctx: StageContext): Promise<R>;
}

/** The id a payload speaks of: a document's `id`, or a fetch request's `source.id`. */
export function docIdOf(payload: unknown): string | undefined {
  if (typeof payload !== "object" || payload === null) return undefined;
  if ("id" in payload && typeof payload.id === "string") return payload.id;
  if ("source" in payload && typeof payload.source === "object" && payload.source !== null) {
    const source = payload.source;
    if ("id" in source && typeof source.id === "string") return source.id;
  }
  return undefined;
}

function sourceIdOf(payload: unknown): string | undefined {
  if (typeof payload !== "object" || payload === null || !("source" in payload)) return undefined;
  return docIdOf({ source: payload.source });
}

export function startStageWorker<R>(handler: StageHandler<R>, deps: WorkerDeps): Worker {
  // Bookkeeping must never fail the job it reports on.
  const report = (outcome: JobOutcome) =>
    deps
      .onOutcome?.(outcome)
      .catch((error: unknown) =>
        deps.log.warn({ err: error, queue: handler.name }, "could not record the job outcome"),
      );
  const processor = async (job: Job, token?: string, signal?: AbortSignal): Promise<R> => {
    const started = performance.now();
    const envelope = jobEnvelopeSchema.safeParse(job.data);
    const docId = envelope.success ? docIdOf(envelope.data.payload) : undefined;
    const log = jobLogger(deps.log, {
      queue: handler.name,
      jobId: job.id,
      ...(docId ? { docId } : {}),
    });
    const runId = envelope.success ? runIdOf(envelope.data.run_id, job.id) : undefined;
    const sourceId = envelope.success ? sourceIdOf(envelope.data.payload) : undefined;
    const outcome = { stage: handler.name, jobId: job.id ?? "", retried: job.attemptsMade > 0 };
    try {
      if (!envelope.success) throw envelope.error;
      const ctx: StageContext = { log, ...(signal ? { signal } : {}) };
      const result = await handler.handle(envelope.data.payload, runId ?? "", ctx);
      const ms = Math.round(performance.now() - started);
      log.info({ ms, attempt: job.attemptsMade + 1 }, "job done");
      await report({ ...outcome, runId, sourceId, status: "completed", ms, result });
      return result;
    } catch (error) {
      const ms = Math.round(performance.now() - started);
      if (policyOf(error) === "critical") {
        // Not the document's fault: hand the job back untouched and stop this process.
        log.fatal({ err: error }, "critical error: handing the job back and stopping");
        await job.moveToDelayed(Date.now() + deps.config.JOB_BACKOFF_MS, token);
        deps.onCritical?.(error instanceof Error ? error : new Error(String(error)));
        throw new DelayedError();
      }
      const queueError = toQueueError(error);
      const willRetry =
        !(queueError instanceof UnrecoverableError) &&
        job.attemptsMade + 1 < (job.opts.attempts ?? 1);
      log.warn({ err: queueError, attempt: job.attemptsMade + 1, willRetry }, "job failed");
      const status = willRetry ? "retrying" : "failed";
      const kind =
        queueError instanceof UnrecoverableError ? { failureKind: failureKindOf(error) } : {};
      await report({ ...outcome, runId, sourceId, status, ms, error: queueError.message, ...kind });
      throw queueError;
    }
  };
  const worker = new Worker(handler.name, processor, {
    connection: deps.connection,
    prefix: deps.config.QUEUE_PREFIX,
    concurrency: handler.concurrency,
    stalledInterval: deps.config.STALLED_INTERVAL_MS,
    lockDuration: deps.config.LOCK_DURATION_MS,
    autorun: true,
  });
  // Without a listener an 'error' event would crash the process; a Redis hiccup is not fatal.
  worker.on("error", (error) =>
    deps.log.error({ err: error, queue: handler.name }, "worker error"),
  );
  return worker;
}
