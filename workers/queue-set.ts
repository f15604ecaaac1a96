/** One BullMQ queue per stage, all under the configured prefix. */
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { Config } from "../shared/config.ts";
import { STAGE_NAMES, type StageName } from "../shared/queues.ts";
import { defaultJobOptions } from "./retry-policy.ts";

export type QueueSet = Record<StageName, Queue>;

export function createQueueSet(config: Config, connection: Redis): QueueSet {
  const entries = STAGE_NAMES.map((name) => [
    name,
    new Queue(name, {
      connection,
      prefix: config.QUEUE_PREFIX,
      defaultJobOptions: defaultJobOptions({
        attempts: config.JOB_ATTEMPTS,
        backoffMs: config.JOB_BACKOFF_MS,
      }),
    }),
  ]);
  return Object.fromEntries(entries) as QueueSet;
}

export async function closeQueueSet(queues: QueueSet): Promise<void> {
  await Promise.all(Object.values(queues).map((queue) => queue.close()));
}
