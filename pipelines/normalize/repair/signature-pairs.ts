/**
 * Mojibake signatures read off the code-page tables: the pair of characters
 * a code page makes of a UTF-8 lead byte and the continuation byte after it,
 * kept when real text would not put that pair together:
 * - A: a lead image before a symbol ("Â®", "В°", "Β±", "┬«", "Ã©"); for a
 *   lead that is itself an accented letter, only before a symbol that does
 *   not end words (real "VOCÊ…", "É®", "Ö™" stay); never two box-drawing
 *   characters (line art), never an accented letter before a currency sign
 *   ("5×£35", "Ã¥" is too ambiguous on its own);
 * - A: a rare symbol lead before a letter ("√¢", "¬Æ"); two mathematical
 *   symbols only against a letter ("ta√±i" is "tañi", "kontra≈≠" is
 *   "kontraŭ"; "√π" is mathematics);
 * - A: two letters that no language writes both of (alphabets.ts: "Ăą",
 *   "ĆŖ");
 * - B: a letter lead before a letter continuation ("Рё", "Сі"): real
 *   Cyrillic or Greek can do that once, so it counts only when another pair
 *   of the same code page follows at once ("Ð¿Ñ€", "РёРІ"), or for a Latin
 *   lead anywhere in the same word ("ievƒìlƒìtƒÅs");
 * - any pair whose Greek or Cyrillic lead is glued to a Latin letter ("NГѓO",
 *   "SΓƒO", "moΜ„hio": the "Ã" and "ō" of Latin words through windows-1251
 *   and windows-1253), which no real word of those scripts is;
 * - any lead image before U+FFFD, a lost continuation byte ("uΓ�");
 * - inside a word only, with an ASCII letter on both sides: two box-drawing
 *   characters ("sch├╝tzen"), "…" or a no-break space before a MacRoman
 *   continuation ("g…õt", "Hawai ªi"), a letter before "»" ("OĘ»ahu"), a
 *   combining mark's two bytes ("hÌ£u");
 * - a Latin capital lead before a symbol, after a small letter or opening a
 *   word before two ("pĹ™es", "Å‘sz"), and a B pair led by a capital after a
 *   small letter, or of two capitals opening a word before two ("mĂşsica",
 *   "ÄŤbcd");
 * - the three images of a Latin Extended Additional letter glued to a Latin
 *   letter (signature-triples.ts: "á»¥bcd").
 */
import { shareAnAlphabet } from "../../../shared/text/alphabets.ts";
import { codePages } from "./code-pages.ts";
import { isGreekOrCyrillic } from "./greek-cyrillic.ts";
import { gluedTriple, isAsciiLetter, isLatinLetter, tripleLeads } from "./signature-triples.ts";

/** Symbols that end a word in real text, after a letter: "VOCÊ…", "ZZAJÉ’s", "É¿", "aí´´", "Gruß“". */
export const wordFinal = "…’”“‘„»®™©°¹²³ªº¿¡´¨·–—";
const currency = "¢£¥";
/** Word-final symbols that real text also writes between two letters: "ZZAJÉ’s", "Bogotá–Cali". */
const wordJoiners = "’‘´·–—";
/** Punctuation common enough in text to start a pair of its own ("…étrange"). */
const commonPunct = "…“”‘’«»–—•·¡¿×÷\u00A0";
/** Mathematics: "√π", "≈∞" are formulas, not mojibake. */
const mathRe = /[\p{Sm}\p{Script=Greek}]/u;

const letterRe = /\p{L}/u;
const boxRe = /[\u2500-\u259F]/;
/** Box drawing proper (not shades or blocks): two of them together are line art ("├┤a┼┐a"). */
const lineArtRe = /[\u2500-\u257F]/;
/** Spacing accents used as quotes and eyebrows ("`¬´", "lá´´"). */
const spacingMarkRe = /[\u00B4\u00A8\u02C6\u02DC\u00AF\u00B8\u02D8-\u02DD]/;
const latinRe = /\p{Script=Latin}/u;
const greekCapitalRe = /[\u0391-\u03A9]/;
/** The basic Cyrillic (А–я) and Greek (Α–Ω, α–ω) alphabets, without Ё, accents or other languages' letters. */
const basicLetterRe = /[\u0410-\u044F\u0391-\u03A9\u03B1-\u03C9]/;

/**
 * "Â" and "Ã", the images of C2 and C3 in the Latin-1 family: no real word
 * puts a symbol after them, so every pair they start is a signature. The
 * same bytes are "Ă" in windows-1250, which Romanian writes before anything.
 */
const latin1Leads = "ÂÃ";
/** Letters so rare in real text that anything after them is a signature (MacRoman's leads of Arabic and Latin Extended-A). */
const rareLeads = "ÿŸƒ";

/** UTF-8 lead bytes that start most real sequences: Latin-1, Latin Extended-A, Greek, Cyrillic, Hebrew, Arabic. */
const coreLeads = new Set([0xc2, 0xc3, 0xc4, 0xc5, 0xce, 0xcf, 0xd0, 0xd1, 0xd7, 0xd8, 0xd9]);

/** pair (two UTF-16 units as one number) → bit mask of code pages (by index) where it is a strong (A) or a letter (B) pair. */
const strong = new Map<number, number>();
const letters = new Map<number, number>();
/** Pairs that count only against a letter. */
const inWord = new Map<number, number>();
/** Pairs that count only with an ASCII letter on both sides, inside a word. */
const insideWord = new Map<number, number>();
/**
 * A Latin capital before a symbol: counts after a small letter or opening a
 * word before two (capitalWithMark): "Ă…bcd", "Å‘sz", "abĹ™cd".
 */
const opensWord = new Map<number, number>();
/**
 * What may follow a capital at a word's start in real text: an apostrophe
 * ("Ã’s" is a plural as often as it is Ò), a no-break space, currency
 * ("Ã¥" may be MacRoman's CC B4: "Ã¥klagare" has a rule of its own). A
 * "‘" there is the second byte of Hungarian ő and of đ ("Å‘sz": ősz).
 */
const openingAllowed = "’\u00A0¢£¥";
const latinCapitalRe = /^[\p{Lu}](?<=\p{Script=Latin})$/u;
/** Every pair whose lead is a Greek or Cyrillic letter: they count glued to a Latin letter. */
const gluable = new Map<number, number>();
/** Every character (UTF-16 unit) that starts a pair of either kind, as a flag: most text never reaches the maps. */
const leads = new Uint8Array(0x10000);

function key(a: number, b: number): number {
  return a * 0x10000 + b;
}

function add(map: Map<number, number>, pair: string, bit: number): void {
  if (pair.length !== 2) return;
  const k = key(pair.charCodeAt(0), pair.charCodeAt(1));
  map.set(k, (map.get(k) ?? 0) | bit);
  leads[pair.charCodeAt(0)] = 1;
}

codePages.forEach((cp, index) => {
  const bit = 1 << index;
  for (let lead = 0xc2; lead <= 0xf4; lead++) {
    const l = cp.high[lead - 0x80] ?? "";
    const lIsLetter = letterRe.test(l);
    // A lead image before a lost byte ("uΓ�" through windows-1253, "Ă�" through windows-1250).
    if (l !== "") add(strong, `${l}\uFFFD`, bit);
    for (let cont = 0x80; cont < 0xc0; cont++) {
      const c = cp.high[cont - 0x80] ?? "";
      if (c === "" || l === "") continue;
      const pair = l + c;
      // Every pair of a Greek or Cyrillic lead, for the glued rule (scanPairs),
      // but two basic letters ("XТА-100" is a model name, "ТА" ISO-8859-5's pair).
      if (isGreekOrCyrillic(l.charCodeAt(0)) && !(basicLetterRe.test(l) && basicLetterRe.test(c)))
        add(gluable, pair, bit);
      const cIsLetter = letterRe.test(c);
      if (latinCapitalRe.test(l) && !cIsLetter && !openingAllowed.includes(c))
        add(opensWord, pair, bit);
      // CC and CD spell the combining marks, which decomposed text writes
      // inside words ("hÌ£u" is h and a dot below through windows-1252,
      // "hĚŁu" through windows-1250, "moÌ„hio" Māori ō); glued between two
      // letters, whatever the images, the pair is one, less the apostrophes
      // and dashes that join words ("ZZAJÍ’s"), and less MacRoman's "Ã" (CC),
      // whose pairs are the Latin-1 family's own to judge ("SmÃ¥land" is å).
      if ((lead === 0xcc || lead === 0xcd) && !latin1Leads.includes(l) && !wordJoiners.includes(c))
        add(insideWord, pair, bit);
      if (!lIsLetter) {
        // Common punctuation before anything, "×" before anything: real
        // text does it, so only a run of pairs counts ("–£–∫—Ä", "×™×©").
        if (commonPunct.includes(l)) {
          add(letters, pair, bit);
          // Inside a word, though, "…" and a no-break space before a modifier
          // letter's image are what MacRoman makes of ɛ ɔ ɓ ɗ ("g…õt", "he…ìi")
          // and of ʻ ʼ ("Hawai\u00A0ªi"); no writer puts them between two letters.
          if (l === "…" || (l === "\u00A0" && (c === "ª" || c === "º"))) add(insideWord, pair, bit);
        }
        // Two box-drawing characters are line art ("├┤a┼┐a", "┌─┐│a│") unless a
        // word runs through them: "sch├╝tzen", "p├╡lastamine" are ü and õ
        // through cp437, whose images of B0–BF are all box drawing. A cell's
        // text touches its border on one side only. B0-BF's last, "┐", closes
        // cells, and what it spells after those leads (ÿ, ſ, Ŀ) no word needs.
        else if (boxRe.test(l) && lineArtRe.test(c)) {
          if (cont !== 0xbf) add(insideWord, pair, bit);
        } else if (spacingMarkRe.test(c)) continue;
        // Mathematics ("√π", "≈∞", a change of "∆°"), unless it touches a letter
        // ("ta√±i", "afg√∏rende", "kontra≈≠", "S∆°n": ñ, ø, ŭ, ơ through MacRoman).
        else if (/\p{Sm}/u.test(l) && l !== "¬" && (mathRe.test(c) || c === "°"))
          add(inWord, pair, bit);
        else add(strong, pair, bit);
        continue;
      }
      if (cIsLetter) {
        // Latin-1 and friends: "Â", "Ã" never come before "š", "œ", "µ", nor
        // "â" (the lead of all punctuation and symbols: "âœ”" is ✔).
        // "ƒ" is a letter of Ewe, which writes it before the nasal vowels ã and
        // õ ("ƒãa"): those two pairs count only in runs.
        const eweNasal = l === "ƒ" && (c === "ã" || c === "õ");
        if ((latin1Leads.includes(l) || rareLeads.includes(l) || l === "â") && !eweNasal)
          add(strong, pair, bit);
        // Two letters of the basic Russian or Greek alphabet are plain words
        // ("ТВЭЛ" is "ТВ" "ЭЛ" through ISO-8859-5), not evidence of anything.
        else if (basicLetterRe.test(l) && basicLetterRe.test(c)) continue;
        // Two letters no language writes both of ("taĂąi" is "tañi" through
        // ISO-8859-2, "umanitĆ " and "ĆØ" Italian through windows-1257): mojibake.
        // Two of one alphabet ("ĂŞ" Romanian, "Äš" Slovak) may be a word.
        else add(shareAnAlphabet(l, c) ? letters : strong, pair, bit);
        continue;
      }
      if (c === "\u00A0") {
        // "Ã" + no-break space is "à"; "Ă", "Ä" + no-break space are real Romanian, Finnish.
        if (latin1Leads.includes(l)) add(strong, pair, bit);
        continue;
      }
      // "Ã’s" is a real apostrophe after a letter as often as it is "Ò".
      if (c === "\u2019" && latin1Leads.includes(l)) continue;
      if (currency.includes(c) && lead !== 0xc2) continue;
      if (lead === 0xe2 && cont === 0x80) {
        add(strong, pair, bit);
        continue;
      }
      // A Greek capital is a variable too: "Δ°" and "Π±" apart from letters are
      // mathematics, where windows-1253 spells İ and б inside words ("Δ°stanbul").
      if (greekCapitalRe.test(l) && (c === "°" || c === "±")) add(inWord, pair, bit);
      else if (coreLeads.has(lead) && !latinRe.test(l)) add(strong, pair, bit);
      else if (latin1Leads.includes(l) || rareLeads.includes(l)) add(strong, pair, bit);
      else if (!wordFinal.includes(c)) add(strong, pair, bit);
      // A closing guillemet glued between two letters closes nothing: "OĘ»ahu",
      // "HawaiŹ»i" are Hawaiian ʻ (CA BB) through windows-1250 and windows-1257,
      // and BB is the second byte of Vietnamese and Yoruba ồ ộ ớ ọ too. Other
      // word-final symbols do meet a letter ("ZZAJÉ’s", "Bogotá–Cali", "NESTLÉ®s").
      else if (c === "»") add(insideWord, pair, bit);
    }
  }
  // windows-1251 and kin spell the punctuation prefix E2 80 with a letter ("вЂ").
  add(strong, (cp.high[0xe2 - 0x80] ?? "") + (cp.high[0] ?? ""), bit);
});

/**
 * Number of signature pairs in a text (one pass; a flag read per non-ASCII
 * character); `quoted`: the text is a window of a line where a quotation is
 * open before it (quotationOpen).
 */
export function pairSignatures(text: string, quoted = false): number {
  return scanPairs(text, false, quoted);
}

/** Whether a text has any signature pair: the same scan, stopped at the first. */
export function hasPairSignature(text: string, quoted = false): boolean {
  return scanPairs(text, true, quoted) > 0;
}

function isLetterAt(text: string, at: number): boolean {
  return at >= 0 && at < text.length && letterRe.test(text.charAt(at));
}

/**
 * A Latin capital's pair after a small letter, or opening a word before two:
 * no word puts a capital and a mark there ("Ă…bcd", "abĹ™cd", "abcČ™": Å, ř,
 * ș through windows-1250). Greek and Cyrillic capitals are units and words of
 * their own ("2 Ω·m"); their pairs have their own rules.
 */
function capitalWithMark(text: string, i: number, k: number): boolean {
  if (!opensWord.has(k)) return false;
  const before = text.charCodeAt(i - 1);
  if (isAsciiLower(before)) return true;
  return (
    !isLatinLetter(before) &&
    isAsciiLower(text.charCodeAt(i + 2)) &&
    isAsciiLower(text.charCodeAt(i + 3))
  );
}

function scanPairs(text: string, first: boolean, quoted: boolean): number {
  let n = 0;
  const end = text.length - 1;
  for (let i = 0; i < end; i++) {
    const a = text.charCodeAt(i);
    if (a < 0x80) continue;
    if (tripleLeads[a] === 1 && gluedTriple(text, i, quoted)) {
      n++;
      if (first) return n;
      i += 2;
      continue;
    }
    if (leads[a] === 0) continue;
    const k = key(a, text.charCodeAt(i + 1));
    // A Greek or Cyrillic lead glued to a Latin letter ("NГѓO", "SΓƒO", Māori
    // "moΜ„hio"): the "Ã" or "ō" of a Latin word through windows-1251 or
    // windows-1253, whatever the continuation's image; no real word is that.
    if (
      gluable.has(k) &&
      (isAsciiLetter(text.charCodeAt(i - 1)) || isAsciiLetter(text.charCodeAt(i + 2)))
    ) {
      n++;
      if (first) return n;
      i++;
      continue;
    }
    if (strong.has(k) || capitalWithMark(text, i, k)) {
      n++;
      if (first) return n;
      i++;
      continue;
    }
    if (inWord.has(k)) {
      if (isLetterAt(text, i - 1) || isLetterAt(text, i + 2)) {
        n++;
        if (first) return n;
        i++;
      }
      continue;
    }
    if (
      insideWord.has(k) &&
      isAsciiLetter(text.charCodeAt(i - 1)) &&
      isAsciiLetter(text.charCodeAt(i + 2))
    ) {
      n++;
      if (first) return n;
      i++;
      continue;
    }
    const b = letters.get(k);
    if (b === undefined) continue;
    // Greek and Cyrillic words are made of such pairs ("сімі" in KOI8-U):
    // for them, only a pair right after counts.
    if (
      anotherPairInWord(text, i + 2, b, isGreekOrCyrillic(a) ? 1 : wordReach) ||
      capitalsInLowerCase(text, i, a)
    ) {
      n++;
      if (first) return n;
      i += 1;
    }
  }
  return n;
}

const upperRe = /\p{Lu}/u;

/**
 * A Latin letter pair led by a capital inside a lower-case word: after a
 * small letter ("abÄŤcd", "abĂşcd", "abcĹŤ": č, ú, ō through windows-1250),
 * or, both capitals, before two ("ÄŤbcd", "ĹŚtaki"). No word puts a capital
 * after a small letter but Irish mutations ("hÉireann"), whose next letter
 * is ASCII, and two capitals open a word before small letters only in
 * acronyms, which are ASCII; real all-capital words ("PĂŞUNE", "ÅLAND")
 * have no small letter beside them.
 */
function capitalsInLowerCase(text: string, i: number, a: number): boolean {
  if (isGreekOrCyrillic(a) || !upperRe.test(text.charAt(i))) return false;
  // ASCII neighbours only: a damaged neighbour ("ÄŒeÅ¡") must not make its own repair
  // ("ÄŒeš") look no better than it, and real letters there say more.
  if (isAsciiLower(text.charCodeAt(i - 1))) return true;
  return (
    upperRe.test(text.charAt(i + 1)) &&
    isAsciiLower(text.charCodeAt(i + 2)) &&
    isAsciiLower(text.charCodeAt(i + 3))
  );
}

function isAsciiLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

/** Characters looked at after a Latin letter pair for another pair of its code pages. */
const wordReach = 12;

/** A space or ASCII punctuation or digit: where a word ends. */
function endsWord(c: number): boolean {
  return c <= 0x40 || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7f) || c === 0xa0;
}

/**
 * Whether a pair of one of the code pages in `pages` (a mask) starts within
 * `reach` characters from `from`, before the word ends: "ievƒìlƒìtƒÅs"
 * (Latvian through MacRoman) has three in one word, where real Ewe "ƒãa"
 * has one.
 */
function anotherPairInWord(text: string, from: number, pages: number, reach: number): boolean {
  const last = Math.min(text.length - 1, from + reach);
  for (let j = from; j < last; j++) {
    const c = text.charCodeAt(j);
    if (endsWord(c)) return false;
    if (c < 0x80 || leads[c] === 0) continue;
    const k = key(c, text.charCodeAt(j + 1));
    if (((strong.get(k) ?? 0) | (letters.get(k) ?? 0)) & pages) return true;
  }
  return false;
}
