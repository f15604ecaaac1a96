/**
 * Keeps each registered source's last run up to date from the workers' job
 * outcomes: the entry stage tells unchanged or fetched, the sink indexed, a job
 * that fails for good at any stage tells failed, with its stage and reason.
 */

import { ENTRY_STAGE, SINK_STAGE } from "../../pipelines/pipeline.ts";
import { stageJobResultSchema } from "../runtime/job-data.ts";
import type { JobOutcome } from "../runtime/stage-worker.ts";
import type { RunStatus, SourceRegistry } from "./source-registry.ts";

export function runStatusOf(outcome: JobOutcome): RunStatus | undefined {
  if (outcome.status === "failed") return "failed";
  if (outcome.status !== "completed") return undefined;
  if (outcome.stage === SINK_STAGE) return "indexed";
  if (outcome.stage !== ENTRY_STAGE) return undefined;
  const result = stageJobResultSchema.safeParse(outcome.result);
  return result.success && result.data.unchanged ? "unchanged" : "fetched";
}

export async function recordSourceRun(
  registry: SourceRegistry,
  outcome: JobOutcome,
): Promise<void> {
  const status = runStatusOf(outcome);
  if (!status || !outcome.sourceId) return;
  await registry.recordRun(outcome.sourceId, {
    status,
    ...(outcome.runId ? { run_id: outcome.runId } : {}),
    ...(status === "failed" ? { stage: outcome.stage } : {}),
    ...(outcome.error && status === "failed" ? { error: outcome.error } : {}),
  });
}
