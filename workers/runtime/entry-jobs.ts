/**
 * Adds one entry-stage job per source, under ids that are deterministic
 * within a run: enqueuing the same sources again in the same run (a retried
 * folder listing, a repeated command) adds nothing twice.
 */
import { ENTRY_STAGE } from "../../pipelines/pipeline.ts";
import type { SourceRef } from "../../shared/document.ts";
import { childJobId } from "./job-data.ts";
import type { QueueSet } from "./queue-set.ts";

export interface EnqueuedSource {
  source: SourceRef;
  jobId: string;
}

/** Adds a job for each source to the entry stage's queue; returns each source with its job id. */
export async function enqueueSources(
  queues: QueueSet,
  sources: SourceRef[],
  runId: string,
): Promise<EnqueuedSource[]> {
  const jobs = sources.map((source) => ({
    source,
    jobId: childJobId(runId, ENTRY_STAGE, source.id),
  }));
  await queues[ENTRY_STAGE].addBulk(
    jobs.map(({ source, jobId }) => ({
      name: ENTRY_STAGE,
      data: { run_id: runId, payload: { source } },
      opts: { jobId },
    })),
  );
  return jobs;
}
