/** Liveness, readiness, Prometheus metrics and job lookup. */
import type { Queue } from "bullmq";
import type { FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import { z } from "zod";
import { STAGE_NAMES, type StageName } from "../../pipelines/pipeline.ts";
import { errorMessage } from "../../shared/errors.ts";
import type { OpenSearchClient } from "../../shared/opensearch.ts";
import type { MetricsStore } from "../metrics/metrics-store.ts";
import { PROMETHEUS_CONTENT_TYPE, renderPrometheus } from "../metrics/prometheus-text.ts";
import type { QueueSet } from "../runtime/queue-set.ts";
import { docIdOf } from "../runtime/stage-worker.ts";
import { NotFoundError } from "./source-routes.ts";

export interface OpsDeps {
  redis: Redis;
  opensearch: OpenSearchClient;
  queues: QueueSet;
  metrics: MetricsStore;
}

const READY_TIMEOUT_MS = 2_000;

/** "ok", or why the dependency did not answer in time. */
async function probe(check: () => Promise<unknown>): Promise<string> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)),
      READY_TIMEOUT_MS,
    ).unref(),
  );
  try {
    await Promise.race([check(), timeout]);
    return "ok";
  } catch (error) {
    return errorMessage(error);
  }
}

const JOB_STATES = [
  "waiting",
  "active",
  "delayed",
  "prioritized",
  "waiting-children",
  "completed",
  "failed",
] as const;

/**
 * Whether `id` names a job of the queue, not one of the queue's own keys
 * (`meta`, `events`, `id`, a job's `:lock` …), which BullMQ would try to
 * read as a job and fail on. A job is a hash with a timestamp.
 */
async function isJobId(queue: Queue, redis: Redis, id: string): Promise<boolean> {
  if (id in queue.keys) return false;
  const key = queue.toKey(id);
  if ((await redis.type(key)) !== "hash") return false;
  return (await redis.hexists(key, "timestamp")) === 1;
}

/** Mounts /health, /ready, /metrics and /jobs/:id. */
export function opsRoutes(app: FastifyInstance, deps: OpsDeps): void {
  app.get("/health", async () => ({ status: "ok" }));

  app.get("/ready", async (_request, reply) => {
    const [redis, opensearch] = await Promise.all([
      probe(() => deps.redis.ping()),
      probe(() => deps.opensearch.ping()),
    ]);
    const checks = { redis, opensearch };
    if (redis === "ok" && opensearch === "ok") return { status: "ready", checks };
    return reply.code(503).send({
      error: Object.entries(checks)
        .filter(([, state]) => state !== "ok")
        .map(([name, state]) => `${name}: ${state}`)
        .join("; "),
      checks,
    });
  });

  app.get("/metrics", async (_request, reply) => {
    const [stats, depths] = await Promise.all([
      deps.metrics.read(),
      Promise.all(STAGE_NAMES.map((stage) => deps.queues[stage].getJobCounts(...JOB_STATES))),
    ]);
    const byStage = Object.fromEntries(
      STAGE_NAMES.map((stage, i) => [stage, depths[i] ?? {}]),
    ) as Record<StageName, Record<string, number>>;
    return reply.type(PROMETHEUS_CONTENT_TYPE).send(renderPrometheus(stats, byStage));
  });

  app.get("/jobs/:id", async (request) => {
    const { id } = z.object({ id: z.string().min(1).max(500) }).parse(request.params);
    for (const stage of STAGE_NAMES) {
      if (!(await isJobId(deps.queues[stage], deps.redis, id))) continue;
      const found = await deps.queues[stage].getJob(id);
      if (!found) continue;
      // State first, then the job again: its fields are then at least as new as the state
      // (read the other way round, a job that finished in between shows "completed" with
      // the attempt counts of its active days).
      const state = await found.getState();
      const job = (await deps.queues[stage].getJob(id)) ?? found;
      const data: unknown = job.data;
      const envelope = z.object({ run_id: z.string(), payload: z.unknown() }).safeParse(data);
      return {
        id: job.id,
        queue: stage,
        state,
        run_id: envelope.success ? envelope.data.run_id : undefined,
        doc_id: envelope.success ? docIdOf(envelope.data.payload) : undefined,
        attempts_made: job.attemptsMade,
        failed_reason: job.failedReason || undefined,
        return_value: job.returnvalue ?? undefined,
        created_at: new Date(job.timestamp).toISOString(),
        processed_at: job.processedOn ? new Date(job.processedOn).toISOString() : undefined,
        finished_at: job.finishedOn ? new Date(job.finishedOn).toISOString() : undefined,
      };
    }
    throw new NotFoundError(`no job ${JSON.stringify(id)} in any stage queue`);
  });
}
