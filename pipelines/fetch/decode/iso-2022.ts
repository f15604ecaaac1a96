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

function decodeRuns(runs: { wide: boolean; bytes: number[] }[], euc: string): string {
  return runs
    .map((r) =>
      r.wide
        ? iconv.decode(Buffer.from(r.bytes.map((b) => b | 0x80)), euc)
        : Buffer.from(r.bytes).toString("latin1"),
    )
    .join("");
}

/** ISO-2022-JP bytes → text: ESC $ B / ESC $ @ switch to JIS X 0208, ESC ( B / ESC ( J back to ASCII. */
export function decodeIso2022Jp(bytes: Uint8Array): string {
  const runs: { wide: boolean; bytes: number[] }[] = [];
  let wide = false;
  let run: number[] = [];
  const flush = () => {
    if (run.length > 0) runs.push({ wide, bytes: run });
    run = [];
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b === esc && (bytes[i + 1] === 0x24 || bytes[i + 1] === 0x28)) {
      flush();
      wide = bytes[i + 1] === 0x24;
      i += 2;
      continue;
    }
    if (wide && (b === 0x0a || b === 0x0d)) {
      // A line end always returns to ASCII.
      flush();
      wide = false;
    }
    run.push(b);
  }
  flush();
  return decodeRuns(runs, "euc-jp");
}

/** ISO-2022-KR bytes → text: after the ESC $ ) C header, SO shifts to KS X 1001 and SI back. */
export function decodeIso2022Kr(bytes: Uint8Array): string {
  const runs: { wide: boolean; bytes: number[] }[] = [];
  let wide = false;
  let run: number[] = [];
  const flush = () => {
    if (run.length > 0) runs.push({ wide, bytes: run });
    run = [];
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b === esc && bytes[i + 1] === 0x24 && bytes[i + 2] === 0x29) {
      i += 3;
      continue;
    }
    if (b === 0x0e || b === 0x0f) {
      flush();
      wide = b === 0x0e;
      continue;
    }
    run.push(b);
  }
  flush();
  return decodeRuns(runs, "euc-kr");
}
