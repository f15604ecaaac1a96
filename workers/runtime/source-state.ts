/**
 * What the last runs of a source produced, kept in Redis so that re-ingesting
 * an unchanged source stops at fetch. A source counts as done for a content
 * hash only when every document the language stage emitted for that hash has
 * been indexed: a run that failed half-way is not skipped next time. A fetch
 * never skips on the strength of its own run: a fetch job that stalled after
 * handing its document on is retried, and by then that very document may be
 * indexed; the retry must hand the same document on again (same job ids, so
 * nothing doubles), not report the source as unchanged.
 */
import type { Redis } from "ioredis";
import { z } from "zod";
import type { PreviousFetch, SourceLedger } from "../../pipelines/stage.ts";

const httpHeadersSchema = z.object({
  etag: z.string().optional(),
  last_modified: z.string().optional(),
});

/** Bump when a stage changes what it produces, so unchanged sources are processed again. */
export const PIPELINE_VERSION = "1";

function key(prefix: string, sourceId: string): string {
  return `${prefix}:source-state:${sourceId}`;
}

/** The sources ledger the stage hooks write and read (pipelines/stage.ts), in Redis. */
export class SourceState implements SourceLedger {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /**
   * The `previous` a fetch may compare with, or undefined when the last run is
   * not complete or is the run `exceptRun` names.
   */
  async previousFor(
    sourceId: string,
    options: { exceptRun?: string } = {},
  ): Promise<PreviousFetch | undefined> {
    const state = await this.redis.hgetall(key(this.prefix, sourceId));
    // The charset of the last document is a prior for the next, complete run or not.
    const prior = state.encoding ? { encoding: state.encoding } : undefined;
    if (options.exceptRun !== undefined && state.run_id === options.exceptRun) return prior;
    const hash = state.content_hash;
    const expected = Number(state.expected_docs ?? "NaN");
    if (!hash || state.pipeline_version !== PIPELINE_VERSION || !Number.isInteger(expected))
      return prior;
    const indexed = Object.entries(state).filter(
      ([field, value]) => field.startsWith("indexed:") && value === hash,
    );
    if (indexed.length < expected) return prior;
    const http = httpHeadersSchema.safeParse(JSON.parse(state[`http:${hash}`] ?? "{}"));
    return { content_hash: hash, ...(http.success ? http.data : {}), ...prior };
  }

  /**
   * Called by the fetch stage: the charset this content was decoded with, and
   * what the server said about it, for the next conditional request.
   */
  async fetched(
    sourceId: string,
    contentHash: string,
    facts: { etag?: string; last_modified?: string; encoding?: string },
  ): Promise<void> {
    const { encoding, ...http } = facts;
    const fields: Record<string, string> = {};
    if (encoding) fields.encoding = encoding;
    if (http.etag || http.last_modified) fields[`http:${contentHash}`] = JSON.stringify(http);
    if (Object.keys(fields).length > 0) await this.redis.hset(key(this.prefix, sourceId), fields);
  }

  /** Called by the language stage: how many documents this content hash fans out to. */
  async expect(sourceId: string, contentHash: string, docs: number, runId: string): Promise<void> {
    // `indexed:*` fields of older content stay but no longer count: they hold another hash.
    await this.redis.hset(key(this.prefix, sourceId), {
      content_hash: contentHash,
      expected_docs: String(docs),
      pipeline_version: PIPELINE_VERSION,
      run_id: runId,
    });
  }

  /** Called by the sink: one document of this content hash is indexed. */
  async indexed(sourceId: string, docId: string, contentHash: string): Promise<void> {
    await this.redis.hset(key(this.prefix, sourceId), `indexed:${docId}`, contentHash);
  }
}
