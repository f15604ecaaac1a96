/**
 * The connection side of SSRF protection. The address a socket connects to
 * is checked inside the socket's own DNS lookup, so a name that resolves to a
 * public address when checked and to a private one a moment later (DNS
 * rebinding) cannot slip through: there is no second resolution.
 */
import { type LookupAddress, lookup } from "node:dns";
import type { LookupFunction } from "node:net";
import type { Agent } from "undici";
import { type AllowList, FetchRefusedError, refusalOf } from "./address-policy.ts";
import { undici } from "./undici-client.ts";

/**
 * A `net.connect` lookup that resolves every address of the name and refuses
 * the connection when any of them is refused: a name with one public and one
 * private address could otherwise be steered to the private one.
 */
export function guardedLookup(allow: AllowList): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { family: options.family ?? 0, all: true }, (error, addresses) => {
      if (error) {
        callback(error, "", 0);
        return;
      }
      const checked: LookupAddress[] = [];
      for (const entry of addresses) {
        const refusal = refusalOf(entry.address, hostname, allow);
        if (refusal) {
          callback(new FetchRefusedError(refusal), "", 0);
          return;
        }
        checked.push(entry);
      }
      const first = checked[0];
      if (!first) {
        callback(new FetchRefusedError(`refused: ${hostname} has no address`), "", 0);
        return;
      }
      // With autoSelectFamily (Node's default) net asks for every address.
      if (options.all) callback(null, checked);
      else callback(null, first.address, first.family);
    });
  };
}

export interface GuardedAgentOptions {
  allow: AllowList;
  /** false turns the address check off (FETCH_ALLOW_PRIVATE=true). */
  guard: boolean;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyIdleTimeoutMs: number;
}

/** An undici agent that checks every address it connects to against the policy, after DNS. */
export function createGuardedAgent(options: GuardedAgentOptions): Agent {
  return new (undici().Agent)({
    connect: {
      timeout: options.connectTimeoutMs,
      ...(options.guard ? { lookup: guardedLookup(options.allow) } : {}),
    },
    // undici's own clocks: a server slow to answer, or silent mid-body, fails the request.
    headersTimeout: options.headersTimeoutMs,
    bodyTimeout: options.bodyIdleTimeoutMs,
    // Politeness: few sockets per origin, closed soon after use.
    connections: 4,
    keepAliveTimeout: 4_000,
  });
}

/** The refusal an undici error carries in its cause chain, if it was one. */
export function refusalIn(error: unknown): FetchRefusedError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current instanceof FetchRefusedError) return current;
    current = current.cause;
  }
  return undefined;
}
