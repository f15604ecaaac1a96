/**
 * Builds han-pos-data.json (read by han-pos.ts): tag transitions of the
 * Chinese training prose as jieba tags it.
 */

import { hanChar } from "../../../../shared/text/han.ts";
import { tagOf } from "../han-pos.ts";
import type { HanPosData, TaggedWord } from "./model-data.ts";

/** Counts tag transitions over tagged paragraphs; words seen at least `minLexical` times are their own class. */
export function buildHanPosData(paragraphs: TaggedWord[][], minLexical = 8): HanPosData {
  const counts = new Map<string, number>();
  for (const words of paragraphs)
    for (const { word } of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  const lexical = [...counts]
    .filter(([w, n]) => n >= minLexical && hanChar.test(w) && [...w].length <= 2)
    .map(([w]) => w);
  const lexicalSet = new Set(lexical);
  const next: Record<string, Record<string, number>> = {};
  for (const words of paragraphs) {
    let prev = "^";
    for (const { word, tag } of words) {
      if (/^\s+$/.test(word)) continue;
      const t = lexicalSet.has(word) ? word : tagOf(word, tag);
      const row = next[prev] ?? {};
      row[t] = (row[t] ?? 0) + 1;
      next[prev] = row;
      prev = t;
    }
  }
  return { next, lexical };
}
