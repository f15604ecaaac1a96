/**
 * The Prometheus text exposition format (version 0.0.4) of the stage
 * counters, the duration histogram and the queue depths. Written by hand
 * rather than through prom-client: its metrics live in one process's memory,
 * while these are read back from Redis, where every worker process adds to them.
 */
import type { StageName } from "../../pipelines/pipeline.ts";
import type { StageStats } from "./metrics-store.ts";

export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

export type QueueDepths = Record<StageName, Record<string, number>>;

function label(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

function formatNumber(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}

export function renderPrometheus(
  stats: Record<StageName, StageStats>,
  depths: QueueDepths,
): string {
  const lines: string[] = [];
  const stages = Object.entries(stats) as Array<[StageName, StageStats]>;
  const counter = (name: string, help: string, value: (s: StageStats) => number) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
    for (const [stage, s] of stages) lines.push(`${name}{stage="${label(stage)}"} ${value(s)}`);
  };
  counter("lodestone_jobs_completed_total", "Jobs a stage completed.", (s) => s.completed);
  counter(
    "lodestone_jobs_failed_total",
    "Jobs that failed for good (permanent error or attempts exhausted).",
    (s) => s.failed,
  );
  counter("lodestone_jobs_retried_total", "Job attempts that were retries.", (s) => s.retried);
  const refused = "lodestone_jobs_refused_total";
  lines.push(
    `# HELP ${refused} Jobs failed for good by a permanent error (input refused with a reason), by error class.`,
    `# TYPE ${refused} counter`,
  );
  for (const [stage, s] of stages) {
    for (const [kind, count] of Object.entries(s.refused).sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`${refused}{stage="${label(stage)}",kind="${label(kind)}"} ${count}`);
    }
  }
  counter(
    "lodestone_stage_documents_total",
    "Documents a stage's function took, in its own jobs or chained into the job before (CHAIN_CPU_STAGES).",
    (s) => s.documents.count,
  );
  counter(
    "lodestone_stage_document_seconds_total",
    "Time a stage's function spent on those documents.",
    (s) => s.documents.ms / 1000,
  );
  const fetch = stats.fetch;
  lines.push(
    "# HELP lodestone_sources_unchanged_total Fetches that found their source unchanged (304 or same content hash): no work past fetch.",
    "# TYPE lodestone_sources_unchanged_total counter",
    `lodestone_sources_unchanged_total ${fetch.unchanged}`,
  );

  const histogram = "lodestone_job_duration_seconds";
  lines.push(`# HELP ${histogram} Time one job attempt took, by stage.`);
  lines.push(`# TYPE ${histogram} histogram`);
  for (const [stage, s] of stages) {
    let cumulative = 0;
    for (const [le, count] of s.duration.buckets) {
      cumulative += count;
      lines.push(
        `${histogram}_bucket{stage="${label(stage)}",le="${formatNumber(le)}"} ${cumulative}`,
      );
    }
    lines.push(
      `${histogram}_bucket{stage="${label(stage)}",le="+Inf"} ${cumulative + s.duration.inf}`,
    );
    lines.push(`${histogram}_sum{stage="${label(stage)}"} ${formatNumber(s.duration.sum)}`);
    lines.push(`${histogram}_count{stage="${label(stage)}"} ${s.duration.count}`);
  }

  const gauge = "lodestone_queue_jobs";
  lines.push(`# HELP ${gauge} Jobs in a stage's queue, by state.`, `# TYPE ${gauge} gauge`);
  for (const [stage, counts] of Object.entries(depths)) {
    for (const [state, count] of Object.entries(counts).sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`${gauge}{stage="${label(stage)}",state="${label(state)}"} ${count}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
