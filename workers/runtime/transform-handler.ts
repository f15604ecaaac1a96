/**
 * A transform stage as a queue handler: run the stage with its hooks, then
 * add one job per output to the next queue under deterministic ids, so a
 * retry of this job re-adds the same ids and BullMQ ignores the duplicates.
 * An input the stage expands (a folder) becomes one job per source on the
 * stage's own queue instead.
 *
 * With a chain (the stages right after this one that the same process runs,
 * CHAIN_CPU_STAGES), each output goes through them here, hooks included, and
 * what the last one emits is added to its next queue: the ids are the ones
 * that stage's own jobs would have added, and a retry runs the chain again.
 */
import type { StageName, StageOutput, TransformStage } from "../../pipelines/pipeline.ts";
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

/** A failure inside a chain names the stage it came from (the job is the chain's first stage's). */
function named(stage: StageName, error: unknown): unknown {
  if (error instanceof Error && !error.message.startsWith(`${stage}:`)) {
    try {
      error.message = `${stage}: ${error.message}`;
    } catch {
      // A message that cannot be set (a getter-only DOMException) stays as it is.
    }
  }
  return error;
}

/**
 * The queue handler of a transform stage, with the runtime's memory of
 * sources for its hooks; a `cpu` stage's function runs through `offload`
 * (the thread pool), so the event loop stays free for the other jobs.
 * `chain`: the stages that run after this one within the same job.
 */
export function transformHandler(
  stage: TransformStage,
  queues: QueueSet,
  concurrency: number,
  ledger: SourceLedger,
  offload?: StageOffload,
  chain: readonly TransformStage[] = [],
): StageHandler<StageJobResult> {
  /** Runs a stage on one input; `onWork` is told the time its function ran in a thread. */
  const runStage = (
    current: TransformStage,
    input: unknown,
    ctx: StageContext,
    hooks: HookContext,
    onWork: (ms: number) => void,
  ): Promise<StageOutput[]> => {
    const threads =
      current.cost === "cpu" && offload
        ? (name: string, threadInput: unknown) => offload(name, threadInput, onWork)
        : undefined;
    return current.run(input, ctx, hooks, threads);
  };
  const stages = [stage, ...chain];
  const last = chain[chain.length - 1] ?? stage;
  return {
    name: stage.name,
    concurrency,
    async handle(payload: unknown, runId: string, ctx: StageContext): Promise<StageJobResult> {
      const fanOut = await expanded(stage, payload, queues, runId, ctx);
      if (fanOut) return fanOut;
      const hooks: HookContext = { runId, sources: ledger };
      // This stage, then its chain: each takes what the one before emitted.
      let inputs: unknown[] = [payload];
      let outputs: StageOutput[] = [];
      const stage_ms: NonNullable<StageJobResult["stage_ms"]> = [];
      for (const current of stages) {
        // A stage's time is its function's: in its thread for an offloaded stage (the wait
        // for a free thread left out), the whole run here for the others.
        const started = performance.now();
        let threadMs: number | undefined;
        const onWork = (ms: number) => {
          threadMs = (threadMs ?? 0) + ms;
        };
        outputs = [];
        for (const input of inputs) {
          try {
            outputs.push(...(await runStage(current, input, ctx, hooks, onWork)));
          } catch (error) {
            throw current === stage ? error : named(current.name, error);
          }
        }
        const ms = Math.round((threadMs ?? performance.now() - started) * 10) / 10;
        stage_ms.push({ stage: current.name, documents: inputs.length, ms });
        inputs = outputs.map((output) => output.doc);
      }
      const children = outputs.map((output) => ({
        output,
        jobId: childJobId(runId, last.next, output.id),
      }));
      await queues[last.next].addBulk(
        children.map(({ output, jobId }) => ({
          name: last.next,
          data: { run_id: runId, payload: output.doc },
          opts: { jobId },
        })),
      );
      const next = children.map(({ output, jobId }) => ({
        queue: last.next,
        jobId,
        docId: output.id,
      }));
      return stage.emptyMeansUnchanged && outputs.length === 0
        ? { next, unchanged: true, stage_ms }
        : { next, stage_ms };
    },
  };
}
