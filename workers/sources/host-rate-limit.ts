/**
 * The per-host pace shared by every worker process: a Redis key per host
 * that lives for the minimum interval. Whoever sets it (SET NX) may send the
 * next request; the others wait for the key to expire. One round trip per
 * request, no clock shared between machines, and a crashed worker cannot
 * hold a host for longer than one interval.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";
import type { HostGate } from "../../pipelines/fetch/http/safe-fetcher.ts";

export class RedisHostGate implements HostGate {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async wait(host: string, minIntervalMs: number, signal?: AbortSignal): Promise<void> {
    if (minIntervalMs <= 0) return;
    const key = `${this.prefix}:host-pace:${host.toLowerCase()}`;
    for (;;) {
      const won = await this.redis.set(key, String(Date.now()), "PX", minIntervalMs, "NX");
      if (won === "OK") return;
      const ttl = await this.redis.pttl(key);
      await sleep(Math.max(ttl, 5), undefined, signal ? { signal } : {});
    }
  }
}
