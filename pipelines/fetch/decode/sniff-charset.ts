/**
 * Statistical detection for bytes whose charset nobody declared credibly.
 * Two detector libraries vote (jschardet, a port of Python's chardet, is
 * the better one for single-byte Cyrillic and Greek; chardet, after ICU,
 * for the CJK multi-byte charsets); candidates that do not decode clean are
 * dropped; the code pages of the winner's script then compete on anomalies
 * (decode-quality.ts), which no detector looks at. Measurements in README.md.
 */
import chardet from "chardet";
import iconv from "iconv-lite";
import jschardet from "jschardet";
import { canonicalCharset } from "./charset-names.ts";
import { anomalies, brokenChars } from "./decode-quality.ts";

export interface Sniffed {
  charset: string;
  confidence: number;
}

/** The detectors see at most this much: enough for any statistic, and bounded time. */
const sampleBytes = 64 * 1024;

/** Code pages of one script that decode each other's bytes without errors. */
const families: string[][] = [
  ["windows-1251", "koi8-r", "koi8-u", "cp866", "cp855", "maccyrillic", "iso-8859-5"],
  ["windows-1252", "iso-8859-15", "macintosh", "cp437", "cp850"],
  ["windows-1250", "iso-8859-2"],
  ["windows-1257", "iso-8859-13"],
  ["windows-1253", "iso-8859-7"],
  ["windows-1255", "iso-8859-8"],
];

/** Some bytes decoded with an iconv-lite charset. */
export function decodeLegacy(bytes: Uint8Array, charset: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
}

function candidates(sample: Uint8Array): Sniffed[] {
  const merged = new Map<string, number>();
  const add = (name: string, confidence: number) => {
    const charset = canonicalCharset(name);
    if (!charset || charset.startsWith("utf-") || charset.startsWith("iso-2022")) return;
    merged.set(charset, Math.max(merged.get(charset) ?? 0, confidence));
  };
  for (const m of jschardet.detectAll(Buffer.from(sample), { minimumThreshold: 0.05 }))
    if (m.encoding) add(m.encoding, m.confidence);
  for (const m of chardet.analyse(sample)) add(m.name, (m.confidence / 100) * 0.8);
  return [...merged].map(([charset, confidence]) => ({ charset, confidence }));
}

/** Bytes (not UTF-8, not UTF-16/32, not ISO-2022) → the likeliest legacy charset. */
export function sniffLegacy(bytes: Uint8Array): Sniffed {
  const sample = bytes.subarray(0, sampleBytes);
  const scored = candidates(sample)
    .map((c) => {
      const text = decodeLegacy(sample, c.charset);
      return { ...c, broken: brokenChars(text) / Math.max(1, text.length) };
    })
    // A candidate that leaves broken characters loses to any that does not.
    .sort((a, b) =>
      a.broken > 0.005 === b.broken > 0.005 ? b.confidence - a.confidence : a.broken - b.broken,
    );
  const top = scored[0];
  if (!top) return { charset: "windows-1252", confidence: 0.1 };
  const family = families.find((f) => f.includes(top.charset));
  if (!family) return { charset: top.charset, confidence: top.confidence };
  let best = top.charset;
  let bestScore = anomalies(decodeLegacy(sample, top.charset));
  for (const charset of family) {
    if (charset === top.charset) continue;
    const score = anomalies(decodeLegacy(sample, charset));
    // Another code page of the script must be clearly better, not merely as good.
    if (score < bestScore * 0.7 - 0.5) {
      best = charset;
      bestScore = score;
    }
  }
  return {
    charset: best,
    confidence: best === top.charset ? top.confidence : top.confidence * 0.8,
  };
}
