/**
 * A transform stage as a queue handler: run the stage with its hooks, then
 * add one job per output to the next queue under deterministic ids, so a
 * retry of this job re-adds the same ids and BullMQ ignores the duplicates.
 * An input the stage expands (a folder) becomes one job per source on the
 * stage's own queue instead.
 */
import type { TransformStage } from "../../pipelines/pipeline.ts";
import type {
  HookContext,
  SourceLedger,
  StageContext,
  StageOffload,
} from "../../pipelines/stage.ts";
import { enqueueSources } from "./entry-jobs.ts";
import { childJobId, type StageJobResult } from "./job-data.ts";
import type { QueueSet } from "./queue-set.ts";
import type { StageHandler } from "./stage-worker.ts";

async function expanded(
  stage: TransformStage,
  payload: unknown,
  queues: QueueSet,
  runId: string,
  ctx: StageContext,
): Promise<StageJobResult | null> {
  const sources = await stage.expand?.(payload);
  if (!sources) return null;
  // Deterministic job ids: a retry of this job adds nothing twice.
  const jobs = await enqueueSources(queues, sources, runId);
  ctx.log.info({ sources: jobs.length }, "source expanded");
  return {
    next: jobs.map((job) => ({ queue: stage.name, jobId: job.jobId, docId: job.source.id })),
  };
}

/**
 * The queue handler of a transform stage, with the runtime's memory of
 * sources for its hooks; a `cpu` stage's function runs through `offload`
 * (the thread pool), so the event loop stays free for the other jobs.
 */
export function transformHandler(
  stage: TransformStage,
  queues: QueueSet,
  concurrency: number,
  ledger: SourceLedger,
  offload?: StageOffload,
): StageHandler<StageJobResult> {
  return {
    name: stage.name,
    concurrency,
    async handle(payload: unknown, runId: string, ctx: StageContext): Promise<StageJobResult> {
      const fanOut = await expanded(stage, payload, queues, runId, ctx);
      if (fanOut) return fanOut;
      const hooks: HookContext = { runId, sources: ledger };
      const outputs = await stage.run(
        payload,
        ctx,
        hooks,
        stage.cost === "cpu" ? offload : undefined,
      );
      const children = outputs.map((output) => ({
        output,
        jobId: childJobId(runId, stage.next, output.id),
      }));
      await queues[stage.next].addBulk(
        children.map(({ output, jobId }) => ({
          name: stage.next,
          data: { run_id: runId, payload: output.doc },
          opts: { jobId },
        })),
      );
      const next = children.map(({ output, jobId }) => ({
        queue: stage.next,
        jobId,
        docId: output.id,
      }));
      return stage.emptyMeansUnchanged && outputs.length === 0
        ? { next, unchanged: true }
        : { next };
    },
  };
}
