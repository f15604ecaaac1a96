/**
 * API-key authentication for every route but the liveness probe. Clients
 * send `Authorization: Bearer <key>`. A browser cannot add that header to a
 * page it navigates to, so the queue view also takes HTTP Basic with the key
 * as the password (any user name) and challenges for it, which makes the
 * browser ask. Keys are compared in constant time (digests of equal length).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

/** Routes a load balancer or orchestrator probes without credentials. */
export const PUBLIC_PATHS = new Set(["/health"]);

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/** The key a request presents, from Bearer or (where a browser asks for it) Basic password credentials. */
export function presentedKey(header: string | undefined, allowBasic = false): string | undefined {
  const match = /^(Bearer|Basic)\s+(\S+)\s*$/i.exec(header ?? "");
  const [, scheme, value] = match ?? [];
  if (!scheme || !value) return undefined;
  if (scheme.toLowerCase() === "bearer") return value;
  // Basic is the browser's way into the queue view, nothing else: API clients send Bearer.
  if (!allowBasic) return undefined;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

/** Whether the Authorization header carries the API key (Basic only when `allowBasic`), compared in constant time. */
export function keyMatches(
  header: string | undefined,
  apiKey: string,
  allowBasic = false,
): boolean {
  const key = presentedKey(header, allowBasic);
  return key !== undefined && timingSafeEqual(digest(key), digest(apiKey));
}

/** The onRequest hook that refuses every request without the key, but those to PUBLIC_PATHS. */
export function apiKeyAuth(apiKey: string, browserPrefix: string) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const path = request.url.split("?")[0] ?? "";
    if (PUBLIC_PATHS.has(path)) return;
    const forBrowser = path === browserPrefix || path.startsWith(`${browserPrefix}/`);
    if (keyMatches(request.headers.authorization, apiKey, forBrowser)) return;
    await reply
      .code(401)
      .header(
        "www-authenticate",
        forBrowser ? 'Basic realm="lodestone queues", charset="UTF-8"' : 'Bearer realm="lodestone"',
      )
      .send({ error: "missing or wrong API key: send Authorization: Bearer <LODESTONE_API_KEY>" });
  };
}
