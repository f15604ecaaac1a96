/** The source service with its own Redis connection and queues, for one CLI command. */
import type { Redis } from "ioredis";
import type { Config } from "../../shared/config.ts";
import { createRedis } from "../../shared/redis.ts";
import { closeQueueSet, createQueueSet, type QueueSet } from "../runtime/queue-set.ts";
import { SourceRegistry } from "./source-registry.ts";
import { SourceService, sourceLimitsOf } from "./source-service.ts";

export interface OpenSources {
  service: SourceService;
  redis: Redis;
  queues: QueueSet;
  close(): Promise<void>;
}

export function openSources(config: Config): OpenSources {
  const connection = createRedis(config, false);
  const queues = createQueueSet(config, connection);
  const service = new SourceService(
    new SourceRegistry(connection, config.QUEUE_PREFIX),
    queues,
    sourceLimitsOf(config),
  );
  return {
    service,
    redis: connection,
    queues,
    async close() {
      await closeQueueSet(queues);
      connection.disconnect();
    },
  };
}

/** Runs `fn` with the sources open, and closes them whatever happens. */
export async function withSources<T>(
  config: Config,
  fn: (open: OpenSources) => Promise<T>,
): Promise<T> {
  const open = openSources(config);
  try {
    return await fn(open);
  } finally {
    await open.close();
  }
}
