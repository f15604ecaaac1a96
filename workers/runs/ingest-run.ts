/**
 * One ingestion run: enqueue sources, follow every job to the index, show
 * progress, and return the outcomes. Used by the main job and by
 * `lodestone enqueue --wait`.
 */
import type { Config } from "../../shared/config.ts";
import type { SourceRef } from "../../shared/document.ts";
import type { Logger } from "../../shared/logger.ts";
import { enqueueSources } from "../runtime/entry-jobs.ts";
import type { QueueSet } from "../runtime/queue-set.ts";
import { newRunId } from "./enqueue-sources.ts";
import { createProgress } from "./run-progress.ts";
import { RunTracker, type SourceOutcome } from "./run-tracker.ts";

export async function ingestAndWait(
  config: Config,
  queues: QueueSet,
  sources: SourceRef[],
  log: Logger,
): Promise<SourceOutcome[]> {
  const tracker = new RunTracker(config, queues);
  try {
    await tracker.ready();
    const runId = newRunId();
    const enqueued = await enqueueSources(queues, sources, runId);
    log.info({ runId, sources: enqueued.length }, "sources enqueued");
    const progress = createProgress(enqueued.length, log);
    const outcomes = await Promise.all(
      enqueued.map(async (job) => {
        const outcome = await tracker.follow(job);
        progress.tick(`${outcome.source.id} ${outcome.status}`);
        return outcome;
      }),
    );
    progress.stop();
    return outcomes;
  } finally {
    await tracker.close();
  }
}
