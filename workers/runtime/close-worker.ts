/**
 * Closes a BullMQ worker, waiting for the jobs it holds, but not forever.
 * After a Redis outage an idle worker's blocking connection can stay parked
 * in ioredis's "reconnecting" state with no socket, and Worker.close() then
 * waits for an `end` event that never comes (taskforcesh/bullmq#4656, open
 * in the BullMQ release we use): the integration test that cuts Redis mid-run
 * hung in its teardown about one run in four, and `lodestone workers` would
 * hang on SIGTERM the same way. No job outlives its time limit, so once that
 * has passed the worker is given up on with a warning and the shutdown goes
 * on. A job it still held is not lost: its lock expires and another worker
 * takes it (indexing is an idempotent upsert).
 */
import type { Worker } from "bullmq";
import type { Logger } from "../../shared/logger.ts";

export async function closeWorker(worker: Worker, graceMs: number, log: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<"gave up">((resolve) => {
    timer = setTimeout(() => resolve("gave up"), graceMs);
  });
  const outcome = await Promise.race([worker.close().then(() => "closed" as const), gaveUp]);
  clearTimeout(timer);
  if (outcome === "gave up")
    log.warn(
      { queue: worker.name, graceMs },
      "worker did not close in time (its Redis connection is stuck reconnecting); shutting down without it",
    );
}
