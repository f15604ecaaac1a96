/**
 * Replays the documents OpenSearch refused, once the cause is fixed (a
 * mapping changed with `lodestone index migrate`, a field repaired): each
 * dead letter names the failed index job that still holds its document, and
 * that job goes back to the index queue. A letter whose job was replayed or
 * has since completed is removed; one refused again gets a new letter.
 */
import { SINK_STAGE } from "../../pipelines/pipeline.ts";
import type { DeadLetter, DeadLetters } from "../indexing/dead-letters.ts";
import type { QueueSet } from "../runtime/queue-set.ts";
import { type RetryOutcome, retryFailedIn } from "./failed-jobs.ts";

/** The failed index job of letters written before they named it: found by document id. */
async function jobIdsByDoc(queues: QueueSet, letters: DeadLetter[]): Promise<Map<string, string>> {
  const byDoc = new Map<string, string>();
  if (letters.every((letter) => letter.jobId)) return byDoc;
  const failed = await queues[SINK_STAGE].getFailed(0, -1);
  for (const job of failed) {
    const data: unknown = job?.data;
    if (typeof data !== "object" || data === null || !("payload" in data)) continue;
    const payload = data.payload;
    if (typeof payload === "object" && payload !== null && "id" in payload && job?.id)
      byDoc.set(String(payload.id), job.id);
  }
  return byDoc;
}

export interface DeadLetterRetry extends RetryOutcome {
  /** Letters removed: their documents were replayed or are indexed by now. */
  cleared: number;
}

/** Replays the dead letters (those of `docIds` only, when given) and clears the ones replayed. */
export async function retryDeadLetters(
  letters: DeadLetters,
  queues: QueueSet,
  options: { docIds?: readonly string[] } = {},
): Promise<DeadLetterRetry> {
  const wanted = options.docIds ? new Set(options.docIds) : undefined;
  const chosen = (await letters.all()).filter((l) => !wanted || wanted.has(l.docId));
  const byDoc = await jobIdsByDoc(queues, chosen);
  const jobOf = (l: DeadLetter) => l.jobId ?? byDoc.get(l.docId);
  const outcome = await retryFailedIn(
    queues,
    SINK_STAGE,
    chosen.map(jobOf).filter((id): id is string => id !== undefined),
  );
  const replayed = new Set(outcome.retried.map((r) => r.id));
  const clear: string[] = [];
  for (const letter of chosen) {
    const jobId = jobOf(letter);
    if (!jobId) {
      outcome.skipped.push({ id: letter.docId, reason: "no failed index job holds it any more" });
      continue;
    }
    if (replayed.has(jobId)) clear.push(letter.entryId);
    // Completed since (replayed another way): the letter is stale.
    else if (await (await queues[SINK_STAGE].getJob(jobId))?.isCompleted())
      clear.push(letter.entryId);
  }
  await letters.remove(clear);
  return { ...outcome, cleared: clear.length };
}
