/**
 * Statistical detection for bytes whose charset nobody declared credibly.
 * jschardet (a port of Python's chardet) decides: it told apart every
 * single-byte Cyrillic, Greek, Hebrew, Baltic and Central European code
 * page of our corpus, where chardet (after ICU) did not; chardet is ten
 * times faster and sure of itself on long CJK multi-byte text, so it
 * answers alone there. A candidate that does not decode clean is passed
 * over; a code page whose decode spells far more familiar words overrules
 * the detectors (they see case, and all-caps text fools them); when two code
 * pages of one script come out close, the one whose decode has fewer
 * misplaced letters and symbols wins (decode-quality.ts).
 * Measurements in README.md.
 */
import { onFirstUse } from "../../../shared/load-on-first-use.ts";
import { familyOf } from "./charset-families.ts";
import { canonicalCharset, isMultiByteLegacy } from "./charset-names.ts";
import { anomalies, isCleanDecode, mixedScripts } from "./decode-quality.ts";
import { decodeLegacy, type Sniffed } from "./legacy-decode.ts";
import { betterSpelled } from "./spelling-rival.ts";

/**
 * The detectors load on first use: most bytes are declared or UTF-8 and
 * never reach them, and jschardet's tables are ~16 MB resident, in the
 * workers' main thread, which runs the fetch stage.
 */
const chardet = onFirstUse<typeof import("chardet")>("chardet");
const jschardet = onFirstUse<typeof import("jschardet")>("jschardet");

/** The detectors see at most this much: enough for any statistic, and bounded time. */
const sampleBytes = 64 * 1024;
/** Below this, chardet's CJK statistics are not to be trusted alone (39 bytes of EUC-JP look like Big5). */
const minBytesForChardetAlone = 256;

/** jschardet's confidence below which its guess is no evidence. */
const minimumThreshold = 0.05;

function canonical(name: string | null): string | null {
  const charset = name ? canonicalCharset(name) : null;
  if (!charset || charset.startsWith("utf-") || charset.startsWith("iso-2022")) return null;
  return charset;
}

/** Long CJK multi-byte text chardet is sure of, or null. */
function chardetAlone(sample: Uint8Array): Sniffed | null {
  if (sample.length < minBytesForChardetAlone) return null;
  const top = chardet().analyse(sample)[0];
  const charset = canonical(top?.name ?? null);
  if (!top || !charset || !isMultiByteLegacy(charset) || top.confidence < 90) return null;
  return isCleanDecode(decodeLegacy(sample, charset))
    ? { charset, confidence: top.confidence / 100 }
    : null;
}

/** jschardet's candidates that decode clean, likeliest first, then chardet's. */
function cleanCandidates(sample: Uint8Array): Sniffed[] {
  const seen = new Set<string>();
  const out: Sniffed[] = [];
  const consider = (name: string | null, confidence: number) => {
    const charset = canonical(name);
    if (!charset || seen.has(charset)) return;
    seen.add(charset);
    if (isCleanDecode(decodeLegacy(sample, charset))) out.push({ charset, confidence });
  };
  // detectAll can return candidates under its own threshold (0.016 for KOI8-T
  // on an all-caps Portuguese headline): below it jschardet has no opinion.
  for (const m of jschardet().detectAll(Buffer.from(sample), { minimumThreshold }))
    if (m.confidence >= minimumThreshold) consider(m.encoding, m.confidence);
  if (out.length === 0)
    for (const m of chardet().analyse(sample)) consider(m.name, (m.confidence / 100) * 0.8);
  return out;
}

/** What browsers assume for undeclared Western text. */
const browserDefault: Sniffed = { charset: "windows-1252", confidence: 0.1 };

/** Bytes (not UTF-8, not UTF-16/32, not ISO-2022) → the likeliest legacy charset. */
export function sniffLegacy(bytes: Uint8Array): Sniffed {
  const sample = bytes.subarray(0, sampleBytes);
  const fast = chardetAlone(sample);
  if (fast) return fast;
  const candidates = cleanCandidates(sample);
  return unmixed(sample, choose(sample, candidates), candidates);
}

/**
 * A pick whose decode joins letters of scripts no word joins ("Voilа" with a
 * Cyrillic а: a short French line through windows-1251, a classic misreading
 * of byte statistics) gives way to windows-1252, or else the likeliest other
 * candidate, that decodes clean with fewer of them and no more anomalies.
 * The detectors' statistics were wrong here, so their ranking says little;
 * browsers' default goes first ("Voilà", not Baltic "Voilā").
 */
function unmixed(sample: Uint8Array, chosen: Sniffed, candidates: Sniffed[]): Sniffed {
  const decoded = decodeLegacy(sample, chosen.charset);
  const mixed = mixedScripts(decoded);
  if (mixed === 0) return chosen;
  const ours = anomalies(decoded);
  for (const other of [browserDefault, ...candidates]) {
    if (other.charset === chosen.charset) continue;
    const text = decodeLegacy(sample, other.charset);
    if (isCleanDecode(text) && mixedScripts(text) < mixed && anomalies(text) <= ours) return other;
  }
  return chosen;
}

/** The detectors' pick among clean candidates, checked by spelling and by anomalies. */
function choose(sample: Uint8Array, candidates: Sniffed[]): Sniffed {
  const top = candidates[0];
  if (!top) return browserDefault;
  const spelled = betterSpelled(sample, top, candidates);
  if (spelled) return spelled;
  const family = familyOf(top.charset);
  // A close runner-up of the same script competes on anomalies.
  const rival = candidates.find(
    (c) => c !== top && family.includes(c.charset) && c.confidence >= top.confidence - 0.05,
  );
  if (!rival) return top;
  const mine = anomalies(decodeLegacy(sample, top.charset));
  const theirs = anomalies(decodeLegacy(sample, rival.charset));
  if (theirs < mine * 0.7 - 0.5) return rival;
  // Equally clean, windows-1252 wins: it is what browsers assume for
  // undeclared Western text, and MacRoman and the DOS pages are rare. A short
  // English line with curly quotes is as clean in MacRoman ("Earthsí ... ó
  // ìa record,î"), and jschardet can rank MacRoman a hair higher.
  return theirs <= mine && rival.charset === "windows-1252" ? rival : top;
}
