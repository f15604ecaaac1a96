/**
 * Documents OpenSearch refused for good (400/404/409), with the reason it
 * gave, kept in a Redis stream for the operator (`lodestone dead-letters`).
 * The failed index job keeps the same reason; the stream is the one place to
 * list them all, newest first, without walking the queues.
 */
import type { Redis } from "ioredis";

export interface DeadLetter {
  /** The stream entry's id, to remove it once the document is replayed. */
  entryId: string;
  at: string;
  docId: string;
  sourceId: string;
  /** The failed index job that holds the document (absent on letters written before it was recorded). */
  jobId?: string;
  reason: string;
}

const MAX_ENTRIES = 10_000;

export class DeadLetters {
  private readonly key: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.key = `${prefix}:dead-letters`;
  }

  /** Records a refused document. */
  async record(letter: Omit<DeadLetter, "at" | "entryId">): Promise<void> {
    const at = new Date().toISOString();
    await this.redis.xadd(
      this.key,
      "MAXLEN",
      "~",
      MAX_ENTRIES,
      "*",
      "at",
      at,
      "docId",
      letter.docId,
      "sourceId",
      letter.sourceId,
      "jobId",
      letter.jobId ?? "",
      "reason",
      letter.reason,
    );
  }

  /** The newest `limit` letters, newest first. */
  async list(limit = 100): Promise<DeadLetter[]> {
    const entries = await this.redis.xrevrange(this.key, "+", "-", "COUNT", limit);
    return entries.map(([entryId, fields]) => {
      const map = new Map<string, string>();
      for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i] ?? "", fields[i + 1] ?? "");
      const get = (name: string) => map.get(name) ?? "";
      const jobId = get("jobId");
      return {
        entryId,
        at: get("at"),
        docId: get("docId"),
        sourceId: get("sourceId"),
        ...(jobId ? { jobId } : {}),
        reason: get("reason"),
      };
    });
  }

  /** Every letter, newest first (the stream is capped at MAX_ENTRIES). */
  async all(): Promise<DeadLetter[]> {
    return this.list(MAX_ENTRIES * 2);
  }

  /** Removes letters whose documents were replayed. */
  async remove(entryIds: readonly string[]): Promise<void> {
    if (entryIds.length > 0) await this.redis.xdel(this.key, ...entryIds);
  }
}
