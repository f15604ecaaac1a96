/**
 * UTF-8 decoding of bytes recovered from mojibake, more forgiving than a
 * strict decoder in the four ways real damage needs and no others:
 * - CESU-8 (and Java's) surrogate pairs, six bytes for one astral character
 *   (an emoji encoded by a UTF-16 program), are joined;
 * - a wildcard byte (wildcardByte: a byte that had become U+FFFD) may stand
 *   for any continuation byte; the character it was part of is lost and
 *   becomes one U+FFFD, not one per byte (unless the caller says its U+FFFDs
 *   are whole lost characters already);
 * - a space where a sequence needed byte 0xA0 is read as that byte when the
 *   caller allows it (a no-break space that some program turned into a plain
 *   space: "voilÃ  le travail");
 * - in text through windows-1252 that is mostly of three-byte letters
 *   (Chinese, Japanese, Korean, Thai, Hindi…), a three-byte sequence cut
 *   short by the next lead is a character whose byte was dropped (an
 *   undefined byte a sanitiser stripped, or a hidden soft hyphen), and a
 *   three-byte lead alone before the next lead one that lost two; in text
 *   mostly of two-byte letters (Greek, Cyrillic, Hebrew, Arabic…), such a
 *   lead followed by anything but a continuation byte or an ASCII letter is
 *   a letter that lost its second byte.
 * Anything else that is not UTF-8 stops a strict decode, or is kept as it was
 * in a partial one.
 */
import { isContinuationImage, wildcardByte, windows1252 } from "./code-pages.ts";
import { isGreekOrCyrillic } from "./greek-cyrillic.ts";

export interface Decoded {
  text: string;
  /** Multi-byte sequences decoded. */
  sequences: number;
  /** Of which were lost (became U+FFFD). */
  lost: number;
  /** Source characters that sequences took up. */
  covered: number;
  /**
   * Each lost character whose lead byte survived: where its U+FFFD is in
   * `text`, and the characters it may have been (its lost bytes being bytes
   * the code page leaves undefined).
   */
  lostChars: LostChar[];
}

export interface LostChar {
  at: number;
  options: string[];
  /** Its byte was dropped, not replaced by U+FFFD: where it was is not known either. */
  dropped?: boolean;
}

/** Lead bytes whose sequence with 0xA0 makes a likely character (NBSP, à, Š, Π, Р, נ, ٠). */
const nbspLeads = new Set([0xc2, 0xc3, 0xc5, 0xce, 0xd0, 0xd7, 0xd9]);

/**
 * Whether the space at i + 1, after a 2-byte lead at i, may be a lost 0xA0.
 * Hebrew נ (D7 A0) never ends a word (that is ן), so another Hebrew letter
 * must follow it: "× ×“" is "נד", while "3 × 4" keeps its multiplication sign.
 */
function nbspAfter(bytes: number[], i: number): boolean {
  const lead = bytes[i] ?? 0;
  return nbspLeads.has(lead) && (lead !== 0xd7 || bytes[i + 2] === 0xd7);
}

/**
 * Whether the space ending a three-byte sequence (`seq`, its first two bytes)
 * may be a lost 0xA0. Not where that makes a capital glued to a small letter
 * before it: E1 BB A0 is Ỡ, so Vietnamese "chá» " is "chờ" cut short before a
 * space (9D dropped), not "chỠ".
 */
function nbspEndsThreeByte(bytes: number[], i: number, seq: readonly number[]): boolean {
  const before = bytes[i - 1] ?? 0;
  if (before < 0x61 || before > 0x7a) return true;
  const cp = codePointOf([...seq, 0xa0]);
  return cp < 0 || !/\p{Lu}/u.test(String.fromCodePoint(cp));
}

function isCont(b: number | undefined, wildcards: boolean): boolean {
  return b !== undefined && ((b >= 0x80 && b < 0xc0) || (wildcards && b === wildcardByte));
}

interface Sequence {
  length: number;
  /** Bytes consumed from the input (a space read as 0xA0 counts). */
  text: string;
  lost: boolean;
  /** A space was read as 0xA0. */
  spaced?: boolean;
  /** For a lost character, what it may have been. */
  options?: string[];
  /** Its byte was dropped (LostChar). */
  dropped?: boolean;
}

/**
 * Bytes that programs drop from UTF-8 read as windows-1252: the five it
 * leaves undefined (browsers keep them as C1 controls, which sanitisers
 * strip) and the soft hyphen AD, which is invisible ("ä¸" + AD is 中).
 */
const droppedBytes = [...windows1252.undefinedContinuations, 0xad];

/** Whether the undefined bytes are windows-1252's (81 8D 8F 90 9D): the code page whose mojibake loses bytes so. */
function windows1252Undefined(undefinedBytes: readonly number[]): boolean {
  return undefinedBytes === windows1252.undefinedContinuations;
}

/**
 * Letters whose UTF-8 takes three bytes, of the scripts written with no
 * Latin letters among them: Indic, Thai, Lao, Georgian, Ethiopic…
 * (U+0800–U+1FFF), Han, kana and Hangul. Not the punctuation and symbols
 * of U+2000–U+2E7F, which windows-1252's own images (‚ € ™) are among.
 */
function isThreeByteLetter(c: number): boolean {
  return (
    (c >= 0x800 && c < 0x2000) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7af)
  );
}

/** Greek, Cyrillic, Armenian, Hebrew, Arabic, Syriac…: letters of two UTF-8 bytes, leads CE–DF. */
function isTwoByteLetter(c: number): boolean {
  return c >= 0x380 && c < 0x800;
}

/** Where a decode looks for dropped bytes, and what shape they take there. */
type DroppedShape = "none" | "three-byte" | "two-byte";

/**
 * What a decode is mostly written in: at least four letters of three UTF-8
 * bytes (or three of two bytes), as many as its other non-ASCII characters
 * (the leads left undecoded among them, not the continuation bytes after
 * them: the damage looked for must not outvote itself). A three-byte lead
 * left with one continuation byte (à–ï, then one of 80–BF) is a cut letter
 * and counts for the three-byte letters: Japanese through windows-1252 loses
 * 81 from every hiragana of E3 81 xx, most of a line's characters. Only
 * where such letters are decoded are dropped bytes looked for: real text
 * that windows-1252 can encode has none, while a Latin line of it may have
 * the shape of a cut sequence (Inari Sami "ášá", German "Änderung").
 */
function droppedShapeOf(text: string): DroppedShape {
  let three = 0;
  let cut = 0;
  let two = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (isThreeByteLetter(c)) three++;
    else if (isTwoByteLetter(c)) two++;
    else if (c >= 0xe0 && c <= 0xef && isContinuationImage(text.charAt(i + 1))) {
      cut++;
      i++;
    } else if (!isContinuationImage(text.charAt(i))) other++;
  }
  if (three >= 4 && three + cut >= two + other) return "three-byte";
  if (two >= 3 && two >= three + other) return "two-byte";
  return "none";
}

/**
 * Whether a sequence may be cut short before byte `next` in a decode of
 * non-Latin letters: the next letter's lead, ASCII punctuation, a space or
 * the end; never an ASCII letter (no such word goes on in Latin letters) nor
 * another continuation byte.
 */
function cutHere(next: number | undefined): boolean {
  if (next === undefined) return true;
  if (next < 0x80) return (next | 0x20) < 0x61 || (next | 0x20) > 0x7a;
  return next >= 0xc2 && next <= 0xf4;
}

/**
 * A two-byte lead (CE–DF) whose second byte was dropped, where a sequence
 * may be cut short (cutHere): "РуÑÑкий" is Ру??кий (с is D1 81). Its
 * options stay many (с э я for D1), and letters are not guessed
 * (lost-chars.ts): it becomes U+FFFD.
 */
function droppedSecondByte(bytes: number[], i: number): Sequence | null {
  const lead = bytes[i] ?? 0;
  const next = bytes[i + 1];
  if (lead < 0xce || lead > 0xdf || !cutHere(next)) return null;
  return {
    length: 1,
    text: "\uFFFD",
    lost: true,
    options: lostOptions([lead, wildcardByte], droppedBytes),
  };
}

/**
 * A three-byte sequence cut short after its second byte (cutHere): "ä¸" +
 * "å" is 不 (E4 B8 8D) whose last byte, one the code page leaves undefined,
 * a program dropped instead of writing U+FFFD, or 中 (E4 B8 AD) whose soft
 * hyphen a program hid; "ã¸" at the end of a line is へ (E3 81 B8). The
 * character is lost; its options are the lost byte in either place.
 */
function droppedByte(
  bytes: number[],
  i: number,
  seq: readonly number[],
  need: number,
): Sequence | null {
  if (need !== 2 || seq.length !== 2) return null;
  if (!cutHere(bytes[i + 2])) return null;
  const [lead = 0, kept = 0] = seq;
  const options = [
    ...lostOptions([lead, wildcardByte, kept], droppedBytes),
    ...lostOptions([lead, kept, wildcardByte], droppedBytes),
  ];
  return {
    length: 2,
    text: "\uFFFD",
    lost: true,
    options: [...new Set(options)],
    dropped: true,
  };
}

/** A three-byte lead right before another lead: the two bytes between were both dropped ("å" for 十, E5 8D 81). */
function strandedLead(bytes: number[], i: number): boolean {
  const lead = bytes[i] ?? 0;
  const next = bytes[i + 1];
  return lead >= 0xe0 && lead <= 0xef && next !== undefined && next >= 0xc2 && next <= 0xf4;
}

/** The code point of a 2- or 3-byte sequence, or -1 if it is overlong or a surrogate. */
function codePointOf(seq: readonly number[]): number {
  const lead = seq[0] ?? 0;
  const b1 = seq[1] ?? 0;
  if (seq.length === 2) return ((lead & 0x1f) << 6) | (b1 & 0x3f);
  const cp = ((lead & 0x0f) << 12) | ((b1 & 0x3f) << 6) | ((seq[2] ?? 0) & 0x3f);
  return cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff) ? -1 : cp;
}

/**
 * The characters a 2- or 3-byte sequence with lost bytes may have been:
 * each lost byte one of `undefinedBytes` (those its code page could not
 * decode). None for a 4-byte sequence (emoji, rare scripts: too many).
 */
export function lostOptions(seq: readonly number[], undefinedBytes: readonly number[]): string[] {
  if (seq.length > 3 || undefinedBytes.length === 0) return [];
  // The same few damaged shapes recur all through a text: each is worked out once per code page.
  let cache = optionsCache.get(undefinedBytes);
  if (!cache) {
    cache = new Map();
    optionsCache.set(undefinedBytes, cache);
  }
  const key = (seq[0] ?? 0) | ((seq[1] ?? 0) << 9) | ((seq[2] ?? 0) << 18) | (seq.length << 27);
  let options = cache.get(key);
  if (!options) {
    options = spelledOptions(seq, undefinedBytes);
    cache.set(key, options);
  }
  return options;
}

/** Per set of undefined bytes, a damaged sequence (packed: 9 bits a byte, then its length) → its options. */
const optionsCache = new WeakMap<readonly number[], Map<number, string[]>>();

function spelledOptions(seq: readonly number[], undefinedBytes: readonly number[]): string[] {
  let partial: number[][] = [[]];
  for (const b of seq)
    partial = partial.flatMap((head) =>
      b === wildcardByte ? undefinedBytes.map((u) => [...head, u]) : [[...head, b]],
    );
  const options: string[] = [];
  for (const bytes of partial) {
    const cp = codePointOf(bytes);
    if (cp >= 0x80) options.push(String.fromCharCode(cp));
  }
  return options;
}

/**
 * The sequence starting at i, or null. `space` says whether a space may
 * stand for 0xA0; `undefinedBytes` are the bytes a lost byte may have been;
 * `wildcards`, whether a wildcard byte may be a continuation byte.
 */
function readSequence(
  bytes: number[],
  i: number,
  space: boolean,
  undefinedBytes: readonly number[] = [],
  wildcards = true,
  dropped: DroppedShape = "none",
): Sequence | null {
  const lead = bytes[i] ?? 0;
  let need = 0;
  if (lead >= 0xc2 && lead <= 0xdf) need = 1;
  else if (lead >= 0xe0 && lead <= 0xef) need = 2;
  else if (lead >= 0xf0 && lead <= 0xf4) need = 3;
  else return null;
  // "â€" with its last byte dropped (not replaced: a U+FFFD stays a lost
  // character): windows-1252 has no character for 0x9D, so some programs drop
  // it, and E2 80 9D is ”, far more often than the four other characters whose
  // last byte windows-1252 leaves undefined.
  if (lead === 0xe2 && bytes[i + 1] === 0x80) {
    const last = bytes[i + 2];
    // Some encoders write "?" for the byte they could not map: then it is lost.
    if (last === 0x3f) return { length: 3, text: "\uFFFD", lost: true };
    if (last === undefined || last < 0x80) return { length: 2, text: "\u201D", lost: false };
  }
  const seq = [lead];
  let spaced = false;
  for (let k = 1; k <= need; k++) {
    const b = bytes[i + k];
    if (isCont(b, wildcards)) seq.push(b ?? 0);
    else if (
      b === 0x20 &&
      space &&
      (need === 1 ? nbspAfter(bytes, i) : need > 2 || nbspEndsThreeByte(bytes, i, seq))
    ) {
      seq.push(0xa0);
      spaced = true;
    } else if (dropped === "none") return null;
    // Punctuation is three bytes in every script ("â€" + the next lead is ‐ or ” cut).
    else if (need === 2) return droppedByte(bytes, i, seq, need);
    else return dropped === "two-byte" && need === 1 ? droppedSecondByte(bytes, i) : null;
  }
  if (seq.includes(wildcardByte))
    return {
      length: need + 1,
      text: "\uFFFD",
      lost: true,
      options: lostOptions(seq, undefinedBytes),
    };
  const b1 = seq[1] ?? 0;
  let cp: number;
  if (need === 1) {
    cp = ((lead & 0x1f) << 6) | (b1 & 0x3f);
    return { length: 2, text: String.fromCharCode(cp), lost: false, spaced };
  }
  if (need === 2) {
    // No overlongs; surrogates only as the first half of a CESU-8 pair.
    if (lead === 0xe0 && b1 < 0xa0) return null;
    cp = ((lead & 0x0f) << 12) | ((b1 & 0x3f) << 6) | ((seq[2] ?? 0) & 0x3f);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const low = readSequence(bytes, i + 3, false);
      if (low && low.text.length === 1) {
        const lc = low.text.charCodeAt(0);
        if (lc >= 0xdc00 && lc <= 0xdfff)
          return { length: 6, text: String.fromCharCode(cp, lc), lost: false };
      }
      return null;
    }
    // A lone low surrogate is returned so that a high one before it can pair it.
  } else {
    if ((lead === 0xf0 && b1 < 0x90) || (lead === 0xf4 && b1 >= 0x90)) return null;
    cp =
      ((lead & 0x07) << 18) |
      ((b1 & 0x3f) << 12) |
      (((seq[2] ?? 0) & 0x3f) << 6) |
      ((seq[3] ?? 0) & 0x3f);
  }
  return { length: need + 1, text: String.fromCodePoint(cp), lost: false };
}

/**
 * "í" and "έ" end in byte 0xAD, a soft hyphen in windows-1252, which some
 * programs delete as invisible ("antÃgeno"): a lead before a lower-case
 * letter, where a whole line is otherwise UTF-8, lost it.
 */
function lostSoftHyphen(bytes: number[], i: number): Sequence | null {
  const lead = bytes[i];
  const next = bytes[i + 1] ?? 0;
  if (next < 0x61 || next > 0x7a) return null;
  if (lead === 0xc3) return { length: 1, text: "í", lost: false };
  if (lead === 0xce) return { length: 1, text: "έ", lost: false };
  return null;
}

function wordGoesOn(source: string, at: number): boolean {
  const rest = source.slice(at, at + 6);
  return rest.startsWith(" ") || /^(s(?=[\s.,;:!?]|$)|quel|quil)/.test(rest);
}

function isLoneSurrogate(text: string): boolean {
  if (text.length !== 1) return false;
  const c = text.charCodeAt(0);
  return c >= 0xd800 && c <= 0xdfff;
}

/**
 * Decodes bytes recovered from `source` from offset `from` (one byte per
 * UTF-16 unit of it; the source after them is read only to look ahead).
 * Strict: null unless every non-ASCII byte is part of a sequence. Partial:
 * bytes that are not are kept as the source characters they came from.
 * Without `wildcards`, a U+FFFD of the source is a character of its own: a
 * repair's second layer must not read the U+FFFD its first layer left for a
 * lost character as a lost byte again ("GRÃ–áº�TER" is "GRÖ�TER", and "Ö�"
 * is not Latin-1 mojibake of one more lost character).
 */
export function decodeRecovered(
  bytes: number[],
  source: string,
  strict: boolean,
  space: boolean,
  from = 0,
  undefinedBytes: readonly number[] = [],
  wildcards = true,
): Decoded | null {
  const plain = decode(bytes, source, strict, space, from, undefinedBytes, wildcards, "none");
  // A strict decode that held cut nothing short; nor did a partial one that kept no
  // lead of a three-byte (à–ï) or two-byte letter (Î–ß).
  if (!windows1252Undefined(undefinedBytes) || (strict && plain)) return plain;
  if (plain && !/[\u00CE-\u00DF\u00E0-\u00EF]/.test(plain.text)) return plain;
  // Text of non-Latin scripts through windows-1252 whose undefined bytes were dropped:
  // decoded again with cut sequences read as lost characters, where the text is mostly
  // of such letters.
  const partial = strict
    ? decode(bytes, source, false, space, from, undefinedBytes, wildcards, "none")
    : plain;
  if (!partial) return plain;
  const shape = droppedShapeOf(partial.text);
  if (shape === "none") return plain;
  return decode(bytes, source, strict, space, from, undefinedBytes, wildcards, shape) ?? plain;
}

function decode(
  bytes: number[],
  source: string,
  strict: boolean,
  space: boolean,
  from: number,
  undefinedBytes: readonly number[],
  wildcards: boolean,
  dropped: DroppedShape,
): Decoded | null {
  let text = "";
  let sequences = 0;
  let lost = 0;
  let covered = 0;
  const lostChars: LostChar[] = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    if (b < 0x80 || b === wildcardByte) {
      text += source.charAt(from + i);
      i++;
      continue;
    }
    // A Cyrillic or Greek letter ends words: a space after its image ("ФОСАГРО И")
    // is a space, where one after "Ã" or "Î" was a lost no-break space. Where bytes
    // were dropped, a lead before a space lost its last byte: "ì„ " is 을 (EC 9D 84)
    // before a space, not 선 (EC 84 A0) glued to the next word.
    const spaceMayBeNbsp =
      space && dropped === "none" && !isGreekOrCyrillic(source.charCodeAt(from + i));
    const seq =
      readSequence(bytes, i, spaceMayBeNbsp, undefinedBytes, wildcards, dropped) ??
      (strict ? lostSoftHyphen(bytes, i) : null);
    if (seq && !isLoneSurrogate(seq.text)) {
      if (seq.options && seq.options.length > 0)
        lostChars.push({
          at: text.length,
          options: seq.options,
          ...(seq.dropped ? { dropped: true } : {}),
        });
      text += seq.text;
      sequences++;
      if (seq.lost) lost++;
      i += seq.length;
      covered += seq.length;
      // "à" is a word of its own in French and Portuguese: the lost no-break
      // space stood before a space that was dropped too, unless a word that
      // starts with "à" goes on (Portuguese "às", "àquele").
      if (seq.spaced && b === 0xc3 && !wordGoesOn(source, from + i)) i--;
      continue;
    }
    if (strict) return null;
    if (dropped === "three-byte" && strandedLead(bytes, i)) {
      // Both continuation bytes dropped ("å" for 十, E5 8D 81): lost, beyond reading back.
      text += "\uFFFD";
      lost++;
      sequences++;
      covered++;
      i++;
      continue;
    }
    text += source.charAt(from + i);
    i++;
  }
  return { text, sequences, lost, covered, lostChars };
}
