/**
 * Errors carry the retry policy; workers/runtime/retry-policy.ts maps them to
 * BullMQ once, and nothing else decides. Never match on message strings.
 *
 * An error that is none of these (a bug, a library's own error) is treated
 * as passing and retried with backoff, except a RangeError (stack overflow,
 * invalid length): it comes from the input and happens again on every try.
 */

/** The retry policy an error class stands for. */
export type ErrorPolicy = "permanent" | "retry" | "critical";

/** Base of Lodestone's errors: the `policy` says what the runtime does with one. */
export abstract class LodestoneError extends Error {
  abstract readonly policy: ErrorPolicy;
}

/** Input that will never work however often it is tried (a 404, a refused address, a mapping error): the job fails at once with this reason. */
export class PermanentError extends LodestoneError {
  override name = "PermanentError";
  readonly policy = "permanent";
}

/** A document over one of its stage's budgets (size, depth, time): a permanent failure that names the budget. */
export class BudgetExceededError extends PermanentError {
  override name = "BudgetExceededError";
}

/** A passing fault (timeout, 429, 5xx, a server restarting): the job is retried with exponential backoff until its attempts run out. */
export class RetryableError extends LodestoneError {
  override name = "RetryableError";
  readonly policy = "retry";
}

/** The process cannot go on (bad configuration, a server that never came up): the job is handed back unharmed and the process stops with this message. */
export class CriticalError extends LodestoneError {
  override name = "CriticalError";
  readonly policy = "critical";
}

/** An environment variable that does not validate: critical, and the message names the variable. */
export class ConfigError extends CriticalError {
  override name = "ConfigError";
}

/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
