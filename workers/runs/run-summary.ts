/**
 * The human summary of a run: counts per status, language, entities and
 * repairs, every failure in full, and the first few other sources (all of
 * them with `verbose`), so a run of thousands of files stays one screen.
 */
import type { SourceOutcome } from "./run-tracker.ts";

export interface IndexStats {
  alias: string;
  total: number;
  byLang: Record<string, number>;
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function formatCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? "none" : entries.map(([k, v]) => `${k} ${v}`).join(", ");
}

export interface SummaryOptions {
  /** One line per source, not only the first SHOWN_SOURCES. */
  verbose?: boolean;
}

/** Sources other than failed ones listed when not verbose. */
export const SHOWN_SOURCES = 10;

function sourceLine(outcome: SourceOutcome): string {
  const ids = outcome.documents.map((d) => `${d.docId} [${d.lang}, ${d.result}, v${d.version}]`);
  return `  ${outcome.status.padEnd(9)} ${outcome.source.id}${ids.length ? ` → ${ids.join("; ")}` : ""}`;
}

/** The summary as lines of text. */
export function summarize(
  outcomes: SourceOutcome[],
  stats?: IndexStats,
  options: SummaryOptions = {},
): string {
  const docs = outcomes.flatMap((o) => o.documents);
  const written = docs.filter((d) => d.result !== "noop");
  const repairs: Record<string, number> = {};
  for (const doc of docs)
    for (const r of doc.repairs) repairs[r.kind] = (repairs[r.kind] ?? 0) + r.count;
  const lines = [
    `Sources: ${outcomes.length} (${formatCounts(countBy(outcomes, (o) => o.status))})`,
    `Documents indexed this run: ${written.length} (${formatCounts(countBy(written, (d) => d.lang))})` +
      (docs.length > written.length
        ? `; ${docs.length - written.length} identical, not re-written`
        : ""),
    `Entities on those documents: ${docs.reduce((sum, d) => sum + d.entities, 0)}`,
    `Repairs: ${formatCounts(repairs)}`,
  ];
  const unchanged = outcomes.filter((o) => o.status === "unchanged");
  if (unchanged.length > 0) {
    lines.push(
      `Unchanged since the last complete run (nothing re-indexed): ${unchanged.length} source(s)`,
    );
  }
  const failed = outcomes.filter((o) => o.status === "failed");
  const others = outcomes.filter((o) => o.status !== "failed");
  const shown = options.verbose ? others : others.slice(0, SHOWN_SOURCES);
  for (const outcome of shown) lines.push(sourceLine(outcome));
  if (shown.length < others.length) {
    lines.push(`  … and ${others.length - shown.length} more (--verbose lists every source)`);
  }
  if (failed.length > 0) lines.push(`Failed: ${failed.length} source(s)`);
  for (const outcome of failed) {
    lines.push(sourceLine(outcome));
    for (const failure of outcome.failures) {
      lines.push(`    failed at ${failure.stage} (${failure.jobId}): ${failure.reason}`);
    }
  }
  if (stats) {
    lines.push(
      `Index ${stats.alias} now holds ${stats.total} document(s): ${formatCounts(stats.byLang)}`,
    );
  }
  return lines.join("\n");
}
