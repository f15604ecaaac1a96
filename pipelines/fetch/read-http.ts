/**
 * http(s) reader: conditional requests, deadlines that hold (connect,
 * headers and body-idle timeouts from undici's own options, a total timeout
 * on a plain timer), a size cap counted on the decoded body (so a compressed
 * bomb stops at the cap), a content-type allow-list, and errors sorted into
 * permanent (4xx, refusals, over the cap) and retryable (429, 5xx, network,
 * timeouts). Address checks, redirects, robots.txt and the per-host pace are
 * the SafeFetcher's (./http/).
 */
import type { Response } from "undici";
import {
  errorMessage,
  LodestoneError,
  PermanentError,
  RetryableError,
} from "../../shared/errors.ts";
import type { FetchOptions, FetchRequest, RawContent } from "./fetch-types.ts";
import { FetchRefusedError } from "./http/address-policy.ts";
import { ACCEPT_HEADER, contentTypeRefusal } from "./http/content-types.ts";
import { startDeadline, within } from "./http/deadline.ts";
import { SafeFetcher } from "./http/safe-fetcher.ts";
import { mediaTypeOfHeader } from "./media-type.ts";

interface HttpReadOptions extends Pick<FetchOptions, "timeoutMs" | "maxBytes"> {
  previous?: FetchRequest["previous"];
  signal?: AbortSignal;
  /** The fetcher and its policy; without one, the strict default policy applies. */
  http?: SafeFetcher;
}

let defaultFetcher: SafeFetcher | undefined;

function fetcherOf(options: HttpReadOptions): SafeFetcher {
  if (options.http) return options.http;
  defaultFetcher ??= new SafeFetcher();
  return defaultFetcher;
}

async function readCapped(
  response: Response,
  limits: { maxBytes: number; idleMs: number },
  uri: string,
): Promise<Uint8Array> {
  const { maxBytes, idleMs } = limits;
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    // Cancelled, not left pending: an unread body would hold the connection (and the process).
    await response.body?.cancel();
    throw new PermanentError(
      `${uri}: ${declared} bytes, over the limit of ${maxBytes} (FETCH_MAX_BYTES)`,
    );
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      // undici's bodyTimeout ticks at half-second steps; a plain timer per read holds the idle limit.
      const { done, value } = await within(
        reader.read(),
        idleMs,
        () =>
          new RetryableError(
            `${uri}: body silent for more than ${idleMs} ms (FETCH_BODY_IDLE_TIMEOUT_MS)`,
          ),
      );
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes)
        throw new PermanentError(
          `${uri}: body over the limit of ${maxBytes} bytes (FETCH_MAX_BYTES)`,
        );
      chunks.push(value);
    }
  } catch (error) {
    // Release the connection; a stream that already failed has nothing left to cancel.
    await reader.cancel().catch(() => undefined);
    if (error instanceof LodestoneError) throw error;
    // undici's own body timeout, a reset connection: the cause says which.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    throw new RetryableError(`${uri}: body cut off: ${errorMessage(cause)}`, { cause: error });
  }
  return Buffer.concat(chunks);
}

async function readResponse(
  uri: string,
  options: HttpReadOptions,
  signal: AbortSignal,
): Promise<RawContent> {
  const headers: Record<string, string> = {
    accept: ACCEPT_HEADER,
    // undici offers br only over https by default; Node decodes it over http too.
    "accept-encoding": "gzip, deflate, br",
  };
  if (options.previous?.etag) headers["if-none-match"] = options.previous.etag;
  if (options.previous?.last_modified)
    headers["if-modified-since"] = options.previous.last_modified;
  const fetcher = fetcherOf(options);
  const { response, url } = await fetcher.fetch(uri, { headers, signal });
  if (response.status === 304) {
    await response.body?.cancel();
    return { bytes: new Uint8Array(), mediaType: "text/plain", notModified: true };
  }
  if (!response.ok) await response.body?.cancel();
  if (response.status === 429 || response.status >= 500) {
    throw new RetryableError(`${uri}: HTTP ${response.status} ${response.statusText}`);
  }
  if (!response.ok)
    throw new PermanentError(`${uri}: HTTP ${response.status} ${response.statusText}`);
  const contentType = response.headers.get("content-type");
  const refusal = contentTypeRefusal(contentType, url);
  if (refusal) {
    await response.body?.cancel();
    throw new FetchRefusedError(refusal);
  }
  const raw: RawContent = {
    bytes: await readCapped(
      response,
      { maxBytes: options.maxBytes, idleMs: fetcher.policy.bodyIdleTimeoutMs },
      uri,
    ),
    mediaType: mediaTypeOfHeader(contentType),
  };
  if (contentType) raw.contentType = contentType;
  const contentLanguage = response.headers.get("content-language");
  if (contentLanguage) raw.contentLanguage = contentLanguage;
  const etag = response.headers.get("etag");
  if (etag) raw.etag = etag;
  const lastModified = response.headers.get("last-modified");
  if (lastModified) raw.lastModified = lastModified;
  return raw;
}

/** An http(s) source's bytes and validators, through the safe fetcher, within FETCH_TIMEOUT_MS all told. */
export async function readHttpSource(uri: string, options: HttpReadOptions): Promise<RawContent> {
  const deadline = startDeadline(
    options.timeoutMs,
    () =>
      new RetryableError(
        `${uri}: no complete answer within ${options.timeoutMs} ms (FETCH_TIMEOUT_MS)`,
      ),
    options.signal,
  );
  try {
    return await readResponse(uri, options, deadline.signal);
  } catch (error) {
    // Whatever the abort surfaced as (a cut-off body, an AbortError), the deadline is the reason.
    if (deadline.expired) throw deadline.signal.reason;
    throw error;
  } finally {
    deadline.clear();
  }
}
