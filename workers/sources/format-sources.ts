/** Plain-text views of sources and schedules for the CLI (`--json` prints the objects as they are). */
import type { ScheduleInfo } from "./schedules.ts";
import type { RegisteredSource } from "./source-registry.ts";

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

export function formatSourceList(sources: RegisteredSource[]): string {
  if (sources.length === 0) return "no sources registered";
  return table(
    ["ID", "LAST RUN", "AT", "SCHEDULE", "URI"],
    sources.map((s) => [
      s.id,
      s.last_run?.status ?? "-",
      s.last_run?.at ?? "-",
      s.schedule ? `${s.schedule}${s.tz ? ` (${s.tz})` : ""}` : "-",
      s.uri,
    ]),
  );
}

export function formatSource(source: RegisteredSource): string {
  const rows: Array<[string, string | undefined]> = [
    ["id", source.id],
    ["uri", source.uri],
    ["name", source.name],
    ["publisher", source.publisher],
    [
      "schedule",
      source.schedule ? `${source.schedule}${source.tz ? ` (${source.tz})` : ""}` : undefined,
    ],
    ["registered", source.created_at],
    ["updated", source.updated_at],
    [
      "last run",
      source.last_run ? `${source.last_run.status} at ${source.last_run.at}` : undefined,
    ],
    ["last run id", source.last_run?.run_id],
    ["failed at", source.last_run?.stage],
    ["error", source.last_run?.error],
    ["content hash", source.last_complete?.content_hash],
    ["etag", source.last_complete?.etag],
    ["last-modified", source.last_complete?.last_modified],
  ];
  return rows
    .filter((row): row is [string, string] => row[1] !== undefined)
    .map(([k, v]) => `${`${k}:`.padEnd(14)} ${v}`)
    .join("\n");
}

export function formatScheduleList(schedules: ScheduleInfo[]): string {
  if (schedules.length === 0) return "no schedules";
  return table(
    ["SOURCE", "SCHEDULE", "TZ", "NEXT RUN", "URI"],
    schedules.map((s) => [
      s.sourceId,
      s.pattern ?? "-",
      s.tz ?? "UTC",
      s.next ?? "-",
      s.uri ?? "-",
    ]),
  );
}
