/**
 * Queue names and the envelope every job carries. One BullMQ queue per stage;
 * the order lives in pipelines/pipeline.ts.
 */
import { z } from "zod";

export const STAGE_NAMES = ["fetch", "normalize", "language", "enrich", "index"] as const;
export type StageName = (typeof STAGE_NAMES)[number];

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

/** What a transform stage's job returns: where its outputs went. */
export const stageJobResultSchema = z.object({
  next: z.array(z.object({ queue: z.enum(STAGE_NAMES), jobId: z.string(), docId: z.string() })),
  unchanged: z.boolean().optional(),
});
export type StageJobResult = z.infer<typeof stageJobResultSchema>;

/** What an index job returns. */
export const indexJobResultSchema = z.object({
  docId: z.string(),
  lang: z.string(),
  result: z.enum(["created", "updated", "noop"]),
  version: z.number().int(),
  entities: z.number().int(),
  repairs: z.array(z.object({ kind: z.string(), count: z.number() })),
});
export type IndexJobResult = z.infer<typeof indexJobResultSchema>;

export function childJobId(runId: string, stage: StageName, docId: string): string {
  return `${runId}.${stage}.${docId}`.replace(/:/g, "_");
}
