import { Redis } from "ioredis";
import type { Config } from "./config.ts";

/**
 * BullMQ workers need `maxRetriesPerRequest: null` so that a blocking command
 * survives a Redis restart instead of failing the worker.
 */
export function createRedis(
  config: Pick<Config, "REDIS_URL">,
  forWorker = true,
  options: { autoPipelining?: boolean } = {},
): Redis {
  return new Redis(config.REDIS_URL, {
    maxRetriesPerRequest: forWorker ? null : 3,
    enableReadyCheck: true,
    lazyConnect: false,
    // Commands issued in one tick go out in one write. Only for connections
    // that send plain reads: BullMQ's own connections must not (its scripts
    // and blocking commands were not written for it).
    enableAutoPipelining: options.autoPipelining ?? false,
  });
}
