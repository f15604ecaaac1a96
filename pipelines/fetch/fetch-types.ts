/**
 * What the fetch stage takes and what its readers return, in a module of
 * their own so that the stage and its readers (read-file.ts, read-http.ts)
 * both import it and never each other.
 */
import { z } from "zod";
import { sourceRefSchema } from "../../shared/document.ts";
import type { SafeFetcher } from "./http/safe-fetcher.ts";

export const fetchRequestSchema = z.object({
  source: sourceRefSchema,
  /**
   * What the last complete run saw (content hash, validators), and the charset
   * the source's last document was decoded with; set from the source state.
   */
  previous: z
    .object({
      content_hash: z.string().optional(),
      etag: z.string().optional(),
      last_modified: z.string().optional(),
      encoding: z.string().optional(),
    })
    .optional(),
});
export type FetchRequest = z.infer<typeof fetchRequestSchema>;

export interface FetchOptions {
  /** Total time of an http(s) fetch, redirects and body included. */
  timeoutMs: number;
  maxBytes: number;
  /** Folders local sources must really lie in (FILE_SOURCE_ROOTS); the default roots when absent. */
  fileRoots?: readonly string[];
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
  /** The HTTP Content-Language header: the language a short, undeclared page's charset may follow. */
  contentLanguage?: string;
  etag?: string;
  lastModified?: string;
  /** The server answered 304 Not Modified to a conditional request. */
  notModified?: boolean;
}

/** An http(s) URL, as opposed to a local path or file URL. */
export function isHttpUri(uri: string): boolean {
  return /^https?:\/\//i.test(uri);
}
