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

/** Fields added to with HINCRBYFLOAT; every other field counts whole jobs or documents. */
const FRACTIONAL_FIELDS = new Set(["duration_sum", "documents_ms"]);

export interface MetricsStoreOptions {
  /** How long increments wait in memory before they are written; 0 writes each job's at once. */
  flushMs?: number;
  /** Told of a write that failed (its increments are kept for the next). */
  onError?: (error: unknown) => void;
}

export class MetricsStore {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly flushMs: number;
  private readonly onError: (error: unknown) => void;
  /** Hash key → field → increment not yet written. */
  private pending = new Map<string, Map<string, number>>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(redis: Redis, prefix: string, options: MetricsStoreOptions = {}) {
    this.redis = redis;
    this.prefix = prefix;
    this.flushMs = options.flushMs ?? 0;
    this.onError = options.onError ?? (() => {});
  }

  private key(stage: StageName): string {
    return `${this.prefix}:metrics:stage:${stage}`;
  }

  private add(key: string, field: string, by: number): void {
    let fields = this.pending.get(key);
    if (!fields) {
      fields = new Map();
      this.pending.set(key, fields);
    }
    fields.set(field, (fields.get(field) ?? 0) + by);
  }

  /**
   * Counts a job's outcome. With `flushMs` above 0 the counts are written
   * later (by then or on `close`); the promise settles at once.
   */
  record(outcome: JobOutcome): Promise<void> {
    const key = this.key(outcome.stage);
    // A transform job's result (an index job's parses to nothing): whether a fetch found its
    // source unchanged (304 or same content hash), and the time of every stage it ran.
    const result =
      outcome.status === "completed"
        ? stageJobResultSchema.safeParse(outcome.result).data
        : undefined;
    if (outcome.retried) this.add(key, "retried", 1);
    if (outcome.status === "completed") this.add(key, "completed", 1);
    if (result?.unchanged === true) this.add(key, "unchanged", 1);
    if (outcome.status === "failed") this.add(key, "failed", 1);
    if (outcome.status === "failed" && outcome.failureKind)
      this.add(key, `refused:${outcome.failureKind}`, 1);
    // Every attempt's time counts, a failed one too: it held a worker as long.
    const seconds = outcome.ms / 1000;
    this.add(key, bucketField(seconds), 1);
    this.add(key, "duration_count", 1);
    this.add(key, "duration_sum", seconds);
    for (const timing of result?.stage_ms ?? []) {
      const stageKey = this.key(timing.stage);
      this.add(stageKey, "documents", timing.documents);
      this.add(stageKey, "documents_ms", timing.ms);
    }
    if (this.flushMs <= 0) return this.flush();
    this.schedule();
    return Promise.resolve();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((error: unknown) => {
        this.onError(error);
        // What failed is held again; try again a period later.
        this.schedule();
      });
    }, this.flushMs);
  }

  /** Writes every increment held so far, in one transaction, after any write under way. */
  flush(): Promise<void> {
    // A write that failed was reported to its caller; the next one starts afresh.
    const next = this.writing.catch(() => {}).then(() => this.write());
    this.writing = next;
    return next;
  }

  /** Stops the timer and writes what is held. */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private async write(): Promise<void> {
    const batch = this.pending;
    if (batch.size === 0) return;
    this.pending = new Map();
    const tx = this.redis.multi();
    for (const [key, fields] of batch)
      for (const [field, by] of fields) {
        if (FRACTIONAL_FIELDS.has(field)) tx.hincrbyfloat(key, field, by);
        else tx.hincrby(key, field, by);
      }
    try {
      await tx.exec();
    } catch (error) {
      // MULTI/EXEC applies all or nothing: the batch goes back, to be written with the next.
      for (const [key, fields] of batch) for (const [field, by] of fields) this.add(key, field, by);
      throw error;
    }
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
