/**
 * The one mapping from Lodestone's error classes (shared/errors.ts) to
 * BullMQ's retry behaviour: permanent problems fail the job at once with
 * their reason; anything else is retried with exponential backoff.
 */
import { UnrecoverableError } from "bullmq";
import { ZodError } from "zod";
import { PermanentError } from "../../shared/errors.ts";

export function toQueueError(error: unknown): Error {
  if (error instanceof PermanentError) return new UnrecoverableError(error.message);
  // A payload that does not validate will not validate on the next attempt either.
  if (error instanceof ZodError) {
    return new UnrecoverableError(
      `invalid job payload: ${error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  if (error instanceof Error) return error;
  return new Error(String(error));
}

export interface JobRetryOptions {
  attempts: number;
  backoffMs: number;
}

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
