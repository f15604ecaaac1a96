/**
 * Han characters, written once. The ranges are the CJK Unified Ideographs
 * (U+4E00–U+9FFF) and Extension A (U+3400–U+4DBF): every character of
 * modern Chinese news text. The supplementary-plane extensions are left out
 * on purpose: they are rare names and variants that no model here has seen.
 */

/** The ranges, for use inside a regular-expression character class. */
export const HAN_RANGES = "\\u3400-\\u4dbf\\u4e00-\\u9fff";

/** One Han character. */
export const hanChar = new RegExp(`[${HAN_RANGES}]`, "u");

/** A string of Han characters only. */
export const hanOnly = new RegExp(`^[${HAN_RANGES}]+$`, "u");

/** The CJK punctuation of Chinese prose: separators, quotes, brackets. */
export const CJK_PUNCTUATION =
  "\\u3001\\u3002\\uff0c\\uff1a\\uff1b\\uff1f\\uff01\\u201c\\u201d\\uff08\\uff09\\u300a\\u300b";

/** True when the text holds at least one Han character. */
export function hasHan(text: string): boolean {
  return hanChar.test(text);
}
