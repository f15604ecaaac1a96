/**
 * Per-stage job counters and a duration histogram, kept in Redis so that the
 * API process reports the jobs every worker process handled, and a worker's
 * restart loses nothing. One hash per stage: `completed`, `failed`,
 * `retried`, `unchanged` (fetch only), `duration_count`, `duration_sum` (seconds), one
 * `le:<bound>` field per histogram bucket (non-cumulative; the renderer sums), and one
 * `refused:<kind>` field per class of permanent failure (input refused with a reason),
 * and `documents`, `documents_ms`: the documents a stage's function took and the
 * milliseconds it spent on them, counted where the stage ran, in its own job or
 * chained into the job of the stage before it (CHAIN_CPU_STAGES).
 */
import type { Redis } from "ioredis";
import { STAGE_NAMES, type StageName } from "../../pipelines/pipeline.ts";
import { stageJobResultSchema } from "../runtime/job-data.ts";
import type { JobOutcome } from "../runtime/stage-worker.ts";

/** Bucket bounds in seconds: a fetch takes up to tens of seconds, a transform milliseconds. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export interface StageStats {
  completed: number;
  /** Completed fetches that found the source unchanged. */
  unchanged: number;
  failed: number;
  retried: number;
  /** Jobs failed for good by a permanent error, by its class (BudgetExceededError, PermanentError, …). */
  refused: Record<string, number>;
  duration: { buckets: Array<[number, number]>; inf: number; count: number; sum: number };
  /** Documents the stage's function took, and the milliseconds it spent on them. */
  documents: { count: number; ms: number };
}

function bucketField(seconds: number): string {
  const bound = DURATION_BUCKETS.find((le) => seconds <= le);
  return bound === undefined ? "le:+Inf" : `le:${bound}`;
}

export class MetricsStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(stage: StageName): string {
    return `${this.prefix}:metrics:stage:${stage}`;
  }

  async record(outcome: JobOutcome): Promise<void> {
    const key = this.key(outcome.stage);
    // A transform job's result (an index job's parses to nothing): whether a fetch found its
    // source unchanged (304 or same content hash), and the time of every stage it ran.
    const result =
      outcome.status === "completed"
        ? stageJobResultSchema.safeParse(outcome.result).data
        : undefined;
    const tx = this.redis.multi();
    if (outcome.retried) tx.hincrby(key, "retried", 1);
    if (outcome.status === "completed") tx.hincrby(key, "completed", 1);
    if (result?.unchanged === true) tx.hincrby(key, "unchanged", 1);
    if (outcome.status === "failed") tx.hincrby(key, "failed", 1);
    if (outcome.status === "failed" && outcome.failureKind)
      tx.hincrby(key, `refused:${outcome.failureKind}`, 1);
    // Every attempt's time counts, a failed one too: it held a worker as long.
    const seconds = outcome.ms / 1000;
    tx.hincrby(key, bucketField(seconds), 1);
    tx.hincrby(key, "duration_count", 1);
    tx.hincrbyfloat(key, "duration_sum", seconds);
    for (const timing of result?.stage_ms ?? []) {
      const stageKey = this.key(timing.stage);
      tx.hincrby(stageKey, "documents", timing.documents);
      tx.hincrbyfloat(stageKey, "documents_ms", timing.ms);
    }
    await tx.exec();
  }

  async read(): Promise<Record<StageName, StageStats>> {
    const hashes = await Promise.all(
      STAGE_NAMES.map((stage) => this.redis.hgetall(this.key(stage))),
    );
    const entries = STAGE_NAMES.map((stage, i) => {
      const hash = hashes[i] ?? {};
      const number = (field: string) => Number(hash[field] ?? "0");
      const stats: StageStats = {
        completed: number("completed"),
        unchanged: number("unchanged"),
        failed: number("failed"),
        retried: number("retried"),
        refused: Object.fromEntries(
          Object.entries(hash)
            .filter(([field]) => field.startsWith("refused:"))
            .map(([field, value]) => [field.slice("refused:".length), Number(value)]),
        ),
        duration: {
          buckets: DURATION_BUCKETS.map((le) => [le, number(`le:${le}`)]),
          inf: number("le:+Inf"),
          count: number("duration_count"),
          sum: number("duration_sum"),
        },
        documents: { count: number("documents"), ms: number("documents_ms") },
      };
      return [stage, stats] as const;
    });
    return Object.fromEntries(entries) as Record<StageName, StageStats>;
  }
}
