/**
 * `lodestone process` over many sources: every stage in this process, no
 * Redis, no OpenSearch. With more than one source the CPU-bound stages run
 * on stage threads (grouped as the workers group them, thread-groups.ts)
 * and several sources are in flight at once, so every core is busy; one
 * source runs on this thread, where loading threads would only add their
 * start-up. Documents come back in the order of the sources, and a source
 * that fails is reported with its reason while the others go on.
 */
import { DEFAULT_STAGE_BUDGETS } from "../../pipelines/budgets.ts";
import { buildPipeline, type PipelineOptions } from "../../pipelines/pipeline.ts";
import { runInProcess } from "../../pipelines/run-in-process.ts";
import type { StageOffload } from "../../pipelines/stage.ts";
import type { Config } from "../../shared/config.ts";
import type { LodestoneDocument, SourceRef } from "../../shared/document.ts";
import type { Logger } from "../../shared/logger.ts";
import { StagePool } from "../runtime/stage-pool.ts";
import { threadGroups } from "../runtime/thread-groups.ts";

export interface SourceOutcome {
  source: SourceRef;
  documents: LodestoneDocument[];
  /** Why the source produced nothing; absent when it went through. */
  error?: Error;
}

export interface ProcessDeps {
  config: Pick<Config, "STAGE_THREADS" | "STAGE_TIME_LIMIT_MS" | "LOG_LEVEL" | "LOG_FORMAT">;
  log: Logger;
  /** Told once the stage threads have loaded their models, before the first source. */
  onReady?: () => void;
  /** Told as each source ends, in the order they end. */
  onSource?: (outcome: SourceOutcome) => void;
}

/** Every source through every stage; one outcome per source, in the order of `sources`. */
export async function processSources(
  sources: readonly SourceRef[],
  options: PipelineOptions,
  deps: ProcessDeps,
): Promise<SourceOutcome[]> {
  const threads = sources.length > 1 ? deps.config.STAGE_THREADS : 0;
  const cpuStages = buildPipeline(options)
    .transforms.filter((stage) => stage.cost === "cpu")
    .map((stage) => ({ name: stage.name, share: stage.cpuShare }));
  const groups = threadGroups(cpuStages, threads);
  const pool =
    groups.length > 0
      ? new StagePool({
          groups,
          timeLimitMs: deps.config.STAGE_TIME_LIMIT_MS,
          budgets: options.budgets ?? DEFAULT_STAGE_BUDGETS,
          logConfig: deps.config,
          log: deps.log.child({ component: "stage-pool" }),
        })
      : undefined;
  const offload: StageOffload | undefined = pool
    ? (stage, input) => pool.run(stage, input)
    : undefined;
  const outcomes: SourceOutcome[] = new Array(sources.length);
  let next = 0;
  // Two sources per thread: one computing while the other crosses to or from it.
  const inFlight = pool ? Math.min(sources.length, 2 * groups.length) : 1;
  const runner = async () => {
    for (let i = next++; i < sources.length; i = next++) {
      const source = sources[i] as SourceRef;
      const ctx = { log: deps.log.child({ sourceId: source.id }) };
      let outcome: SourceOutcome;
      try {
        outcome = { source, documents: await runInProcess(source, options, ctx, offload) };
      } catch (error) {
        outcome = {
          source,
          documents: [],
          error: error instanceof Error ? error : new Error(String(error)),
        };
      }
      outcomes[i] = outcome;
      deps.onSource?.(outcome);
    }
  };
  try {
    await pool?.warm();
    deps.onReady?.();
    await Promise.all(Array.from({ length: inFlight }, runner));
  } finally {
    await pool?.close();
  }
  return outcomes;
}
