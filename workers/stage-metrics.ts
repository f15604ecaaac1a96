/** Per-stage counters and timings, kept for every worker by the stage wrapper. */
import type { StageName } from "../shared/queues.ts";

export interface StageCounters {
  completed: number;
  failed: number;
  retried: number;
  outputs: number;
  totalMs: number;
}

export class StageMetrics {
  private readonly counters = new Map<StageName, StageCounters>();

  of(stage: StageName): StageCounters {
    let counters = this.counters.get(stage);
    if (!counters) {
      counters = { completed: 0, failed: 0, retried: 0, outputs: 0, totalMs: 0 };
      this.counters.set(stage, counters);
    }
    return counters;
  }

  snapshot(): Record<string, StageCounters> {
    return Object.fromEntries([...this.counters].map(([stage, c]) => [stage, { ...c }]));
  }
}
