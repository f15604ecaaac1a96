/**
 * The reverse of a Windows-1252 (or Latin-1) decoding: each character such a
 * decoder can produce, mapped back to its byte. Covers both decoders at once:
 * U+0080–U+00FF map to themselves (Latin-1, and the five bytes WHATWG
 * windows-1252 leaves undefined), the 27 windows-1252 specials to 0x80–0x9F.
 */
import iconv from "iconv-lite";

export const byteOfChar = new Map<string, number>();
for (let b = 0; b < 0x100; b++) byteOfChar.set(String.fromCharCode(b), b);
for (let b = 0x80; b < 0xa0; b++) {
  const ch = iconv.decode(Buffer.from([b]), "windows-1252");
  if (ch !== "\uFFFD" && ch.length === 1) byteOfChar.set(ch, b);
}

/** The windows-1252 characters that stand for bytes 0x80–0x9F (not in Latin-1). */
export const cp1252Specials = [...byteOfChar.entries()]
  .filter(([ch, b]) => b >= 0x80 && b < 0xa0 && ch.charCodeAt(0) > 0xff)
  .map(([ch]) => ch)
  .join("");

/** Bytes of a string made only of single-byte-decoder output, or null if any char is not. */
export function toSingleBytes(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = byteOfChar.get(text.charAt(i));
    if (b === undefined) return null;
    out[i] = b;
  }
  return out;
}

const charOfByte: string[] = [];
for (const [ch, b] of byteOfChar) {
  // Prefer the windows-1252 special over the Latin-1 C1 control for 0x80–0x9F.
  if (charOfByte[b] === undefined || ch.charCodeAt(0) > 0xff) charOfByte[b] = ch;
}

/** WHATWG windows-1252 decoding: the five undefined bytes become their C1 controls. */
export function decodeCp1252(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += charOfByte[b] ?? String.fromCharCode(b);
  return out;
}
