/**
 * ISO-2022-JP and ISO-2022-KR: 7-bit encodings that switch character sets
 * with escape sequences. iconv-lite has neither, so the switched stretches
 * are mapped to the EUC form of the same character sets (each byte + 0x80)
 * and decoded by iconv-lite's EUC-JP / EUC-KR tables.
 */
import iconv from "iconv-lite";

const esc = 0x1b;

/** The ISO-2022 variant whose escape sequences the bytes use, or null. 8-bit bytes rule it out. */
export function sniffIso2022(bytes: Uint8Array): "iso-2022-jp" | "iso-2022-kr" | null {
  let jp = 0;
  let kr = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b >= 0x80) return null;
    if (b !== esc) continue;
    const a = bytes[i + 1];
    const c = bytes[i + 2];
    if (a === 0x24 && (c === 0x42 || c === 0x40)) jp++;
    else if (a === 0x28 && (c === 0x42 || c === 0x4a || c === 0x49)) jp++;
    else if (a === 0x24 && c === 0x29 && bytes[i + 3] === 0x43) kr++;
  }
  if (jp === 0 && kr === 0) return null;
  return kr > 0 ? "iso-2022-kr" : "iso-2022-jp";
}

/**
 * The bytes of a 7-bit stream split where it shifts between ASCII and the
 * double-byte set; each stretch is decoded on its own at the end.
 */
class ShiftedRuns {
  private readonly runs: { wide: boolean; bytes: number[] }[] = [];
  private run: number[] = [];
  private wide = false;

  /** Ends the current stretch; what follows is in the double-byte set when `wide`. */
  shift(wide: boolean): void {
    if (this.run.length > 0) this.runs.push({ wide: this.wide, bytes: this.run });
    this.run = [];
    this.wide = wide;
  }

  get inWide(): boolean {
    return this.wide;
  }

  push(byte: number): void {
    this.run.push(byte);
  }

  /** The text: double-byte stretches through the EUC table `euc` (each byte + 0x80), the rest as ASCII. */
  decode(euc: string): string {
    this.shift(this.wide);
    return this.runs
      .map((r) =>
        r.wide
          ? iconv.decode(Buffer.from(r.bytes.map((b) => b | 0x80)), euc)
          : Buffer.from(r.bytes).toString("latin1"),
      )
      .join("");
  }
}

/** ISO-2022-JP bytes → text: ESC $ B / ESC $ @ switch to JIS X 0208, ESC ( B / ESC ( J back to ASCII. */
export function decodeIso2022Jp(bytes: Uint8Array): string {
  const runs = new ShiftedRuns();
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b === esc && (bytes[i + 1] === 0x24 || bytes[i + 1] === 0x28)) {
      runs.shift(bytes[i + 1] === 0x24);
      i += 2;
      continue;
    }
    // A line end always returns to ASCII.
    if (runs.inWide && (b === 0x0a || b === 0x0d)) runs.shift(false);
    runs.push(b);
  }
  return runs.decode("euc-jp");
}

/** ISO-2022-KR bytes → text: after the ESC $ ) C header, SO shifts to KS X 1001 and SI back. */
export function decodeIso2022Kr(bytes: Uint8Array): string {
  const runs = new ShiftedRuns();
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b === esc && bytes[i + 1] === 0x24 && bytes[i + 2] === 0x29) {
      i += 3;
      continue;
    }
    if (b === 0x0e || b === 0x0f) {
      runs.shift(b === 0x0e);
      continue;
    }
    runs.push(b);
  }
  return runs.decode("euc-kr");
}
