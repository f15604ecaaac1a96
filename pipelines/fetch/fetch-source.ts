/**
 * fetch: a source uri → decoded text. The only stage that sees bytes, HTTP
 * headers and byte-order marks; it decodes at once so raw bytes never cross
 * Redis. An unchanged source (same ETag/Last-Modified answer, or same content
 * hash as the last complete run) yields nothing, so no work happens past here.
 */
import { z } from "zod";
import { type FetchedDocument, sourceRefSchema } from "../../shared/document.ts";
import { sha256Hex } from "../../shared/ids.ts";
import type { StageFunction } from "../stage.ts";
import { decodeBytes } from "./decode/decode-bytes.ts";
import type { SafeFetcher } from "./http/safe-fetcher.ts";
import { readFileSource } from "./read-file.ts";
import { readHttpSource } from "./read-http.ts";

export const fetchRequestSchema = z.object({
  source: sourceRefSchema,
  /** What the last complete run saw; set by the fetch worker from the source state. */
  previous: z
    .object({
      content_hash: z.string().optional(),
      etag: z.string().optional(),
      last_modified: z.string().optional(),
    })
    .optional(),
});
export type FetchRequest = z.infer<typeof fetchRequestSchema>;

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Injected clock, so tests and re-runs can pin `fetched_at`. */
  now?: () => Date;
  /** The http(s) fetcher and its safety policy; the strict default when absent. */
  http?: SafeFetcher;
}

/** What a reader returns: bytes and what the transport said about them. */
export interface RawContent {
  bytes: Uint8Array;
  mediaType: string;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /** The server answered 304 Not Modified to a conditional request. */
  notModified?: boolean;
}

export function isHttpUri(uri: string): boolean {
  return /^https?:\/\//i.test(uri);
}

export function createFetchStage(
  options: FetchOptions,
): StageFunction<FetchRequest, FetchedDocument> {
  const now = options.now ?? (() => new Date());
  return async (request, ctx) => {
    const { source, previous } = request;
    const raw = isHttpUri(source.uri)
      ? await readHttpSource(source.uri, { ...options, previous, signal: ctx.signal })
      : await readFileSource(source.uri, options);
    if (raw.notModified) {
      ctx.log.info({ sourceId: source.id }, "source not modified (conditional request)");
      return [];
    }
    const contentHash = sha256Hex(raw.bytes);
    if (previous?.content_hash === contentHash) {
      ctx.log.info({ sourceId: source.id }, "source unchanged (same content hash)");
      return [];
    }
    const decoded = decodeBytes(raw.bytes, {
      ...(raw.contentType ? { contentType: raw.contentType } : {}),
      fileName: source.uri,
    });
    return [
      {
        id: source.id,
        source,
        media_type: raw.mediaType,
        text: decoded.text,
        encoding: decoded.encoding,
        repairs: decoded.repairs,
        content_hash: contentHash,
        fetched_at: now().toISOString(),
        ...(raw.etag ? { etag: raw.etag } : {}),
        ...(raw.lastModified ? { last_modified: raw.lastModified } : {}),
      },
    ];
  };
}
