/**
 * An exact repeat of a long sentence inside one article is a publishing error
 * (a paste done twice), not emphasis: the first occurrence is kept. Short
 * sentences ("Thank you.") legitimately recur, hence the length floor.
 */

const minLength = 80;
const sentence = /[^.!?。！？]+(?:[.!?。！？]+["”’)]?|$)\s*/g;

export function removeRepeatedSentences(input: string[]): {
  paragraphs: string[];
  removed: number;
} {
  const seen = new Set<string>();
  let removed = 0;
  const paragraphs: string[] = [];
  for (const p of input) {
    const parts = p.match(sentence);
    // Text the splitter cannot account for exactly (leading punctuation) is kept whole. The
    // matches are in order and do not overlap: they cover the paragraph when their lengths add up.
    if (!parts || parts.reduce((n, s) => n + s.length, 0) !== p.length) {
      paragraphs.push(p);
      continue;
    }
    const kept = parts.filter((s) => {
      // A sentence shorter than the floor has a shorter key: no key to build (most sentences).
      if (s.length < minLength) return true;
      const key = s.trim().replace(/\s+/g, " ");
      if (key.length < minLength) return true;
      if (seen.has(key)) {
        removed++;
        return false;
      }
      seen.add(key);
      return true;
    });
    const joined = (kept.length === parts.length ? p : kept.join("")).trim();
    if (joined !== "") paragraphs.push(joined);
  }
  return { paragraphs, removed };
}
