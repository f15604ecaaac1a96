/**
 * fetch: a source uri → decoded text. The only stage that sees bytes, HTTP
 * headers and byte-order marks; it decodes at once so raw bytes never cross
 * Redis. An unchanged source (same ETag/Last-Modified answer, or same content
 * hash as the last complete run) yields nothing, so no work happens past here.
 */
import type { FetchedDocument } from "../../shared/document.ts";
import { sha256Hex } from "../../shared/ids.ts";
import type { StageFunction } from "../stage.ts";
import { decodeBytes } from "./decode/decode-bytes.ts";
import { type FetchOptions, type FetchRequest, isHttpUri } from "./fetch-types.ts";
import { readFileSource } from "./read-file.ts";
import { readHttpSource } from "./read-http.ts";

/** The fetch stage: a fetch request → the source's decoded text, or nothing when the source is unchanged. */
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
      ...(raw.contentLanguage ? { contentLanguage: raw.contentLanguage } : {}),
      ...(previous?.encoding ? { previousEncoding: previous.encoding } : {}),
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
