/**
 * Failed work, for the operator (`lodestone failed`, `/failed`): the jobs of
 * every stage that failed for good, with their reasons, and replaying them.
 * A replayed job goes back to its queue with its attempts reset and under its
 * own id, so its children keep their deterministic ids and nothing doubles;
 * the source registry and metrics hear of its new outcome as of any job.
 */
import type { Job } from "bullmq";
import { STAGE_NAMES, type StageName } from "../../pipelines/pipeline.ts";
import type { QueueSet } from "../runtime/queue-set.ts";
import { docIdOf } from "../runtime/stage-worker.ts";

export interface FailedJob {
  id: string;
  stage: StageName;
  /** The id of the source the job's payload comes from. */
  source?: string;
  attempts: number;
  reason: string;
  /** When it failed, ISO 8601. */
  at?: string;
}

export interface RetryOutcome {
  retried: Array<{ id: string; stage: StageName }>;
  /** Jobs that could not be retried, with why (gone, no longer failed, locked). */
  skipped: Array<{ id: string; reason: string }>;
}

const PAGE = 500;

function sourceOf(job: Job): string | undefined {
  const data: unknown = job.data;
  if (typeof data !== "object" || data === null || !("payload" in data)) return undefined;
  const payload = data.payload;
  if (typeof payload === "object" && payload !== null && "source" in payload)
    return docIdOf({ source: payload.source });
  return docIdOf(payload);
}

function toFailedJob(job: Job, stage: StageName): FailedJob {
  return {
    id: job.id ?? "",
    stage,
    ...(sourceOf(job) ? { source: sourceOf(job) } : {}),
    attempts: job.attemptsMade,
    reason: job.failedReason || "(no reason recorded)",
    ...(job.finishedOn ? { at: new Date(job.finishedOn).toISOString() } : {}),
  };
}

function stagesOf(stage?: StageName): readonly StageName[] {
  return stage ? [stage] : STAGE_NAMES;
}

/** Failed jobs of one stage or all, newest first, at most `limit`. */
export async function listFailed(
  queues: QueueSet,
  options: { stage?: StageName; limit?: number } = {},
): Promise<FailedJob[]> {
  const limit = options.limit ?? 100;
  const perStage = await Promise.all(
    stagesOf(options.stage).map(async (stage) => {
      // The failed set is ordered by when each failed, newest first.
      const jobs = await queues[stage].getFailed(0, limit - 1);
      return jobs.filter((job) => job !== undefined).map((job) => toFailedJob(job, stage));
    }),
  );
  return perStage
    .flat()
    .sort((a, b) => (b.at ?? "").localeCompare(a.at ?? ""))
    .slice(0, limit);
}

/** How many jobs have failed, per stage. */
export async function countFailed(queues: QueueSet): Promise<Record<StageName, number>> {
  const counts = await Promise.all(STAGE_NAMES.map((stage) => queues[stage].getFailedCount()));
  return Object.fromEntries(STAGE_NAMES.map((stage, i) => [stage, counts[i] ?? 0])) as Record<
    StageName,
    number
  >;
}

async function retryJob(job: Job, stage: StageName, outcome: RetryOutcome): Promise<void> {
  const id = job.id ?? "";
  try {
    // Attempts start again: a job that used all its retries during an outage gets them all back.
    await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });
    outcome.retried.push({ id, stage });
  } catch (error) {
    outcome.skipped.push({
      id,
      reason: `not retried (${(await job.getState()) ?? "gone"}): ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

/** Puts failed jobs back on their queues: the one named, of any stage. */
export async function retryFailedJob(queues: QueueSet, jobId: string): Promise<RetryOutcome> {
  const outcome: RetryOutcome = { retried: [], skipped: [] };
  for (const stage of STAGE_NAMES) {
    const job = await queues[stage].getJob(jobId);
    if (!job) continue;
    if (!(await job.isFailed())) {
      outcome.skipped.push({ id: jobId, reason: `not failed: ${await job.getState()}` });
      return outcome;
    }
    await retryJob(job, stage, outcome);
    return outcome;
  }
  outcome.skipped.push({ id: jobId, reason: "no such job in any stage queue" });
  return outcome;
}

/**
 * Puts every failed job of one stage, or of all, back on its queue. The
 * failed set is read in full before anything is retried, so a job that fails
 * again at once is not retried a second time.
 */
export async function retryAllFailed(
  queues: QueueSet,
  options: { stage?: StageName } = {},
): Promise<RetryOutcome> {
  const outcome: RetryOutcome = { retried: [], skipped: [] };
  for (const stage of stagesOf(options.stage)) {
    const jobs: Job[] = [];
    for (let start = 0; ; start += PAGE) {
      const page = await queues[stage].getFailed(start, start + PAGE - 1);
      jobs.push(...page.filter((job) => job !== undefined));
      if (page.length < PAGE) break;
    }
    for (const job of jobs) await retryJob(job, stage, outcome);
  }
  return outcome;
}

/** Puts a failed job back by id only when it is in `stage` (dead letters: the index stage). */
export async function retryFailedIn(
  queues: QueueSet,
  stage: StageName,
  jobIds: readonly string[],
): Promise<RetryOutcome> {
  const outcome: RetryOutcome = { retried: [], skipped: [] };
  for (const id of new Set(jobIds)) {
    const job = await queues[stage].getJob(id);
    if (!job) outcome.skipped.push({ id, reason: "job gone (removed after 30 days?)" });
    else if (!(await job.isFailed()))
      outcome.skipped.push({ id, reason: `not failed: ${await job.getState()}` });
    else await retryJob(job, stage, outcome);
  }
  return outcome;
}
