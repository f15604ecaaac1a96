/**
 * UTF-16 and UTF-32 without a byte-order mark. Read as such, real text is
 * made of a few kinds of code point (ASCII, one or two scripts, their
 * punctuation); the same bytes read any other way, or random bytes read
 * this way, scatter over the whole code space. UTF-32 is recognised by its
 * shape (every unit a Unicode scalar value, the high byte always zero),
 * UTF-16 by the share of its units that are such text.
 */

/** A code point a text in any language is mostly made of. */
function isTextLike(cp: number): boolean {
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return true;
  if (cp >= 0x20 && cp < 0x7f) return true;
  if (cp >= 0xa0 && cp < 0x0590) return true; // Latin, Greek, Cyrillic, Armenian
  if (cp >= 0x0590 && cp < 0x0700) return true; // Hebrew, Arabic
  if (cp >= 0x0900 && cp < 0x0e80) return true; // Indic scripts, Sinhala, Thai
  if (cp >= 0x1e00 && cp < 0x2c00) return true; // Latin extended, punctuation, currency, ™, arrows, mathematics
  if (cp >= 0x3000 && cp < 0x3100) return true; // CJK punctuation, kana
  if (cp >= 0x4e00 && cp < 0xa000) return true; // CJK ideographs
  if (cp >= 0xac00 && cp < 0xd7a4) return true; // Hangul
  return cp >= 0xff00 && cp < 0xfff0; // full-width forms
}

/** Whether 16-bit unit i and the next form a surrogate pair (an emoji, a rare ideograph). */
function isSurrogatePair(view: DataView, i: number, units: number, littleEndian: boolean): boolean {
  if (i + 1 >= units) return false;
  const high = view.getUint16(i * 2, littleEndian);
  const low = view.getUint16(i * 2 + 2, littleEndian);
  return high >= 0xd800 && high < 0xdc00 && low >= 0xdc00 && low < 0xe000;
}

/** How many different high bytes the 16-bit units have: few in real text, whose high byte names its script block. */
function highBytes(bytes: Uint8Array, littleEndian: boolean): number {
  const seen = new Set<number>();
  for (let i = littleEndian ? 1 : 0; i < bytes.length; i += 2) seen.add(bytes[i] ?? 0);
  return seen.size;
}

/** Share of text-like units, reading `size`-byte units in the given byte order. */
function textShare(bytes: Uint8Array, size: 2 | 4, littleEndian: boolean): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const units = Math.floor(bytes.length / size);
  if (units === 0) return 0;
  let good = 0;
  for (let i = 0; i < units; i++) {
    const cp =
      size === 2 ? view.getUint16(i * 2, littleEndian) : view.getUint32(i * 4, littleEndian);
    if (size === 4 && cp > 0x10ffff) return 0;
    if (isTextLike(cp) || (size === 4 && cp >= 0x1f000 && cp < 0x20000)) good++;
    else if (size === 2 && isSurrogatePair(view, i, units, littleEndian)) {
      good += 2;
      i++;
    }
  }
  return good / units;
}

/**
 * Bytes with NULs → "utf-32le" / "utf-32be" / "utf-16le" / "utf-16be" when
 * they are that without a BOM, else null. Callers ask only about bytes with
 * NULs: without any ASCII, Shift_JIS pairs read as UTF-16 fall in the CJK
 * block as often as real UTF-16 does.
 */
export function sniffWideUnicode(bytes: Uint8Array): string | null {
  if (bytes.length < 4) return null;
  if (bytes.length % 4 === 0) {
    if (textShare(bytes, 4, true) >= 0.9) return "utf-32le";
    if (textShare(bytes, 4, false) >= 0.9) return "utf-32be";
  }
  if (bytes.length % 2 !== 0) return null;
  const le = textShare(bytes, 2, true);
  const be = textShare(bytes, 2, false);
  // Both readings can look like text only for an ASCII-free stretch of one
  // block; the stricter bar keeps legacy CJK bytes (pairs too) from passing.
  if (le >= 0.97 && be >= 0.97)
    return highBytes(bytes, true) <= highBytes(bytes, false) ? "utf-16le" : "utf-16be";
  if (le >= 0.97) return "utf-16le";
  if (be >= 0.97) return "utf-16be";
  return null;
}
