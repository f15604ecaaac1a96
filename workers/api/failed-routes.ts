/** `/failed` and `/dead-letters`: failed work and refused documents, seen and replayed (as `lodestone failed`). */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { STAGE_NAMES } from "../../pipelines/pipeline.ts";
import type { DeadLetters } from "../indexing/dead-letters.ts";
import { countFailed, listFailed, retryAllFailed, retryFailedJob } from "../runs/failed-jobs.ts";
import { retryDeadLetters } from "../runs/retry-dead-letters.ts";
import type { QueueSet } from "../runtime/queue-set.ts";

const listQuerySchema = z
  .object({
    stage: z.enum(STAGE_NAMES).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

/** One job by id, or every failed job (of one stage); never both, never neither. */
const retryBodySchema = z
  .union([
    z.object({ job_id: z.string().min(1).max(500) }).strict(),
    z.object({ all: z.literal(true), stage: z.enum(STAGE_NAMES).optional() }).strict(),
  ])
  .describe('{ "job_id": "…" } or { "all": true, "stage"?: "…" }');

const deadLetterRetrySchema = z
  .object({ doc_ids: z.array(z.string().min(1).max(500)).min(1).max(10_000).optional() })
  .strict();

/** Registers the routes of failed jobs and dead letters. */
export function failedRoutes(app: FastifyInstance, queues: QueueSet, letters: DeadLetters): void {
  app.get("/failed", async (request) => {
    const query = listQuerySchema.parse(request.query);
    const [jobs, counts] = await Promise.all([
      listFailed(queues, { limit: query.limit, ...(query.stage ? { stage: query.stage } : {}) }),
      countFailed(queues),
    ]);
    return { counts, jobs };
  });

  app.post("/failed/retry", async (request) => {
    const body = retryBodySchema.parse(request.body ?? {});
    if ("job_id" in body) return retryFailedJob(queues, body.job_id);
    return retryAllFailed(queues, body.stage ? { stage: body.stage } : {});
  });

  app.get("/dead-letters", async (request) => {
    const { limit } = z
      .object({ limit: z.coerce.number().int().min(1).max(10_000).default(100) })
      .strict()
      .parse(request.query);
    return { dead_letters: await letters.list(limit) };
  });

  app.post("/dead-letters/retry", async (request) => {
    const body = deadLetterRetrySchema.parse(request.body ?? {});
    return retryDeadLetters(letters, queues, body.doc_ids ? { docIds: body.doc_ids } : {});
  });
}
