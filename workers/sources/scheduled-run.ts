/**
 * Run ids of scheduled re-ingestion. A job scheduler stores one job template,
 * so every job it makes carries the same `run_id`: this marker. The worker
 * replaces it with an id derived from the job's own id, which BullMQ makes
 * unique per firing (`repeat:<scheduler id>:<millis>`), so each scheduled run
 * gets distinct, deterministic child job ids and a retry re-adds the same ones.
 */
export const SCHEDULED_RUN_MARKER = "scheduled";

export function runIdOf(envelopeRunId: string, jobId: string | undefined): string {
  if (envelopeRunId !== SCHEDULED_RUN_MARKER || !jobId) return envelopeRunId;
  return `sched-${jobId.replace(/^repeat:/, "").replace(/[^A-Za-z0-9_-]/g, "-")}`;
}
