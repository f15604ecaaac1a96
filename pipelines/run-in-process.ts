/**
 * Every transform stage in one process, no Redis, no OpenSearch: how
 * `lodestone process` debugs a source and how tests exercise the logic.
 * Documents flow in the same order and through the same validation as on
 * the queues; the result is what the index stage would receive.
 */
import type { LodestoneDocument, SourceRef } from "../shared/document.ts";
import { lodestoneDocumentSchema } from "../shared/document.ts";
import type { StageName } from "../shared/queues.ts";
import { buildPipeline, type PipelineOptions, SINK_STAGE } from "./pipeline.ts";
import type { StageContext } from "./stage.ts";

export async function runInProcess(
  source: SourceRef,
  options: PipelineOptions,
  ctx: StageContext,
): Promise<LodestoneDocument[]> {
  const stages = new Map(buildPipeline(options).map((stage) => [stage.name, stage]));
  let name: StageName = "fetch";
  let inputs: unknown[] = [{ source }];
  while (name !== SINK_STAGE) {
    const stage = stages.get(name);
    if (!stage) throw new Error(`pipeline has no stage "${name}"`);
    const outputs = [];
    for (const input of inputs) outputs.push(...(await stage.run(input, ctx)));
    inputs = outputs.map((output) => output.doc);
    name = stage.next;
  }
  return inputs.map((doc) => lodestoneDocumentSchema.parse(doc));
}
