/**
 * A candidate is one recognised span before the spans of all recognisers are
 * reconciled into entities. Overlaps are settled here, once, for every source.
 */
import type { EntityType } from "../../shared/document.ts";
import { SpanSet } from "./span-set.ts";

export type CandidateSource = "kb" | "pattern" | "quantity" | "ner";

export interface Candidate {
  start: number;
  end: number;
  id: string;
  type: EntityType;
  /** Canonical English name (or the normalised surface form of an unknown name). */
  name: string;
  names?: Record<string, string>;
  value?: number;
  unit?: string;
  source: CandidateSource;
}

/**
 * Strong sources (knowledge base, suffix patterns, quantities) compete by span
 * length, the longest name winning, so "Baotou Rare Earth Research Institute"
 * beats "Baotou". Statistical guesses only fill gaps the strong sources left.
 * O(n log n) in the candidates (the sort), plus their lengths (the SpanSet).
 */
export function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const strong = candidates.filter((c) => c.source !== "ner");
  const weak = candidates.filter((c) => c.source === "ner");
  const rank: Record<CandidateSource, number> = { kb: 0, quantity: 1, pattern: 2, ner: 3 };
  const byPreference = (a: Candidate, b: Candidate) =>
    b.end - b.start - (a.end - a.start) || rank[a.source] - rank[b.source] || a.start - b.start;
  const taken: Candidate[] = [];
  const claimed = new SpanSet();
  for (const group of [strong, weak]) {
    for (const candidate of [...group].sort(byPreference)) {
      if (candidate.end <= candidate.start || claimed.overlaps(candidate.start, candidate.end))
        continue;
      taken.push(candidate);
      claimed.add(candidate.start, candidate.end);
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Stable id part for a name no list knows: lower case, words joined by "-". */
export function slugOf(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’']s\b/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}
