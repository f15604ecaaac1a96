/**
 * Builds han-bigram-data.json (read by han-bigram.ts): the character pairs of
 * the Chinese training prose.
 */
import type { HanBigramData } from "./model-data.ts";

function addPairs(data: HanBigramData, text: string, weight: number): void {
  let prev = "";
  for (const ch of text) {
    if (/\s/.test(ch)) {
      prev = "";
      continue;
    }
    data.uni[ch] = (data.uni[ch] ?? 0) + weight;
    if (prev) {
      const row = data.next[prev] ?? {};
      row[ch] = (row[ch] ?? 0) + weight;
      data.next[prev] = row;
    }
    prev = ch;
  }
}

/** Counts every pair of adjacent non-space characters of the prose. */
export function buildHanBigramData(prose: string): HanBigramData {
  const data: HanBigramData = { uni: {}, next: {} };
  addPairs(data, prose, 1);
  return data;
}
