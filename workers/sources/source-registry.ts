/**
 * The operator's list of sources, in Redis: what each is (uri, name,
 * publisher, schedule) and how its last run went. What the last complete run
 * saw (content hash, ETag, Last-Modified) is not copied here: it is read from
 * the source state the fetch and index workers keep (workers/runtime/source-state.ts),
 * so there is one truth for what a conditional request will send.
 *
 * Keys: `<prefix>:sources` (sorted set of ids by registration time),
 * `<prefix>:source:<id>` (what the source is), `<prefix>:source-run:<id>`
 * (its last run, written by the workers).
 */
import type { Redis } from "ioredis";
import { z } from "zod";
import type { SourceRef } from "../../shared/document.ts";
import { SourceState } from "../runtime/source-state.ts";

export const runStatusSchema = z.enum(["queued", "fetched", "unchanged", "indexed", "failed"]);
export type RunStatus = z.infer<typeof runStatusSchema>;

const storedSourceSchema = z.object({
  id: z.string(),
  uri: z.string(),
  name: z.string().optional(),
  publisher: z.string().optional(),
  schedule: z.string().optional(),
  tz: z.string().optional(),
  created_at: z.string(),
  updated_at: z.string(),
});

const lastRunSchema = z.object({
  run_id: z.string().optional(),
  status: runStatusSchema,
  at: z.string(),
  stage: z.string().optional(),
  error: z.string().optional(),
});
export type LastRun = z.infer<typeof lastRunSchema>;

export type RegisteredSource = z.infer<typeof storedSourceSchema> & {
  last_run?: LastRun;
  /** What the last complete run saw; absent until a run has been indexed completely. */
  last_complete?: { content_hash?: string; etag?: string; last_modified?: string };
};

export interface SourceRegistration {
  source: SourceRef;
  schedule?: string;
  tz?: string;
}

/** Redis hashes hold strings; absent fields are left out rather than stored empty. */
function definedFields(record: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** KEYS: the source, its last run; ARGV: the run's fields and values. */
const RECORD_RUN_SCRIPT = `if redis.call("EXISTS", KEYS[1]) == 0 then return 0 end
redis.call("DEL", KEYS[2])
redis.call("HSET", KEYS[2], unpack(ARGV))
return 1`;

export class SourceRegistry {
  private readonly state: SourceState;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.state = new SourceState(redis, prefix);
  }

  private sourceKey(id: string): string {
    return `${this.prefix}:source:${id}`;
  }

  private runKey(id: string): string {
    return `${this.prefix}:source-run:${id}`;
  }

  /** Adds or updates a source; a registration without a schedule clears an old one. */
  async register(registration: SourceRegistration): Promise<RegisteredSource> {
    const { source } = registration;
    const at = this.now().toISOString();
    const existing = await this.redis.hget(this.sourceKey(source.id), "created_at");
    const stored = definedFields({
      id: source.id,
      uri: source.uri,
      name: source.name,
      publisher: source.publisher,
      schedule: registration.schedule,
      tz: registration.schedule ? registration.tz : undefined,
      created_at: existing ?? at,
      updated_at: at,
    });
    await this.redis
      .multi()
      .del(this.sourceKey(source.id))
      .hset(this.sourceKey(source.id), stored)
      .zadd(`${this.prefix}:sources`, "NX", String(Date.parse(existing ?? at)), source.id)
      .exec();
    const registered = await this.get(source.id);
    if (!registered) throw new Error(`source ${source.id} vanished while being registered`);
    return registered;
  }

  async get(id: string): Promise<RegisteredSource | undefined> {
    const [stored, run] = await Promise.all([
      this.redis.hgetall(this.sourceKey(id)),
      this.redis.hgetall(this.runKey(id)),
    ]);
    if (Object.keys(stored).length === 0) return undefined;
    const source: RegisteredSource = storedSourceSchema.parse(stored);
    const lastRun = lastRunSchema.safeParse(run);
    if (lastRun.success) source.last_run = lastRun.data;
    const complete = await this.state.previousFor(id);
    if (complete) source.last_complete = complete;
    return source;
  }

  /** How many sources are registered. */
  count(): Promise<number> {
    return this.redis.zcard(`${this.prefix}:sources`);
  }

  async list(): Promise<RegisteredSource[]> {
    const ids = await this.redis.zrange(`${this.prefix}:sources`, "0", "-1");
    const sources = await Promise.all(ids.map((id) => this.get(id)));
    return sources.filter((source): source is RegisteredSource => source !== undefined);
  }

  /** Forgets a source (its schedule is the caller's: see removeSource). Returns whether it existed. */
  async remove(id: string): Promise<boolean> {
    const [removed] = await Promise.all([
      this.redis.zrem(`${this.prefix}:sources`, id),
      this.redis.del(this.sourceKey(id), this.runKey(id)),
    ]);
    return removed > 0;
  }

  /**
   * Records how a run of a source went; only registered sources are recorded.
   * One script, so one round trip: the workers call this for every fetch and
   * index job, and a check then a write was two (and a source removed between
   * them got its run key back).
   */
  async recordRun(id: string, run: Omit<LastRun, "at">): Promise<void> {
    const fields = definedFields({ ...run, at: this.now().toISOString() });
    await this.redis.eval(
      RECORD_RUN_SCRIPT,
      2,
      this.sourceKey(id),
      this.runKey(id),
      ...Object.entries(fields).flat(),
    );
  }
}
