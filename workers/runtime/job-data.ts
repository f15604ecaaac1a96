/**
 * What jobs carry and return on the queues: the envelope every job carries,
 * what a transform job and the sink job return, and the deterministic ids of
 * child jobs. The stages and their order live in pipelines/pipeline.ts.
 */
import { z } from "zod";
import { STAGE_NAMES, type StageName } from "../../pipelines/pipeline.ts";

/**
 * `run_id` ties every job of one ingestion run together, so job ids are
 * deterministic within a run: a retried or duplicated job re-adds the same
 * child ids, which BullMQ ignores, and no document is processed twice.
 */
export const jobEnvelopeSchema = z.object({
  run_id: z.string().min(1),
  payload: z.unknown(),
});
export type JobEnvelope = z.infer<typeof jobEnvelopeSchema>;

export interface NextJob {
  queue: StageName;
  jobId: string;
  docId: string;
}

/**
 * What a transform stage's job returns: where its outputs went, and the
 * milliseconds each stage it ran spent on its documents (the job's own stage
 * and, chained, the ones after it; CHAIN_CPU_STAGES): for a stage run on a
 * thread, the time its function ran there, without the wait for the thread.
 */
export const stageJobResultSchema = z.object({
  next: z.array(z.object({ queue: z.enum(STAGE_NAMES), jobId: z.string(), docId: z.string() })),
  unchanged: z.boolean().optional(),
  stage_ms: z
    .array(z.object({ stage: z.enum(STAGE_NAMES), documents: z.number().int(), ms: z.number() }))
    .optional(),
});
export type StageJobResult = z.infer<typeof stageJobResultSchema>;

/** What a sink (index) job returns. */
export const indexJobResultSchema = z.object({
  docId: z.string(),
  lang: z.string(),
  result: z.enum(["created", "updated", "noop"]),
  version: z.number().int(),
  entities: z.number().int(),
  repairs: z.array(z.object({ kind: z.string(), count: z.number() })),
});
export type IndexJobResult = z.infer<typeof indexJobResultSchema>;

/** The id of the job a stage adds for one document: the same on every retry of the run. */
export function childJobId(runId: string, stage: StageName, docId: string): string {
  return `${runId}.${stage}.${docId}`.replace(/:/g, "_");
}
