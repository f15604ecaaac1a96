/**
 * The one mapping from an error's policy (error-policy.ts) to BullMQ's
 * retry behaviour: permanent problems fail the job at once with their
 * reason; critical ones hand the job back and stop the process; any other
 * error is retried with exponential backoff.
 */
import { UnrecoverableError } from "bullmq";
import { policyOf, reasonOf } from "./error-policy.ts";

/** The error to throw to BullMQ for `error`: UnrecoverableError when it must not be retried. */
export function toQueueError(error: unknown): Error {
  if (policyOf(error) === "permanent") return new UnrecoverableError(reasonOf(error));
  if (error instanceof Error) return error;
  return new Error(String(error));
}

export interface JobRetryOptions {
  attempts: number;
  backoffMs: number;
}

/** BullMQ job options every queue uses: attempts, exponential backoff and how long jobs are kept. */
export function defaultJobOptions(options: JobRetryOptions) {
  return {
    attempts: options.attempts,
    backoff: { type: "exponential", delay: options.backoffMs },
    // Completed jobs are kept a while so that a duplicate job id within a run is ignored.
    removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
    // Failed jobs keep their reason for the operator (the dead-letter view).
    removeOnFail: { age: 30 * 24 * 3600 },
  } as const;
}
