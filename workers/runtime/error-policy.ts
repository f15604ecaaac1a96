/**
 * What a stage's error means, from Lodestone's error classes
 * (shared/errors.ts): the policy, the kind for counting and the reason the
 * operator reads. Free of BullMQ, so the stage threads can classify their
 * errors without loading the queue client; retry-policy.ts maps the policy
 * to BullMQ's retry behaviour.
 */
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
