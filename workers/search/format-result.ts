/**
 * The search result for a terminal (matches in bold) or a pipe (matches
 * between «»), and as JSON. Highlight marks arrive as private-use characters
 * and are rendered only here.
 */
import { FACET_FIELDS, MARK_CLOSE, MARK_OPEN } from "./search-query.ts";
import type { SearchHit, SearchResult } from "./search-result.ts";

const MAX_NAMES = 4;

export type MarkStyle = "ansi" | "guillemets";

const MARKS: Record<MarkStyle, [string, string]> = {
  ansi: ["\u001b[1m", "\u001b[22m"],
  guillemets: ["«", "»"],
};

export function renderMarks(text: string, style: MarkStyle): string {
  const [open, close] = MARKS[style];
  return text.replaceAll(MARK_OPEN, open).replaceAll(MARK_CLOSE, close);
}

function hitLines(hit: SearchHit, rank: number, style: MarkStyle): string[] {
  const lines = [`${rank}. ${hit.title ?? "(untitled)"}  [${hit.lang ?? "?"}] ${hit.id}`];
  const meta = [
    hit.publisher,
    hit.published_at ? hit.published_at.slice(0, 10) : "undated",
    hit.score === null ? null : `score ${hit.score.toFixed(2)}`,
  ].filter((part): part is string => part !== null);
  lines.push(`   ${meta.join(" · ")}`);
  for (const fragment of hit.fragments) lines.push(`   … ${renderMarks(fragment, style)} …`);
  if (hit.matched_names.length > 0) {
    const shown = hit.matched_names.slice(0, MAX_NAMES).map((n) => renderMarks(n, style));
    const more = hit.matched_names.length - shown.length;
    lines.push(`   entity names: ${shown.join(", ")}${more > 0 ? ` (+${more} more)` : ""}`);
  }
  if (hit.translation) {
    const { counterpart, role } = hit.translation;
    const relation =
      role === "original"
        ? "translated as"
        : role === "translation"
          ? "translation of"
          : "paired with";
    lines.push(
      `   ${relation} ${counterpart.id} [${counterpart.lang ?? "?"}] ${counterpart.title ?? "(title unknown)"}`,
    );
  }
  return lines;
}

export function formatResultText(result: SearchResult, style: MarkStyle): string {
  const noun = result.total === 1 ? "document" : "documents";
  const lines = [
    `${result.total} ${noun} for ${JSON.stringify(result.query)} (${result.took_ms} ms)`,
  ];
  if (result.hits.length < result.total) lines[0] += `, showing ${result.hits.length}`;
  result.hits.forEach((hit, i) => {
    lines.push("", ...hitLines(hit, i + 1, style));
  });
  const facetLines = Object.keys(FACET_FIELDS).flatMap((name) => {
    const buckets = result.facets[name as keyof typeof FACET_FIELDS];
    if (buckets.length === 0) return [];
    return [`  ${name}: ${buckets.map((b) => `${b.value} (${b.count})`).join(", ")}`];
  });
  if (facetLines.length > 0) lines.push("", "facets", ...facetLines);
  return `${lines.join("\n")}\n`;
}

/** JSON for scripts: the same result, with matches marked «…». */
export function formatResultJson(result: SearchResult): string {
  const marked = {
    ...result,
    hits: result.hits.map((hit) => ({
      ...hit,
      fragments: hit.fragments.map((f) => renderMarks(f, "guillemets")),
      matched_names: hit.matched_names.map((n) => renderMarks(n, "guillemets")),
    })),
  };
  return `${JSON.stringify(marked, null, 2)}\n`;
}
