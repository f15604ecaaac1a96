/**
 * Every transform stage in one process, no Redis, no OpenSearch: how
 * `lodestone process` debugs a source and how tests exercise the logic.
 * Documents flow in the same order and through the same validation as on
 * the queues; the result is what the sink would receive. The stages' hooks
 * do not run: there is no memory of earlier runs here.
 */
import type { LodestoneDocument, SourceRef } from "../shared/document.ts";
import { buildPipeline, ENTRY_STAGE, type PipelineOptions } from "./pipeline.ts";
import type { StageContext, StageOffload } from "./stage.ts";

/**
 * Runs one source through every transform stage; returns the documents the
 * sink would store. With `offload`, the CPU-bound stages run there (the
 * runtime's stage threads), as they do on the queues.
 */
export async function runInProcess(
  source: SourceRef,
  options: PipelineOptions,
  ctx: StageContext,
  offload?: StageOffload,
): Promise<LodestoneDocument[]> {
  const pipeline = buildPipeline(options);
  const stages = new Map(pipeline.transforms.map((stage) => [stage.name, stage]));
  let stage = stages.get(ENTRY_STAGE);
  let inputs: unknown[] = [{ source }];
  while (stage) {
    const outputs = [];
    const runOn = stage.cost === "cpu" ? offload : undefined;
    for (const input of inputs) outputs.push(...(await stage.run(input, ctx, undefined, runOn)));
    inputs = outputs.map((output) => output.doc);
    stage = stages.get(stage.next);
  }
  return inputs.map((doc) => pipeline.sink.parse(doc));
}
