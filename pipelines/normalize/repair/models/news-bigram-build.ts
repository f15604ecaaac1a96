/**
 * Turns ansj_seg's dictionaries of Chinese news prose (core.dic, word counts
 * per part of speech; bigramdict.dic, "word@next\tcount") into the data the
 * word lattice loads (news-bigram.ts). Word pairs seen once are dropped
 * (they are most of the table and the least reliable); the character pairs
 * across word boundaries are kept whole, since they are few distinct pairs.
 */

import { CJK_PUNCTUATION, HAN_RANGES } from "../../../../shared/text/han.ts";
import type { NewsBigramData } from "./model-data.ts";

const minPairCount = 2;
/** Characters whose pairs across a boundary are worth keeping: Han and CJK punctuation. */
const hanOrPunct = new RegExp(`^[${HAN_RANGES}${CJK_PUNCTUATION}]$`, "u");

function wordCounts(coreDic: string): Map<string, number> {
  // id \t word \t base \t check \t status \t {nature=count,...}
  const counts = new Map<string, number>();
  for (const line of coreDic.split(/\r?\n/)) {
    const cols = line.split("\t");
    const word = cols[1];
    const natures = cols[5];
    if (!word || !natures || natures === "null") continue;
    let count = 0;
    for (const m of natures.matchAll(/=(\d+)/g)) count += Number(m[1]);
    if (count > 0) counts.set(word, (counts.get(word) ?? 0) + count);
  }
  return counts;
}

export function buildNewsBigramData(
  coreDic: string,
  bigramDic: string,
  meta: { source: string },
): NewsBigramData {
  const counts = wordCounts(coreDic);
  let total = 0;
  for (const n of counts.values()) total += n;
  const data: NewsBigramData = {
    source: meta.source,
    total,
    words: {},
    next: {},
    boundary: { uni: {}, next: {} },
  };
  for (const line of bigramDic.split(/\r?\n/)) {
    const m = /^(.+?)@(.+)\t(\d+)$/.exec(line);
    if (!m) continue;
    const [, a = "", b = "", countText] = m;
    const n = Number(countText);
    // "始##始", "未##数"…: sentence ends and placeholders for numbers and names.
    if (a.includes("##") || b.includes("##")) continue;
    const last = [...a].pop() ?? "";
    const first = [...b][0] ?? "";
    if (hanOrPunct.test(last) && hanOrPunct.test(first)) {
      const { boundary } = data;
      boundary.uni[first] = (boundary.uni[first] ?? 0) + n;
      const row = boundary.next[last] ?? {};
      row[first] = (row[first] ?? 0) + n;
      boundary.next[last] = row;
    }
    const ca = counts.get(a);
    const cb = counts.get(b);
    if (n < minPairCount || !ca || !cb) continue;
    data.words[a] = ca;
    data.words[b] = cb;
    const row = data.next[a] ?? {};
    row[b] = n;
    data.next[a] = row;
  }
  return data;
}
