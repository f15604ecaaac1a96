/**
 * Retry policy lives in error classes, mapped once to BullMQ in
 * workers/runtime/stage-worker.ts. Never match on message strings.
 */

/** Input that will never work however often it is retried (a 404, a refused address, a mapping error). */
export class PermanentError extends Error {
  override name = "PermanentError";
}

/** A passing fault (timeout, 429, 5xx, a server restarting): retry with backoff. */
export class RetryableError extends Error {
  override name = "RetryableError";
}

/** The process cannot go on (bad configuration, a server that never came up). */
export class CriticalError extends Error {
  override name = "CriticalError";
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
