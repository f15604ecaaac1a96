/**
 * Documents OpenSearch refused for good (400/404/409), with the reason it
 * gave, kept in a Redis stream for the operator (`lodestone dead-letters`).
 * The failed index job keeps the same reason; the stream is the one place to
 * list them all, newest first, without walking the queues.
 */
import type { Redis } from "ioredis";

export interface DeadLetter {
  at: string;
  docId: string;
  sourceId: string;
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

  async record(letter: Omit<DeadLetter, "at">): Promise<void> {
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
      "reason",
      letter.reason,
    );
  }

  async list(limit = 100): Promise<DeadLetter[]> {
    const entries = await this.redis.xrevrange(this.key, "+", "-", "COUNT", limit);
    return entries.map(([, fields]) => {
      const get = (name: string) => fields[fields.indexOf(name) + 1] ?? "";
      return {
        at: get("at"),
        docId: get("docId"),
        sourceId: get("sourceId"),
        reason: get("reason"),
      };
    });
  }
}
