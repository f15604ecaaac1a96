/**
 * Which East Asian script a text's letters are in, counted in one pass by
 * code unit: what the legacy-byte repairs (legacy-cjk-code-pages.ts,
 * mojibake-double-byte.ts) ask of a decode before taking it.
 */

/** A text's letters (not ASCII, CJK or full-width punctuation), and how many are of each East Asian script. */
export interface ScriptCounts {
  letters: number;
  hangul: number;
  kana: number;
  han: number;
}

/** Punctuation, not letters: CJK and full-width punctuation, the middle dot, general punctuation. */
function isPunctuation(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    c === 0x00b7 ||
    (c >= 0x2010 && c <= 0x2027) ||
    (c >= 0x2030 && c <= 0x203b)
  );
}

/** One pass over the text, by code unit (an astral character counts once, as a letter of no script here). */
export function scriptCounts(text: string): ScriptCounts {
  const counts = { letters: 0, hangul: 0, kana: 0, han: 0 };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0xdc00 && c <= 0xdfff) || isPunctuation(c)) continue;
    counts.letters++;
    if (c >= 0xac00 && c <= 0xd7a3) counts.hangul++;
    else if ((c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc)
      counts.kana++;
    else if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff)) counts.han++;
  }
  return counts;
}
/** Hangul syllables, at least nine letters in ten, and at least `minLetters` letters. */
export function readsKorean(decoded: string, minLetters: number): boolean {
  const { letters, hangul } = scriptCounts(decoded);
  return letters >= minLetters && hangul >= 0.9 * letters;
}

/** Kana and Han only, kana at least `minKana` of the letters. */
export function readsJapanese(decoded: string, minKana: number): boolean {
  const { letters, kana, han } = scriptCounts(decoded);
  return letters >= 1 && kana + han === letters && kana >= minKana * letters;
}

/** Share of letters outside the scripts `inScript` counts (1 for a text without letters). */
function foreignShare(text: string, inScript: (counts: ScriptCounts) => number): number {
  const counts = scriptCounts(text);
  return counts.letters === 0 ? 1 : 1 - inScript(counts) / counts.letters;
}

export const foreignLetters = {
  hangul: (text: string) => foreignShare(text, (c) => c.hangul),
  japanese: (text: string) => foreignShare(text, (c) => c.kana + c.han),
  han: (text: string) => foreignShare(text, (c) => c.han),
};
