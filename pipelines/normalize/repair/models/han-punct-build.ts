/**
 * Builds han-punct-data.json (read by han-punct.ts): which separator follows
 * which after how many characters in the Chinese training prose.
 */
import { lengthBucket, marksOf } from "../han-punct.ts";
import type { HanPunctData } from "./model-data.ts";

/** Counts, per separator, the segment lengths before and after it. */
export function buildHanPunctData(prose: string): HanPunctData {
  const data: HanPunctData = { before: {}, after: {} };
  for (const paragraph of prose.split(/\n+/)) {
    for (const m of marksOf(paragraph)) {
      const key = `${m.previous} ${lengthBucket(m.before)}`;
      const row = data.before[key] ?? {};
      row[m.mark] = (row[m.mark] ?? 0) + 1;
      data.before[key] = row;
      const after = data.after[m.mark] ?? {};
      const bucket = String(lengthBucket(m.after));
      after[bucket] = (after[bucket] ?? 0) + 1;
      data.after[m.mark] = after;
    }
  }
  return data;
}
