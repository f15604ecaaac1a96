/**
 * Follows the jobs of a run from fetch to index: each transform job returns
 * the ids of the jobs it handed on, so the tracker walks the fan-out without
 * polling queues, and reports every source as indexed, unchanged or failed.
 *
 * A job's end is read with plain reads of its keys (is it in the completed or
 * the failed set, then its return value or reason) on a connection of the
 * tracker's own that pipelines what one tick asks: a run of a thousand
 * sources follows six thousand jobs, and loading each job whole (its
 * document included) and asking BullMQ's state script once per job cost the
 * watching process more CPU than a stage.
 */
import { QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import { ENTRY_STAGE, SINK_STAGE, STAGE_NAMES, type StageName } from "../../pipelines/pipeline.ts";
import type { Config } from "../../shared/config.ts";
import type { SourceRef } from "../../shared/document.ts";
import { createLogger, type Logger } from "../../shared/logger.ts";
import { createRedis } from "../../shared/redis.ts";
import type { EnqueuedSource } from "../runtime/entry-jobs.ts";
import {
  type IndexJobResult,
  indexJobResultSchema,
  stageJobResultSchema,
} from "../runtime/job-data.ts";
import type { QueueSet } from "../runtime/queue-set.ts";
import { type Finished, JobWaiters } from "./job-waiters.ts";

export interface Failure {
  stage: StageName;
  jobId: string;
  reason: string;
}

export interface SourceOutcome {
  source: SourceRef;
  status: "indexed" | "unchanged" | "failed";
  documents: IndexJobResult[];
  failures: Failure[];
}

const RECHECK_MS = 5_000;

/** A return value as BullMQ stored it (JSON), or the raw text when it is not JSON, as BullMQ reads it. */
function parsedOrRaw(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export class RunTracker {
  private readonly events: Record<StageName, QueueEvents>;
  private readonly waiters: Record<StageName, JobWaiters>;
  private readonly reader: Redis;

  constructor(
    config: Config,
    private readonly queues: QueueSet,
    private readonly timeoutMs = 30 * 60_000,
    log: Logger = createLogger(config, "run-tracker"),
  ) {
    const entries = STAGE_NAMES.map((name) => [
      name,
      new QueueEvents(name, {
        connection: { url: config.REDIS_URL },
        prefix: config.QUEUE_PREFIX,
      }).on("error", (error) =>
        // ioredis reconnects; waitUntilFinished resumes once events flow again.
        log.warn({ err: error, queue: name }, "queue events connection error"),
      ),
    ]);
    this.events = Object.fromEntries(entries) as Record<StageName, QueueEvents>;
    this.reader = createRedis(config, false, { autoPipelining: true });
    this.waiters = Object.fromEntries(
      STAGE_NAMES.map((name) => [name, new JobWaiters(this.events[name])]),
    ) as Record<StageName, JobWaiters>;
  }

  async ready(): Promise<void> {
    await Promise.all(Object.values(this.events).map((events) => events.waitUntilReady()));
  }

  async follow(enqueued: EnqueuedSource): Promise<SourceOutcome> {
    const outcome: SourceOutcome = {
      source: enqueued.source,
      status: "indexed",
      documents: [],
      failures: [],
    };
    let unchanged = false;
    const walk = async (stage: StageName, jobId: string): Promise<void> => {
      const finished = await this.finished(stage, jobId);
      if ("reason" in finished) {
        outcome.failures.push({ stage, jobId, reason: finished.reason });
        return;
      }
      const result = finished.result;
      if (stage === SINK_STAGE) {
        outcome.documents.push(indexJobResultSchema.parse(result));
        return;
      }
      const stageResult = stageJobResultSchema.parse(result);
      if (stageResult.unchanged) unchanged = true;
      await Promise.all(stageResult.next.map((next) => walk(next.queue, next.jobId)));
    };
    await walk(ENTRY_STAGE, enqueued.jobId);
    if (outcome.failures.length > 0) outcome.status = "failed";
    else if (unchanged) outcome.status = "unchanged";
    return outcome;
  }

  /**
   * Waits for the job's completion event, re-reading its state now and then:
   * an event published while the events connection was down (a Redis
   * restart) is never delivered, but the job's state in Redis is still true.
   */
  private async finished(stage: StageName, jobId: string): Promise<Finished> {
    const deadline = Date.now() + this.timeoutMs;
    const watch = this.waiters[stage].watch(jobId);
    try {
      for (;;) {
        const state = await this.endOf(stage, jobId).catch(() => "unknown" as const);
        if (state !== "unknown" && state !== "pending") return state;
        if (Date.now() > deadline)
          return {
            reason: `not finished after ${this.timeoutMs} ms (${state === "pending" ? "not ended" : "state unknown"})`,
          };
        const ended = await watch.next(RECHECK_MS);
        if (ended) return ended;
      }
    } finally {
      watch.cancel();
    }
  }

  /** The job's end if it has ended; "pending" if not; a reason if it is gone. */
  private async endOf(stage: StageName, jobId: string): Promise<Finished | "pending"> {
    const queue = this.queues[stage];
    const key = queue.toKey(jobId);
    const [exists, completed, failed] = await Promise.all([
      this.reader.exists(key),
      this.reader.zscore(queue.toKey("completed"), jobId),
      this.reader.zscore(queue.toKey("failed"), jobId),
    ]);
    if (completed !== null) {
      const value = await this.reader.hget(key, "returnvalue");
      return { result: value === null ? undefined : parsedOrRaw(value) };
    }
    if (failed !== null) {
      const reason = await this.reader.hget(key, "failedReason");
      return { reason: reason || "failed (no reason recorded)" };
    }
    if (exists === 0) return { reason: "job not found (removed from the queue?)" };
    return "pending";
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.events).map((events) => events.close()));
    this.reader.disconnect();
  }
}
