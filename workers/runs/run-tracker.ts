/**
 * Follows the jobs of a run from fetch to index: each transform job returns
 * the ids of the jobs it handed on, so the tracker walks the fan-out without
 * polling queues, and reports every source as indexed, unchanged or failed.
 *
 * Ends come from the queues' event streams, read together on a connection
 * of the tracker's own (queue-event-feed.ts); a job's state is read only
 * when the feed has gone quiet or lost its connection, which is when an end
 * may have passed unseen (or the job may be gone). A run of a thousand
 * sources follows thousands of jobs: reading each one's state as it is
 * reached, and each queue's events with BullMQ's QueueEvents, cost the
 * watching process more CPU than a stage.
 */
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
import { type Finished, JobWaiters, parsedOrRaw } from "./job-waiters.ts";
import { QueueEventFeed } from "./queue-event-feed.ts";

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

export class RunTracker {
  private readonly waiters: Record<StageName, JobWaiters>;
  private readonly feed: QueueEventFeed;
  private readonly reader: Redis;

  constructor(
    config: Config,
    private readonly queues: QueueSet,
    private readonly timeoutMs = 30 * 60_000,
    log: Logger = createLogger(config, "run-tracker"),
  ) {
    this.waiters = Object.fromEntries(
      STAGE_NAMES.map((name) => [name, new JobWaiters()]),
    ) as Record<StageName, JobWaiters>;
    this.feed = new QueueEventFeed(
      createRedis(config, false),
      STAGE_NAMES.map((name) => ({
        key: queues[name].toKey("events"),
        onEnd: (jobId, end) => this.waiters[name].settle(jobId, end),
      })),
      () => {
        for (const waiters of Object.values(this.waiters)) waiters.recheckAll();
      },
      log,
    );
    this.reader = createRedis(config, false, { autoPipelining: true });
  }

  /** Ends from now on are told; call before adding the jobs to follow. */
  async ready(): Promise<void> {
    await this.feed.start();
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
   * Waits for the job's end as the feed tells it; reads the job's state when
   * the feed asks (it went quiet or lost its connection) and at the deadline.
   */
  private async finished(stage: StageName, jobId: string): Promise<Finished> {
    const deadline = Date.now() + this.timeoutMs;
    const watch = this.waiters[stage].watch(jobId);
    try {
      for (;;) {
        const ended = await watch.next(Math.max(0, deadline - Date.now()));
        if (ended) return ended;
        const state = await this.endOf(stage, jobId).catch(() => "unknown" as const);
        if (state !== "unknown" && state !== "pending") return state;
        if (Date.now() >= deadline)
          return {
            reason: `not finished after ${this.timeoutMs} ms (${state === "pending" ? "not ended" : "state unknown"})`,
          };
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
    await this.feed.stop();
    this.reader.disconnect();
  }
}
