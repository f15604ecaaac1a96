/**
 * Batches index requests from many concurrent jobs into `_bulk` calls (by
 * count, by bytes, or after a flush interval) and gives each caller its own
 * item result. Item statuses are sorted as OpenSearch's own ingestion
 * pipeline does: 429 and 5xx are retryable, 400/404/409 and other 4xx are
 * permanent with the reason OpenSearch gave. Nothing reports success unless
 * its item did.
 *
 * Documents are written as `update` with `doc_as_upsert`: re-indexing an
 * identical document is a no-op (its `_version` does not move). Each is
 * turned into its two NDJSON lines once, when it arrives: they measure the
 * batch and are the request body as they are.
 */
import type { Bulk_RequestBody } from "@opensearch-project/opensearch/api/_core/bulk.js";
import { errorMessage, PermanentError, RetryableError } from "../../shared/errors.ts";
import type { Logger } from "../../shared/logger.ts";
import type { OpenSearchClient } from "../../shared/opensearch.ts";

export interface BulkOptions {
  maxDocs: number;
  maxBytes: number;
  flushMs: number;
  /**
   * The most callers that can wait on this indexer at once (the index
   * stage's concurrency). Once every one of them waits, queued or in a
   * request under way, nothing more can arrive before a flush: the batch is
   * sent at once rather than after the flush interval.
   */
  callers?: number;
}

export interface ItemResult {
  result: "created" | "updated" | "noop";
  version: number;
}

interface Pending {
  id: string;
  /** The action and document lines, each ending in a newline. */
  ndjson: string;
  resolve(result: ItemResult): void;
  reject(error: Error): void;
}

interface BulkItem {
  status: number;
  result?: string;
  _version?: number;
  error?: { type?: string; reason?: string; caused_by?: { reason?: string } };
}

export class BulkIndexer {
  private queue: Pending[] = [];
  private bytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private inFlight = new Set<Promise<void>>();
  /** Documents in requests under way: their callers wait too. */
  private sendingDocs = 0;

  constructor(
    private readonly client: OpenSearchClient,
    private readonly target: string,
    private readonly options: BulkOptions,
    private readonly log: Logger,
  ) {}

  index(id: string, doc: Record<string, unknown>): Promise<ItemResult> {
    const action = { update: { _index: this.target, _id: id, retry_on_conflict: 3 } };
    const ndjson = `${JSON.stringify(action)}\n${JSON.stringify({ doc, doc_as_upsert: true })}\n`;
    return new Promise((resolve, reject) => {
      this.queue.push({ id, ndjson, resolve, reject });
      this.bytes += Buffer.byteLength(ndjson);
      const everyCallerWaits =
        this.options.callers !== undefined &&
        this.queue.length + this.sendingDocs >= this.options.callers;
      if (
        this.queue.length >= this.options.maxDocs ||
        this.bytes >= this.options.maxBytes ||
        everyCallerWaits
      ) {
        this.flushNow();
      } else {
        this.timer ??= setTimeout(() => this.flushNow(), this.options.flushMs);
      }
    });
  }

  /** Sends whatever is queued and waits for every request under way. */
  async flush(): Promise<void> {
    this.flushNow();
    await Promise.all([...this.inFlight]);
  }

  private flushNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    this.bytes = 0;
    this.sendingDocs += batch.length;
    const sending = this.send(batch).finally(() => {
      this.sendingDocs -= batch.length;
      this.inFlight.delete(sending);
    });
    this.inFlight.add(sending);
  }

  private async send(batch: Pending[]): Promise<void> {
    let items: Array<Record<string, BulkItem>>;
    try {
      // The client sends a string body as it is (its own NDJSON serialisation is skipped);
      // its types name only the array form.
      const body = batch.map((p) => p.ndjson).join("") as unknown as Bulk_RequestBody;
      const response = await this.client.bulk({ body });
      items = response.body.items as Array<Record<string, BulkItem>>;
    } catch (error) {
      // The whole request failed (outage, timeout, 429 on the request): every item may be retried.
      const failure = new RetryableError(`bulk request failed: ${errorMessage(error)}`);
      for (const pending of batch) pending.reject(failure);
      return;
    }
    this.log.debug({ docs: batch.length }, "bulk request done");
    batch.forEach((pending, i) => {
      const item = items[i]?.update;
      if (!item) {
        pending.reject(new RetryableError(`bulk response has no item for ${pending.id}`));
        return;
      }
      settle(pending, item);
    });
  }
}

function settle(pending: Pending, item: BulkItem): void {
  if (item.status >= 200 && item.status < 300) {
    const result = item.result === "created" || item.result === "noop" ? item.result : "updated";
    pending.resolve({ result, version: item._version ?? 0 });
    return;
  }
  const reason = [item.error?.type, item.error?.reason, item.error?.caused_by?.reason]
    .filter(Boolean)
    .join(": ");
  const message = `OpenSearch rejected ${pending.id} (HTTP ${item.status}): ${reason || "no reason given"}`;
  if (item.status === 429 || item.status >= 500) pending.reject(new RetryableError(message));
  else pending.reject(new PermanentError(message));
}
