/**
 * A transform stage as a queue handler: run the stage, then add one job per
 * output to the next queue under deterministic ids, so a retry of this job
 * re-adds the same ids and BullMQ ignores the duplicates.
 */
import type { TransformStage } from "../../pipelines/pipeline.ts";
import type { StageContext } from "../../pipelines/stage.ts";
import { childJobId, type StageJobResult } from "../../shared/queues.ts";
import type { QueueSet } from "./queue-set.ts";
import type { StageHandler } from "./stage-worker.ts";

export interface TransformHooks {
  /** Adds what the stage needs from outside (e.g. the source's previous state). */
  prepare?(payload: unknown, runId: string): Promise<unknown>;
  /** Records what the stage produced before its outputs are handed on. */
  completed?(input: unknown, outputs: unknown[], runId: string): Promise<void>;
}

export function transformHandler(
  stage: TransformStage,
  queues: QueueSet,
  concurrency: number,
  hooks: TransformHooks = {},
): StageHandler<StageJobResult> {
  return {
    name: stage.name,
    concurrency,
    async handle(payload: unknown, runId: string, ctx: StageContext): Promise<StageJobResult> {
      const input = hooks.prepare ? await hooks.prepare(payload, runId) : payload;
      const outputs = await stage.run(input, ctx);
      await hooks.completed?.(
        input,
        outputs.map((output) => output.doc),
        runId,
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
      return stage.name === "fetch" && outputs.length === 0 ? { next, unchanged: true } : { next };
    },
  };
}
