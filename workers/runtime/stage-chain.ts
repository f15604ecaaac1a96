/**
 * Which stages run within one job (CHAIN_CPU_STAGES): after a CPU-bound
 * stage, the CPU-bound stages that follow it without a gap and that this
 * process runs. Each hop between queues costs Redis round trips, scripts
 * and a job record on every side (the worker, Redis, whoever follows the
 * run), several milliseconds of CPU per document per hop; the CPU stages of
 * one process gain nothing from a queue between them, since their threads
 * are the same. An I/O stage (fetch, index) keeps its own queue: its
 * concurrency and retries are its own.
 */
import type { StageName, TransformStage } from "../../pipelines/pipeline.ts";

/** The stages that run after `stage` in its job; empty for an I/O stage or a chain of one. */
export function cpuChainAfter(
  transforms: readonly TransformStage[],
  stage: TransformStage,
  runs: (name: StageName) => boolean,
): TransformStage[] {
  if (stage.cost !== "cpu") return [];
  const chain: TransformStage[] = [];
  let next = transforms.find((t) => t.name === stage.next);
  while (next && next.cost === "cpu" && runs(next.name)) {
    chain.push(next);
    next = transforms.find((t) => t.name === next?.next);
  }
  return chain;
}
