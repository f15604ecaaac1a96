/**
 * Which stages each stage thread runs. A thread loads the models of every
 * stage it may run, and those models are most of a thread's memory and its
 * start-up time; so each stage goes to as few threads as keeps the CPU
 * balanced. Each stage declares its share of the CPU per document
 * (`cpuShare` in pipelines/pipeline.ts, measured with `npm run bench`).
 *
 * - Fewer threads than stages: the stages, in pipeline order, are cut into
 *   as many contiguous groups as there are threads, the heaviest group as
 *   light as possible.
 * - As many threads or more: one stage per thread, and every further thread
 *   to the stage with the most CPU per thread.
 */
export interface StageShare {
  name: string;
  /** Relative CPU per document; only ratios matter. */
  share: number;
}

/** One entry per thread: the stages that thread runs. */
export function threadGroups(stages: readonly StageShare[], threads: number): string[][] {
  if (stages.length === 0 || threads < 1) return [];
  if (threads >= stages.length) return spread(stages, threads);
  return contiguous(stages, threads).map((group) => group.map((stage) => stage.name));
}

function spread(stages: readonly StageShare[], threads: number): string[][] {
  const counts = stages.map(() => 1);
  for (let extra = stages.length; extra < threads; extra++) {
    let busiest = 0;
    stages.forEach((stage, i) => {
      const load = stage.share / (counts[i] ?? 1);
      const best = (stages[busiest]?.share ?? 0) / (counts[busiest] ?? 1);
      if (load > best) busiest = i;
    });
    counts[busiest] = (counts[busiest] ?? 1) + 1;
  }
  return stages.flatMap((stage, i) => Array.from({ length: counts[i] ?? 1 }, () => [stage.name]));
}

/** The split of `stages` into `parts` contiguous groups whose heaviest group is lightest (ties: the first found). */
function contiguous(stages: readonly StageShare[], parts: number): StageShare[][] {
  if (parts === 1) return [[...stages]];
  let best: StageShare[][] = [[...stages]];
  let bestMax = Number.POSITIVE_INFINITY;
  // Few stages: trying every first cut is cheap.
  for (let cut = 1; cut <= stages.length - (parts - 1); cut++) {
    const head = stages.slice(0, cut);
    const rest = contiguous(stages.slice(cut), parts - 1);
    const groups = [head, ...rest];
    const max = Math.max(...groups.map((group) => group.reduce((sum, s) => sum + s.share, 0)));
    if (max < bestMax) {
      bestMax = max;
      best = groups;
    }
  }
  return best;
}
