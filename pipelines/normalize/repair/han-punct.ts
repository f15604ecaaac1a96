/**
 * The rhythm of Chinese punctuation, for telling apart marks that the lossy
 * Thai damage makes identical (、 and 。, ， ； ： ？ and ！ each lose their
 * last byte and look the same). A character trigram sees two characters
 * either side; what separates "内蒙古、江西、四川" from "内蒙古。江西。四川"
 * is the length of the segments: list items are short, sentences long. This
 * learns, from the Chinese training prose (pipelines/normalize/repair/models/build-models.ts),
 * which mark follows which after how many characters, and how far the next
 * mark lies after each.
 */
import type { HanPunctData } from "./models/model-data.ts";
import { shippedModel } from "./models/shipped-model.ts";

/** The separators whose damaged forms collide. */
export const separators = new Set(["，", "。", "、", "；", "：", "？", "！"]);
/** Segment lengths, in characters, grouped where they behave alike. */
const bucketEdges = [1, 2, 3, 4, 6, 9, 14, 20, 30];
/** The "previous mark" of the first segment of a paragraph. */
export const paragraphStart = "^";

export function lengthBucket(length: number): number {
  const k = bucketEdges.findIndex((edge) => length <= edge);
  return k === -1 ? bucketEdges.length : k;
}

interface Mark {
  mark: string;
  /** Characters since the previous mark, and until the next. */
  before: number;
  after: number;
  previous: string;
}

/** The separators of a paragraph with the segment lengths around each. */
export function marksOf(paragraph: string): Mark[] {
  const chars = [...paragraph];
  const marks: Mark[] = [];
  let previous = paragraphStart;
  let since = 0;
  for (const ch of chars) {
    if (separators.has(ch)) {
      const last = marks[marks.length - 1];
      if (last) last.after = since;
      marks.push({ mark: ch, before: since, after: 0, previous });
      previous = ch;
      since = 0;
    } else if (!/\s/.test(ch)) {
      since++;
    }
  }
  const last = marks[marks.length - 1];
  if (last) last.after = since;
  return marks;
}

/** Add-α smoothing over the separators and the buckets. */
const alpha = 0.5;

export class HanPunct {
  constructor(private readonly data: HanPunctData) {}

  /**
   * log P(mark | previous mark, length since it) + log P(length until the
   * next mark | mark): comparable between marks at one position.
   */
  score(mark: string, previous: string, before: number, after: number): number {
    const row = this.data.before[`${previous} ${lengthBucket(before)}`] ?? {};
    let rowTotal = 0;
    for (const n of Object.values(row)) rowTotal += n;
    const pMark = ((row[mark] ?? 0) + alpha) / (rowTotal + alpha * separators.size);
    const afterRow = this.data.after[mark] ?? {};
    let afterTotal = 0;
    for (const n of Object.values(afterRow)) afterTotal += n;
    const buckets = bucketEdges.length + 1;
    const pAfter =
      ((afterRow[String(lengthBucket(after))] ?? 0) + alpha) / (afterTotal + alpha * buckets);
    return Math.log(pMark) + Math.log(pAfter);
  }
}

export const hanPunct = shippedModel(
  "./han-punct-data.json",
  (data: HanPunctData) => new HanPunct(data),
);
