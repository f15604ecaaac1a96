/**
 * ISO-8859-11 / Windows-874 (TIS-620 plus, for 874, nine C1 punctuation
 * characters), per the WHATWG index for windows-874. UTF-8 decoded with these
 * tables turns every lead byte 0xC2–0xF4 into a Thai letter or sign, and every
 * continuation byte 0xA0–0xBF into NBSP or a Thai consonant; bytes 0x80–0x9F
 * are C1 controls in ISO-8859-11 and were lost (seed 003).
 */

export type ThaiVariant = "iso-8859-11" | "windows-874";

const win874C1: Record<number, string> = {
  128: "€",
  133: "…",
  145: "‘",
  146: "’",
  147: "“",
  148: "”",
  149: "•",
  150: "–",
  151: "—",
};

/** The character a byte ≥ 0x80 decodes to, or "" when the decoder lost it. */
export function thaiCharOfByte(b: number, variant: ThaiVariant): string {
  if (b === 0xa0) return "\u00A0";
  if ((b >= 0xa1 && b <= 0xda) || (b >= 0xdf && b <= 0xfb))
    return String.fromCharCode(0x0e00 + b - 0xa0);
  if (variant === "windows-874") return win874C1[b] ?? "";
  return "";
}

const byteOf = new Map<string, number>();
for (let b = 0x80; b < 0x100; b++) {
  const ch = thaiCharOfByte(b, "windows-874");
  if (ch) byteOf.set(ch, b);
}

/** The byte a Thai-code-page character came from, if any. */
export function byteOfThaiChar(ch: string): number | undefined {
  return byteOf.get(ch);
}

/** How many continuation bytes a UTF-8 lead byte needs; 0 when it is no lead. */
export function continuationsNeeded(b: number): number {
  if (b >= 0xc2 && b <= 0xdf) return 1;
  if (b >= 0xe0 && b <= 0xef) return 2;
  if (b >= 0xf0 && b <= 0xf4) return 3;
  return 0;
}

export function isThaiBlock(code: number): boolean {
  return code >= 0x0e01 && code <= 0x0e5b;
}

/** The damaged form of a character's UTF-8 bytes under a Thai code page. */
export function damagedForm(ch: string, variant: ThaiVariant): string {
  let out = "";
  for (const b of Buffer.from(ch, "utf8"))
    out += b < 0x80 ? String.fromCharCode(b) : thaiCharOfByte(b, variant);
  return out;
}
