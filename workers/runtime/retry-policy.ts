/**
 * The one mapping from Lodestone's error classes (shared/errors.ts) to
 * BullMQ's retry behaviour: permanent problems fail the job at once with
 * their reason; critical ones hand the job back and stop the process; any
 * other error is retried with exponential backoff.
 */
import { UnrecoverableError } from "bullmq";
import { ZodError } from "zod";
import { type ErrorPolicy, LodestoneError } from "../../shared/errors.ts";

/** What the runtime does with an error thrown by a stage. */
export function policyOf(error: unknown): ErrorPolicy {
  if (error instanceof LodestoneError) return error.policy;
  // A payload that does not validate will not validate on the next attempt either.
  if (error instanceof ZodError) return "permanent";
  // A stack overflow or an impossible length comes from the input: it recurs on every try.
  if (error instanceof RangeError) return "permanent";
  return "retry";
}

/** The class of a permanent failure, for counting refusals by kind (e.g. BudgetExceededError). */
export function failureKindOf(error: unknown): string {
  if (error instanceof ZodError) return "InvalidPayload";
  return error instanceof Error ? error.name : "Error";
}

/** The reason an error gives the operator (a payload's issues, a stack overflow named as such). */
export function reasonOf(error: unknown): string {
  if (error instanceof ZodError)
    return `invalid job payload: ${error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`;
  if (error instanceof RangeError) return `input too large or too deep: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

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
