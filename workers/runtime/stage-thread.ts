/**
 * The entry of a stage thread (see stage-pool.ts): loads the pipeline once
 * (models, dictionaries, the knowledge base), says it is ready, then runs
 * one stage function per message on plain JSON and answers with the outputs
 * or the error's policy and reason.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { StageBudgets } from "../../pipelines/budgets.ts";
import { buildPipeline, type StageName } from "../../pipelines/pipeline.ts";
import type { Config } from "../../shared/config.ts";
import { createLogger } from "../../shared/logger.ts";
import { policyOf, reasonOf } from "./error-policy.ts";
import type { ThreadReply, ThreadTask } from "./stage-thread-messages.ts";

export interface StageThreadData {
  budgets: StageBudgets;
  log: Pick<Config, "LOG_LEVEL" | "LOG_FORMAT">;
  /** The stages this thread may be asked to run; their models load up front. */
  stages: string[];
}

const port = parentPort;
if (!port) throw new Error("stage-thread.ts runs as a worker thread (stage-pool.ts)");
const data = workerData as StageThreadData;
const log = createLogger(data.log, "stage-thread");
// Only the CPU-bound stages run here; the fetch stage is built but never called.
const pipeline = buildPipeline({ timeoutMs: 1, maxBytes: 1, fileRoots: [], budgets: data.budgets });
const stages = new Map(pipeline.transforms.map((stage) => [stage.name, stage]));

// Models load before the thread says it is ready, so no job's time limit pays for them.
await Promise.all(
  pipeline.transforms.filter((stage) => data.stages.includes(stage.name)).map((s) => s.load()),
);
port.on("message", (task: ThreadTask) => {
  void run(task).then((reply) => port.postMessage(reply));
});
port.postMessage({ type: "ready" } satisfies ThreadReply);

async function run(task: ThreadTask): Promise<ThreadReply> {
  try {
    const stage = stages.get(task.stage as StageName);
    if (!stage) throw new Error(`no stage ${JSON.stringify(task.stage)} in the pipeline`);
    const started = performance.now();
    const outputs = await stage.compute(task.input, { log: log.child({ stage: task.stage }) });
    return { type: "done", id: task.id, outputs, ms: performance.now() - started };
  } catch (error) {
    const name = error instanceof Error ? error.name : "Error";
    return { type: "failed", id: task.id, policy: policyOf(error), name, reason: reasonOf(error) };
  }
}
