/**
 * Johab (KS X 1001:1992 annex 3, Windows code page 1361), which iconv-lite
 * lacks. A Hangul syllable is one 16-bit code whose three 5-bit fields are
 * its initial, medial and final jamo, composed here by the Unicode formula;
 * symbols and Hanja are KS X 1001 characters moved by a fixed rule, mapped
 * back to EUC-KR and decoded by iconv-lite's table. ASCII is itself.
 */
import iconv from "iconv-lite";

/** Johab field codes → jamo indexes (-1: fill or unused). */
const initials = [-1, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18];
const medials = [
  -1, -1, -1, 0, 1, 2, 3, 4, -1, -1, 5, 6, 7, 8, 9, 10, -1, -1, 11, 12, 13, 14, 15, 16, -1, -1, 17,
  18, 19, 20,
];
const finals = [
  -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, -1, 17, 18, 19, 20, 21, 22, 23, 24,
  25, 26, 27,
];

function hangul(code: number): string | null {
  const ini = initials[(code >> 10) & 0x1f] ?? -1;
  const med = medials[(code >> 5) & 0x1f] ?? -1;
  const fin = finals[code & 0x1f] ?? -1;
  if (ini < 0 || med < 0 || fin < 0) return null;
  return String.fromCharCode(0xac00 + (ini * 21 + med) * 28 + fin);
}

/** A symbol or Hanja code → its KS X 1001 row and column, or null. */
function ksx1001(lead: number, trail: number): [number, number] | null {
  let row: number;
  if (lead >= 0xd9 && lead <= 0xde) row = (lead - 0xd9) * 2 + 0x21;
  else if (lead >= 0xe0 && lead <= 0xf9) row = (lead - 0xe0) * 2 + 0x4a;
  else return null;
  if (trail >= 0x31 && trail <= 0x7e) return [row, trail - 0x31 + 0x21];
  if (trail >= 0x91 && trail <= 0xa0) return [row, trail - 0x91 + 0x6f];
  if (trail >= 0xa1 && trail <= 0xfe) return [row + 1, trail - 0xa1 + 0x21];
  return null;
}

/** Johab bytes → text; an invalid pair becomes U+FFFD. */
export function decodeJohab(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      continue;
    }
    const t = bytes[i + 1];
    if (t === undefined) {
      out += "\uFFFD";
      continue;
    }
    i++;
    if (b >= 0x84 && b <= 0xd3) {
      out += hangul((b << 8) | t) ?? "\uFFFD";
      continue;
    }
    const ks = ksx1001(b, t);
    out += ks ? iconv.decode(Buffer.from([ks[0] | 0x80, ks[1] | 0x80]), "euc-kr") : "\uFFFD";
  }
  return out;
}

/** Text of Hangul syllables, ASCII and KS X 1001 symbols → Johab bytes (for tests and the corpus). */
export function encodeJohab(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    if (cp >= 0xac00 && cp <= 0xd7a3) {
      const s = cp - 0xac00;
      const code =
        0x8000 |
        (initials.indexOf(Math.floor(s / 588)) << 10) |
        (medials.indexOf(Math.floor((s % 588) / 28)) << 5) |
        finals.indexOf(s % 28);
      out.push(code >> 8, code & 0xff);
      continue;
    }
    out.push(0x3f);
  }
  return Buffer.from(out);
}
