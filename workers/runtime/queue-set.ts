/** One BullMQ queue per stage, all under the configured prefix. */
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { STAGE_NAMES, type StageName } from "../../pipelines/pipeline.ts";
import type { Config } from "../../shared/config.ts";
import { createLogger, type Logger } from "../../shared/logger.ts";
import { defaultJobOptions } from "./retry-policy.ts";

export type QueueSet = Record<StageName, Queue>;

/**
 * Every queue gets an `error` listener: without one, a dropped Redis
 * connection makes BullMQ print raw errors; ioredis reconnects on its own,
 * so the error is reported, not fatal.
 */
export function createQueueSet(
  config: Config,
  connection: Redis,
  log: Logger = createLogger(config, "queues"),
): QueueSet {
  const entries = STAGE_NAMES.map((name) => {
    const queue = new Queue(name, {
      connection,
      prefix: config.QUEUE_PREFIX,
      defaultJobOptions: defaultJobOptions({
        attempts: config.JOB_ATTEMPTS,
        backoffMs: config.JOB_BACKOFF_MS,
      }),
    });
    queue.on("error", (error) => log.warn({ err: error, queue: name }, "queue connection error"));
    return [name, queue];
  });
  return Object.fromEntries(entries) as QueueSet;
}

export async function closeQueueSet(queues: QueueSet): Promise<void> {
  await Promise.all(Object.values(queues).map((queue) => queue.close()));
}
