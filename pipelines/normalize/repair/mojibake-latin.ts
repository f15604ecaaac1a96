/**
 * UTF-8 that was decoded with a single-byte code page, once or more
 * ("Group’s" → "GroupÃ¢â‚¬â„¢s", "Русский" → "Ð ÑƒÑ�Ñ�ÐºÐ¸Ð¹", "Liège" →
 * "LiĂ¨ge", "gâteaux" → "g√¢teaux"). The mojibake characters are the
 * original bytes, so re-encoding them with the right code page
 * (code-pages.ts) and decoding as UTF-8 (utf8-lenient.ts) restores them.
 *
 * Nothing is decided by the bytes alone: a repair is taken only when the
 * text shows mojibake signatures and the plausibility model
 * (plausibility.ts) scores the result clearly better than the input. Lines
 * are tried whole first (every non-ASCII character must then be part of a
 * UTF-8 sequence: the strongest evidence there is), then span by span, so
 * that one damaged span is repaired without touching real "NESTLÉ®" or
 * "5×£35" elsewhere in the line. C1 controls left at the end were meant as
 * windows-1252 and are read so.
 */
import type { Repair } from "../../../shared/document.ts";
import { alphabetCoverage } from "../../../shared/text/alphabets.ts";
import { familiarity } from "../../../shared/text/letter-familiarity.ts";
import { type CodePage, codePages, encodeIn, pathName, windows1252 } from "./code-pages.ts";
import { markDroppedLatinLetters } from "./dropped-latin-letters.ts";
import { restoreLostChars } from "./lost-chars.ts";
import {
  hasSignature,
  implausibility,
  implausibilityWith,
  signatures,
  weirdness,
} from "./plausibility.ts";
import { wordFinal } from "./signature-pairs.ts";
import { quotationOpen } from "./signature-triples.ts";
import type { SpanRepair } from "./span-repair.ts";
import { noWordWeirder } from "./span-words.ts";
import { type Decoded, decodeRecovered } from "./utf8-lenient.ts";

const maxLayers = 3;
/**
 * A word-final symbol right after a capital, ending the word ("AHÅ™", "10
 * Å—"), or a spacing accent anywhere (quotes and eyebrows: "cá´´").
 */
const wordFinalRe = new RegExp(`\\p{Lu}[${wordFinal}](?!\\p{L})|[´¨]`, "u");
/** Characters of context on each side of a span when it is scored. */
const context = 3;
// A span: non-ASCII characters, single spaces between them, and a space
// after a lead image that may be a lost no-break space ("Ã ").
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range bounds a span
const spanRe = /[^\x00-\x7F](?:[^\x00-\x7F]| (?=[^\x00-\x7F]))*(?:(?<=[ÂÃÅÎÐÙ]) )?/g;

interface Candidate {
  cp: CodePage;
  decoded: Decoded;
  score: number;
  /** Filled when the candidate ties with another. */
  familiarity?: number;
  coverage?: number;
}

/**
 * The better of the best candidate so far and a new one: the lower score,
 * and between equal scores of different texts, the one through a code page
 * the line's other repaired spans went through (`preferred`), then the one
 * that opens a sentence with a capital (`fromLineStart`: the texts start
 * where the line does), then the one whose letters one alphabet holds more of
 * (alphabets.ts), then the one that spells more familiar letter sequences
 * (letter-familiarity.ts); a tie still goes to the earlier code page.
 */
function better(
  best: Candidate | null,
  next: Candidate,
  text: (c: Candidate) => string,
  preferred?: ReadonlySet<CodePage>,
  fromLineStart = true,
): Candidate {
  if (!best || next.score < best.score) return next;
  if (next.score > best.score) return best;
  const a = text(best);
  const b = text(next);
  if (a === b) return best;
  if (preferred && preferred.size > 0) {
    const bestPreferred = preferred.has(best.cp);
    if (bestPreferred !== preferred.has(next.cp)) return bestPreferred ? best : next;
  }
  const capital = capitalOpeningSentence(a, b, fromLineStart);
  if (capital !== 0) return capital < 0 ? best : next;
  // One language writes a text: "važnosti … čovjek i društvo" (ISO-8859-15)
  // over "vaşnosti" (windows-1252), as no alphabet holds ş with č and š.
  best.coverage ??= alphabetCoverage(a);
  next.coverage = alphabetCoverage(b);
  if (next.coverage !== best.coverage) return next.coverage > best.coverage ? next : best;
  best.familiarity ??= familiarity(a);
  next.familiarity = familiarity(b);
  return next.familiarity > best.familiarity ? next : best;
}

const upperRe = /\p{Lu}/u;
const lowerRe = /\p{Ll}/u;
/** What may stand between a sentence's end and its first letter: spaces, quotes, brackets. */
const sentenceOpenerRe = /[\s"'“‘«¿¡([]*$/u;

/**
 * Where two texts first differ by a capital against a small letter that
 * opens a sentence (the line's start, or after ". ", "! ", "? ", ": "): -1
 * when `a` has the capital, 1 when `b` has, else 0. Sibling code pages part
 * so: "Ãšltima hora" is "Última hora" through windows-1252 and "èltima hora"
 * through ISO-8859-15, whose letter sequences franc finds the more familiar
 * (Italian " è"); a headline opens with a capital.
 */
function capitalOpeningSentence(a: string, b: string, fromLineStart: boolean): number {
  let p = 0;
  while (p < a.length && p < b.length && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  const x = a.charAt(p);
  const y = b.charAt(p);
  const aCapital = upperRe.test(x) && lowerRe.test(y);
  if (!aCapital && !(lowerRe.test(x) && upperRe.test(y))) return 0;
  const before = a.slice(0, p);
  const opener = sentenceOpenerRe.exec(before)?.[0] ?? "";
  const rest = before.slice(0, before.length - opener.length);
  const opensSentence = rest === "" ? fromLineStart : /[.!?:]$/.test(rest) && /^\s/.test(opener);
  if (!opensSentence) return 0;
  return aCapital ? -1 : 1;
}

interface Tally {
  counts: Map<string, number>;
  explain: SpanRepair[] | undefined;
  /**
   * Whether a U+FFFD of the line may be a lost byte: until a layer of the
   * line's repair has left one for a lost character (utf8-lenient.ts).
   */
  wildcards: boolean;
  /** A repair of the current layer left a lost character as U+FFFD. */
  keptLost: boolean;
  /** The code pages the current line's repairs went through. */
  lineCodePages: Set<CodePage>;
  /** A perfect whole decode of the next layer's line, found while looking ahead (wholeLine). */
  ahead?: { line: string; wildcards: boolean; best: Candidate };
}

function note(tally: Tally, detail: string, n: number, span: SpanRepair, keptLost = false): void {
  tally.counts.set(detail, (tally.counts.get(detail) ?? 0) + n);
  tally.explain?.push(span);
  if (keptLost) tally.keptLost = true;
}

function detailOf(
  cp: CodePage,
  source: string,
  layer: number,
  lost: number,
  restored: number,
): string {
  const base = `utf-8 read as ${pathName(cp, source)}`;
  let detail = layer > 1 ? `${base} (layer ${layer})` : base;
  if (restored > 0) detail += ", lost bytes read back";
  return lost > restored ? `${detail}, lost bytes kept as U+FFFD` : detail;
}

/** The code pages that explain every span repaired so far on a line (none before the first). */
function explainingAll(explained: readonly Set<CodePage>[]): CodePage[] {
  if (explained.length === 0) return [];
  return codePages.filter((cp) => explained.every((set) => set.has(cp)));
}

/** The distinct non-ASCII characters of a text. */
function nonAsciiChars(text: string): string[] {
  const seen = new Set<string>();
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) seen.add(text.charAt(i));
  return [...seen];
}

/**
 * The best whole-line decode through one code page, if any explains every
 * non-ASCII character. `middles`, when given, collects the decodes passed
 * over for being weirder than the line that still show a signature: a
 * middle layer may be weirder than both ends ("Ã¢Ë†Ë†" is "âˆˆ" is ∈,
 * through windows-1252 twice, and "ˆ" is a spacing accent no text writes
 * alone), and wholeLine judges it by the layer after.
 */
function bestWhole(line: string, wildcards: boolean, middles?: Candidate[]): Candidate | null {
  // The line's weirdness is needed only to judge an imperfect candidate.
  let weirdBefore = -1;
  let best: Candidate | null = null;
  let chars: string[] | null = null;
  for (const cp of codePages) {
    // Nothing scores below zero: after a perfect candidate, only a code page
    // that gives some character of the line another byte can tie with it.
    if (best?.score === 0) {
      const bestBytes = best.cp.byteOf;
      chars ??= nonAsciiChars(line);
      if (chars.every((ch) => cp.byteOf.get(ch) === bestBytes.get(ch))) continue;
    }
    const bytes = encodeIn(cp, line);
    if (!bytes) continue;
    const decoded = decodeRecovered(
      bytes,
      line,
      true,
      true,
      0,
      cp.undefinedContinuations,
      wildcards,
    );
    if (!decoded || decoded.sequences === 0) continue;
    const weird = weirdness(decoded.text);
    if (weird > 0) {
      if (weirdBefore < 0) weirdBefore = weirdness(line);
      if (weird > weirdBefore) {
        if (middles && hasSignature(decoded.text))
          middles.push({ cp, decoded, score: Number.POSITIVE_INFINITY });
        continue;
      }
    }
    const score = implausibilityWith(decoded.text, weird);
    const candidate = { cp, decoded, score };
    if (middles && score >= 3 && hasSignature(decoded.text)) middles.push(candidate);
    best = better(best, candidate, (c) => c.decoded.text);
  }
  return best;
}

/**
 * The score of `text` that a candidate scoring `candidate` must beat, counted
 * only as far as the comparison needs: below the text's signatures alone,
 * the costlier weirdness scan is skipped (unless --explain prints the score);
 * `weird` is the text's weirdness when already known, else -1; `quoted` as for signatures.
 */
function scoreToBeat(
  text: string,
  candidate: number,
  tally: Tally,
  weird = -1,
  quoted = false,
): number {
  const signed = 3 * signatures(text, quoted);
  if (candidate < signed && !tally.explain) return signed;
  return signed + (weird >= 0 ? weird : weirdness(text));
}

/** Takes a whole-line decode: its lost characters read back where they can be, its path noted. */
function takeWhole(
  line: string,
  layer: number,
  tally: Tally,
  taken: Candidate,
  before: number,
): string {
  const { text, restored } = restoreLostChars(taken.decoded.text, taken.decoded.lostChars);
  tally.lineCodePages.add(taken.cp);
  const path = detailOf(taken.cp, line, layer, taken.decoded.lost, restored);
  const span = { before: line, after: text, path, scoreBefore: before, scoreAfter: taken.score };
  note(tally, path, taken.decoded.sequences, span, taken.decoded.lost > restored);
  return text;
}

/**
 * A middle layer (see bestWhole) whose own best decode scores below `bound`
 * (the line's score, or an imperfect decode's) and is no weirder than the
 * line; the next layer's pass then reads it.
 */
function middleLayer(
  line: string,
  layer: number,
  tally: Tally,
  middles: Candidate[],
  bound = Number.POSITIVE_INFINITY,
  skip?: Candidate,
): string | null {
  if (middles.length === 0 || (middles.length === 1 && middles[0] === skip)) return null;
  const weirdBefore = weirdness(line);
  const before = 3 * signatures(line) + weirdBefore;
  for (const middle of middles) {
    // The decode taken anyway, or one that reads the same, leads nowhere new.
    if (middle === skip || middle.decoded.text === skip?.decoded.text) continue;
    const next = bestWhole(middle.decoded.text, tally.wildcards && middle.decoded.lost === 0);
    if (!next || next.score >= Math.min(before, bound)) continue;
    if (weirdness(next.decoded.text) > weirdBefore) continue;
    return takeWhole(line, layer, tally, middle, before);
  }
  return null;
}

/** The whole line re-decoded, when that scores better than the line (or leads, one layer on, to text that does). */
function wholeLine(line: string, layer: number, tally: Tally): string | null {
  const { ahead } = tally;
  tally.ahead = undefined;
  const middles: Candidate[] = [];
  const best =
    ahead?.line === line && ahead.wildcards === tally.wildcards
      ? ahead.best
      : bestWhole(line, tally.wildcards, layer < maxLayers ? middles : undefined);
  if (!best) return middleLayer(line, layer, tally, middles);
  // A line with a signature scores at least 3: a candidate scoring 0 wins
  // without the line's own (costlier) score, unless --explain shows it.
  const before =
    best.score > 0 || tally.explain
      ? scoreToBeat(line, best.score, tally)
      : Number.POSITIVE_INFINITY;
  if (best.score >= before) {
    // Two wrong code pages in a row ("Г‚ВЈ" is "Â£" is "£"): the middle layer
    // can look no better than the input; judge it by the layer after.
    const next =
      layer < maxLayers
        ? bestWhole(best.decoded.text, tally.wildcards && best.decoded.lost === 0)
        : null;
    if (!next || next.score >= before) return middleLayer(line, layer, tally, middles);
  } else if (best.score > 0 && layer < maxLayers) {
    // An imperfect decode gives way to another that reads better one layer
    // on: ISO-8859-15 puts € at A4, and reads the "â€šÂ¬" of a euro sign
    // through windows-1252 twice as "â⤨¬", where windows-1252 reads "â‚¬"
    // and then €. The decode's own next layer comes first; when it is
    // perfect, nothing reads better, and the next layer takes it as it is.
    const wildcards = tally.wildcards && best.decoded.lost === 0;
    const own = middles.includes(best) ? bestWhole(best.decoded.text, wildcards) : null;
    if (own?.score === 0) tally.ahead = { line: best.decoded.text, wildcards, best: own };
    else {
      const bound = Math.min(best.score, own?.score ?? Number.POSITIVE_INFINITY);
      const deeper = middleLayer(line, layer, tally, middles, bound, best);
      if (deeper !== null) return deeper;
    }
  }
  return takeWhole(line, layer, tally, best, before);
}

/**
 * One span [start, end) of a line re-decoded, if a code page explains it and
 * the result scores better in its context (and the code pages that decode
 * it so pushed onto `explained`); "unencodable" when no code page has all
 * its characters (a real "≥" joined to mojibake by a space); "unsigned"
 * when it shows no mojibake signature.
 */
function repairSpan(
  line: string,
  start: number,
  end: number,
  layer: number,
  tally: Tally,
  explained?: Set<CodePage>[],
): { text: string } | "unencodable" | "unsigned" | null {
  const span = line.slice(start, end);
  const left = line.slice(Math.max(0, start - context), start);
  const right = line.slice(end, end + context);
  const window = left + span + right;
  // "Ã" alone before a word, in a line damaged elsewhere, is "à" whose
  // no-break space became the space ("relatifs Ã l’utilisation"); on its own
  // it may be the letter itself ("Le Ã est une lettre").
  const lostNbsp =
    /^Ã $/.test(span) &&
    /[a-zà-ÿ]/.test(line.charAt(end)) &&
    hasSignature(line.slice(0, start) + line.slice(end));
  // A closing guillemet in the span is judged with the line's quotation, which the window may not show.
  const quoted = span.includes("»") && quotationOpen(line, start);
  if (!lostNbsp && !hasSignature(window, quoted)) return "unsigned";
  // Decodes first (cheap); the scores only for spans that decode at all.
  const decodes: { cp: CodePage; decoded: Decoded }[] = [];
  let encodable = false;
  for (const cp of codePages) {
    const bytes = encodeIn(cp, line, start, end);
    if (!bytes) continue;
    encodable = true;
    const decoded = decodeRecovered(
      bytes,
      line,
      false,
      true,
      start,
      cp.undefinedContinuations,
      tally.wildcards,
    );
    // Mojibake is UTF-8 through and through; a span that is mostly not (GBK
    // read as Latin-1, real accented text) is not this kind of damage.
    if (decoded && decoded.sequences > 0 && 2 * decoded.covered >= end - start)
      decodes.push({ cp, decoded });
  }
  if (!encodable) return "unencodable";
  if (decodes.length === 0) return null;
  // A span repair must not make anything weirder: one span is little evidence.
  // The window's weirdness (a scan of the damage) is needed only once a
  // candidate shows some.
  let weirdBefore = -1;
  // "Ăś" is Ü through windows-1250 and ö through ISO-8859-2: the line's other
  // spans say which ("MĂĽnchner" only decodes through windows-1250).
  const preferred = new Set(explained ? explainingAll(explained) : []);
  let best: Candidate | null = null;
  for (const { cp, decoded } of decodes) {
    const candidate = left + decoded.text + right;
    const weird = weirdness(candidate);
    if (weird > 0) {
      if (weirdBefore < 0) weirdBefore = weirdness(window);
      if (weird > weirdBefore) continue;
    }
    const score = implausibilityWith(candidate, weird);
    best = better(
      best,
      { cp, decoded, score },
      (c) => left + c.decoded.text + right,
      preferred,
      start <= context,
    );
  }
  // The window's own score, as in wholeLine: a signed window scores at least
  // 3, so a candidate scoring 0 wins without it (unless --explain shows it).
  const before =
    best && (best.score > 0 || lostNbsp || tally.explain)
      ? scoreToBeat(window, best.score, tally, weirdBefore, quoted)
      : Number.POSITIVE_INFINITY;
  if (!best || (best.score >= before && !(lostNbsp && best.score <= before))) {
    // Signed only by a neighbour's damage ("ÄŒeÅ¡tina": "ÄŒ" is judged beside
    // the unrepaired "Å¡"), the span is judged again once the line's signed
    // spans are repaired, as an unsigned one.
    return lostNbsp || hasSignature(span) ? null : "unsigned";
  }
  // A correct word joined to the damage by a space must not be decoded with it.
  if (!noWordWeirder(span, best.decoded.text)) return null;
  const text = best.decoded.text;
  explained?.push(new Set(decodes.filter((d) => d.decoded.text === text).map((d) => d.cp)));
  const restoredSpan = restoreLostChars(text, best.decoded.lostChars, left, right);
  tally.lineCodePages.add(best.cp);
  const path = detailOf(best.cp, span, layer, best.decoded.lost, restoredSpan.restored);
  note(
    tally,
    path,
    best.decoded.sequences,
    { before: span, after: restoredSpan.text, path, scoreBefore: before, scoreAfter: best.score },
    best.decoded.lost > restoredSpan.restored,
  );
  return { text: restoredSpan.text };
}

/**
 * A span with no signature of its own, in a line whose signed spans `cp`
 * explains: "mĂşsica" (ú through windows-1250) is a letter pair that
 * Romanian could write, until the same line has shown "â‚¬" for € through
 * the same code page. Taken when every non-ASCII character of the
 * span is part of a UTF-8 sequence through that code page, and the result in
 * its context is no weirder and spells more familiar letter sequences.
 */
function repairUnsignedSpan(
  line: string,
  start: number,
  end: number,
  cp: CodePage,
  layer: number,
  tally: Tally,
): string | null {
  // A word-final symbol after an accented capital ("AHÅ™", "ROMÂNĂ™", "10 Å—")
  // is real text that a code page could also read as a sequence; only a
  // signature may decide that, and this span has none. Inside a word the
  // same symbols are only mojibake: Vietnamese "á»¥" (ụ, E1 BB A5).
  if (wordFinalRe.test(line.slice(start, end + 1))) return null;
  // Nor does a closing guillemet of a quotation the line opened ("«… está»…").
  if (line.slice(start, end).includes("»") && quotationOpen(line, start)) return null;
  const bytes = encodeIn(cp, line, start, end);
  if (!bytes) return null;
  const decoded = decodeRecovered(bytes, line, true, false, start, [], tally.wildcards);
  if (!decoded || decoded.sequences === 0 || decoded.lost > 0) return null;
  const left = line.slice(Math.max(0, start - context), start);
  const right = line.slice(end, end + context);
  const window = left + line.slice(start, end) + right;
  const candidate = left + decoded.text + right;
  const before = implausibility(window);
  const after = implausibility(candidate);
  if (after > before || weirdness(candidate) > weirdness(window)) return null;
  // With no signature to go on, the letters must read better too: "mĂşsica"
  // becomes "música", but an Italian ", è" after a no-break space is not
  // MacRoman for "ʏ".
  if (familiarity(candidate) <= familiarity(window)) return null;
  tally.lineCodePages.add(cp);
  const path = detailOf(cp, line.slice(start, end), layer, 0, 0);
  note(tally, path, decoded.sequences, {
    before: line.slice(start, end),
    after: decoded.text,
    path,
    scoreBefore: before,
    scoreAfter: after,
  });
  return decoded.text;
}

/** Each suspect span re-decoded on its own, kept only where it scores better in its context. */
function spans(line: string, layer: number, tally: Tally): string {
  let out = "";
  let pos = 0;
  const replace = (start: number, end: number, text: string) => {
    out += line.slice(pos, start) + text;
    pos = end;
  };
  /** Spans left alone for want of a signature, and per repaired span the code pages that explain it. */
  const unsigned = new Set<string>();
  const explained: Set<CodePage>[] = [];
  spanRe.lastIndex = 0;
  for (let m = spanRe.exec(line); m !== null; m = spanRe.exec(line)) {
    const start = m.index;
    const end = start + m[0].length;
    const result = repairSpan(line, start, end, layer, tally, explained);
    const joined = m[0].includes(" ");
    if (result === "unsigned") unsigned.add(m[0]);
    else if (result && result !== "unencodable") replace(start, end, result.text);
    // Words joined by single spaces that no code page has all of, or that do
    // not decode as one ("cafÃ© — Œuvre": mojibake, then a real dash and
    // word): each on its own.
    if (!joined || (result !== "unencodable" && result !== null)) continue;
    let from = start;
    for (const piece of m[0].split(" ")) {
      const to = from + piece.length;
      const part = piece === "" ? null : repairSpan(line, from, to, layer, tally, explained);
      if (part === "unsigned") unsigned.add(piece);
      else if (part && part !== "unencodable") replace(from, to, part.text);
      from = to + 1;
    }
  }
  if (pos === 0) return line;
  const repaired = out + line.slice(pos);
  // Code pages that explain every signed span of the line may explain the unsigned ones too.
  const consistent = explainingAll(explained);
  if (consistent.length === 0 || unsigned.size === 0) return repaired;
  return unsignedSpans(repaired, unsigned, consistent, layer, tally);
}

/** The line's unsigned spans tried through the code pages that explain its repaired ones, in order; `repaired` is the line after the first pass. */
function unsignedSpans(
  repaired: string,
  unsigned: ReadonlySet<string>,
  consistent: CodePage[],
  layer: number,
  tally: Tally,
): string {
  // Spans are rescanned in the repaired line: earlier repairs moved them.
  let out = "";
  let pos = 0;
  spanRe.lastIndex = 0;
  for (let m = spanRe.exec(repaired); m !== null; m = spanRe.exec(repaired)) {
    if (!unsigned.has(m[0])) continue;
    const start = m.index;
    const end = start + m[0].length;
    let text: string | null = null;
    for (const cp of consistent) {
      text = repairUnsignedSpan(repaired, start, end, cp, layer, tally);
      if (text !== null) break;
    }
    if (text === null) continue;
    out += repaired.slice(pos, start) + text;
    pos = end;
  }
  return pos === 0 ? repaired : out + repaired.slice(pos);
}

/** A line that shows a signature (the caller checked) → the line repaired, layer by layer. */
function repairLine(line: string, tally: Tally): string {
  let current = line;
  tally.wildcards = true;
  for (let layer = 1; layer <= maxLayers; layer++) {
    if (layer > 1 && !hasSignature(current)) break;
    tally.keptLost = false;
    const next = wholeLine(current, layer, tally) ?? spans(current, layer, tally);
    if (next === current) break;
    if (tally.keptLost) tally.wildcards = false;
    current = next;
  }
  return current;
}

/**
 * A line repaired through windows-1252 whose sanitiser also stripped the C1
 * controls of its undefined bytes: the lead images left alone read as their
 * letter or marked lost, where the line's alphabet says so.
 */
function droppedLetters(line: string, tally: Tally): string {
  if (!tally.lineCodePages.has(windows1252)) return line;
  const { text, readBack, marked } = markDroppedLatinLetters(line);
  if (text === line) return line;
  const span = {
    before: line,
    after: text,
    path: "utf-8 read as windows-1252, C1 bytes dropped",
    scoreBefore: implausibility(line),
    scoreAfter: implausibility(text),
  };
  const base = "utf-8 read as windows-1252";
  tally.explain?.push(span);
  for (const [detail, n] of [
    [`${base}, lost bytes read back`, readBack],
    [`${base}, lost bytes kept as U+FFFD`, marked],
  ] as const)
    if (n > 0) tally.counts.set(detail, (tally.counts.get(detail) ?? 0) + n);
  return text;
}

const c1Re = /[\u0080-\u009F]/g;

/** C1 controls read as the windows-1252 characters their bytes are ("\x84Handwerk\x93" → „Handwerk“). */
function readC1AsCp1252(text: string, tally: Tally): string {
  const high = codePages[0]?.high ?? [];
  let n = 0;
  const out = text.replace(c1Re, (ch) => {
    const mapped = high[ch.charCodeAt(0) - 0x80] ?? ch;
    if (mapped === ch) return ch;
    n++;
    return mapped;
  });
  if (n > 0)
    note(tally, "C1 controls read as windows-1252", n, {
      before: text,
      after: out,
      path: "C1 controls read as windows-1252",
      scoreBefore: implausibility(text),
      scoreAfter: implausibility(out),
    });
  return out;
}

/** Text → text with single-byte-code-page mojibake repaired, and the repairs by path; `explain` collects each repaired span. */
export function repairLatinMojibake(
  text: string,
  explain?: SpanRepair[],
): { text: string; repairs: Repair[] } {
  if (!hasSignature(text)) return { text, repairs: [] };
  const tally: Tally = {
    counts: new Map(),
    explain,
    wildcards: true,
    keptLost: false,
    lineCodePages: new Set(),
  };
  const lines = text.split("\n").map((line) => {
    if (!hasSignature(line)) return line;
    tally.lineCodePages.clear();
    let repaired = repairLine(line, tally);
    if (repaired !== line) {
      const marked = droppedLetters(repaired, tally);
      // A letter read or marked lost lets the damage beside it decode ("nicin�Å¡ana":
      // "Å¡" could not be read across the cut): the line once more.
      repaired = marked !== repaired && hasSignature(marked) ? repairLine(marked, tally) : marked;
    }
    return c1Re.test(repaired) ? readC1AsCp1252(repaired, tally) : repaired;
  });
  const repairs: Repair[] = [...tally.counts].map(([detail, count]) => ({
    kind: "mojibake",
    count,
    detail,
  }));
  return repairs.length === 0 ? { text, repairs } : { text: lines.join("\n"), repairs };
}
