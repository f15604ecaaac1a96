/**
 * The ends of jobs (completed, failed for good) on several queues, read from
 * their BullMQ event streams with one XREAD on one connection. BullMQ's
 * QueueEvents reads one stream per connection and issues a new XREAD as soon
 * as one event arrives; a run of a thousand sources then costs the watching
 * process thousands of reads, each decoded into objects for every kind of
 * event. Here a read that brought events is followed by a short pause, so
 * the next one brings the events of many jobs at once; only `completed` and
 * `failed` entries are looked at, and a return value stays the text Redis
 * sent until someone asks for it.
 */
import type { Redis } from "ioredis";
import type { Logger } from "../../shared/logger.ts";

/** A job's end as its queue's event stream told it. */
export type StreamEnd = { completed: string } | { failed: string };

export interface FeedStream {
  /** The queue's event stream key (`queue.toKey("events")`). */
  key: string;
  onEnd(jobId: string, end: StreamEnd): void;
}

export interface FeedOptions {
  /** How long one read blocks when nothing happens; an empty read is a quiet spell. */
  blockMs?: number;
  /** The pause after a read that brought events, for the next read to bring many. */
  gatherMs?: number;
  /** Entries read per stream and read at most. */
  count?: number;
}

type StreamReply = [key: string, entries: [id: string, fields: string[]][]][] | null;

/** The value of `name` in a stream entry's flat field list. */
function field(fields: string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class QueueEventFeed {
  private readonly lastIds: string[] = [];
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly blockMs: number;
  private readonly gatherMs: number;
  private readonly count: number;

  /**
   * `onQuiet` is called after a read that brought nothing and after a read
   * that failed: an end the feed cannot have told (published while the
   * connection was down, trimmed before it was read, or before the feed
   * started) is then found by reading the job's state.
   */
  constructor(
    private readonly redis: Redis,
    private readonly streams: FeedStream[],
    private readonly onQuiet: () => void,
    private readonly log: Logger,
    options: FeedOptions = {},
  ) {
    this.blockMs = options.blockMs ?? 2_000;
    this.gatherMs = options.gatherMs ?? 50;
    this.count = options.count ?? 2_000;
  }

  /** Starts reading after each stream's newest entry: ends from now on are told. */
  async start(): Promise<void> {
    const newest = await Promise.all(
      this.streams.map(({ key }) => this.redis.xrevrange(key, "+", "-", "COUNT", 1)),
    );
    for (const [i, entries] of newest.entries()) this.lastIds[i] = entries[0]?.[0] ?? "0-0";
    this.running = true;
    this.loop = this.read();
  }

  private async read(): Promise<void> {
    const keys = this.streams.map((stream) => stream.key);
    while (this.running) {
      let reply: StreamReply;
      try {
        reply = (await this.redis.xread(
          "COUNT",
          this.count,
          "BLOCK",
          this.blockMs,
          "STREAMS",
          ...keys,
          ...this.lastIds,
        )) as StreamReply;
      } catch (error) {
        if (!this.running) return;
        // The connection reconnects by itself; meanwhile, ends are read from state.
        this.log.warn({ err: error }, "cannot read the queues' events; reading job states instead");
        this.onQuiet();
        await sleep(this.blockMs / 5);
        continue;
      }
      if (!this.running) return;
      if (reply === null) {
        this.onQuiet();
        continue;
      }
      let full = false;
      for (const [key, entries] of reply) {
        const i = keys.indexOf(key);
        const stream = this.streams[i];
        if (!stream) continue;
        for (const [id, fields] of entries) {
          this.lastIds[i] = id;
          const event = field(fields, "event");
          if (event !== "completed" && event !== "failed") continue;
          const jobId = field(fields, "jobId");
          if (jobId === undefined) continue;
          stream.onEnd(
            jobId,
            event === "completed"
              ? { completed: field(fields, "returnvalue") ?? "" }
              : { failed: field(fields, "failedReason") ?? "" },
          );
        }
        if (entries.length >= this.count) full = true;
      }
      // A full reply means more is waiting: read on at once.
      if (!full) await sleep(this.gatherMs);
    }
  }

  /** Stops reading and closes the connection (the feed's own: closing it ends a blocked read). */
  async stop(): Promise<void> {
    this.running = false;
    this.redis.disconnect();
    await this.loop;
  }
}
