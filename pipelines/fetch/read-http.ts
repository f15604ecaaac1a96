/**
 * http(s) reader: conditional requests, a total timeout, a size cap, and
 * errors sorted into permanent (4xx) and retryable (429, 5xx, network).
 */
import { PermanentError, RetryableError } from "../../shared/errors.ts";
import type { FetchOptions, FetchRequest, RawContent } from "./fetch-source.ts";
import { mediaTypeOfHeader } from "./media-type.ts";

interface HttpReadOptions extends Pick<FetchOptions, "timeoutMs" | "maxBytes"> {
  previous?: FetchRequest["previous"];
  signal?: AbortSignal;
}

async function readCapped(response: Response, maxBytes: number, uri: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes)
    throw new PermanentError(`${uri}: ${declared} bytes, over the limit of ${maxBytes}`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return new Uint8Array();
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBytes)
      throw new PermanentError(`${uri}: body over the limit of ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function readHttpSource(uri: string, options: HttpReadOptions): Promise<RawContent> {
  const headers: Record<string, string> = {
    "user-agent": "Lodestone/0.1 (+news ingestion)",
    accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
  };
  if (options.previous?.etag) headers["if-none-match"] = options.previous.etag;
  if (options.previous?.last_modified)
    headers["if-modified-since"] = options.previous.last_modified;
  const signals = [
    AbortSignal.timeout(options.timeoutMs),
    ...(options.signal ? [options.signal] : []),
  ];
  let response: Response;
  try {
    response = await fetch(uri, { headers, redirect: "follow", signal: AbortSignal.any(signals) });
  } catch (error) {
    throw new RetryableError(`${uri}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status === 304)
    return { bytes: new Uint8Array(), mediaType: "text/plain", notModified: true };
  if (response.status === 429 || response.status >= 500) {
    throw new RetryableError(`${uri}: HTTP ${response.status} ${response.statusText}`);
  }
  if (!response.ok)
    throw new PermanentError(`${uri}: HTTP ${response.status} ${response.statusText}`);
  const contentType = response.headers.get("content-type");
  const raw: RawContent = {
    bytes: await readCapped(response, options.maxBytes, uri),
    mediaType: mediaTypeOfHeader(contentType),
  };
  if (contentType) raw.contentType = contentType;
  const etag = response.headers.get("etag");
  if (etag) raw.etag = etag;
  const lastModified = response.headers.get("last-modified");
  if (lastModified) raw.lastModified = lastModified;
  return raw;
}
