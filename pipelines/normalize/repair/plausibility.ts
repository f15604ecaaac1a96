/**
 * How plausible a piece of text is as something a person wrote: the gate
 * every mojibake repair must pass. Two counts, after the design of Python
 * ftfy's "badness" (a heuristic tuned on real mojibake and on real text that
 * only looks like it), rebuilt here from the code-page tables:
 *
 * - signatures: character pairs a wrong code page produces and writers
 *   almost never do: a UTF-8 lead byte's image followed by a continuation
 *   byte's image that is not a word-final symbol ("Ã©", "â€™", "Ð°",
 *   "Ĺ‚", "√¢", "─î"), C1 controls, a lead image before U+FFFD.
 *   Word-final symbols (… ’ ” ® ™ ° ¿ ´) after an accented capital are
 *   left alone: "NESTLÉ®", "VOCÊ…", "ZZAJÉ’s" are real.
 * - weirdness: what a wrong decode produces: a Latin letter against a Hangul,
 *   Hebrew, Armenian or IPA letter ("NESTLɮ", "Bront녔"), a digit against a
 *   Hebrew letter ("5ף35"), a combining mark on nothing ("4288×ׅ"), private-use
 *   or unassigned characters, box drawing against letters, a lower-case letter
 *   before a non-ASCII capital, historic Cyrillic letters.
 *
 * A repair is taken only when it lowers the score (signatures weigh more).
 */
import { codePages } from "./code-pages.ts";
import { hasPairSignature, pairSignatures, wordFinal } from "./signature-pairs.ts";
import { afterClosingQuote } from "./signature-triples.ts";

const cp1252 = codePages[0];
const cp1251 = codePages[1];
if (!cp1252 || !cp1251) throw new Error("code page tables missing");

function classChars(chars: string): string {
  return chars.replace(/[\\\]^-]/g, (c) => `\\${c}`);
}

/** cp1252 images of the continuation bytes 0x80–0xBF, and the C1 controls Latin-1 gives for 0x80–0x9F. */
const contAll = `${classChars(cp1252.high.slice(0, 0x40).join(""))}\\u0080-\\u009F`;
const currency = "¢£¥";
const strongCont = classChars(
  [...cp1252.high.slice(0, 0x40).join("")]
    .filter((c) => !wordFinal.includes(c) && !currency.includes(c) && !/[\p{L}\u00A0]/u.test(c))
    .join(""),
);
/** cp1252 images of 0x80–0xBF that are not letters (the word-final symbols and currency included). */
const symbolCont = classChars(
  [...cp1252.high.slice(0, 0x40).join("")].filter((c) => !/\p{L}/u.test(c)).join(""),
);
const contNoCurrency = classChars(
  [...cp1252.high.slice(0, 0x40).join("")]
    .filter((c) => !currency.includes(c) && c !== "\u00A0")
    .join(""),
);
/** cp1251 images of 0x80–0xBF: "Рµ" is е, "вЂ" starts ’ “ ” – —. */
const cont1251 = classChars(cp1251.high.slice(0, 0x40).join(""));
const strong1251 = classChars("ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—™љ›њќћџ¤¦§©¬®°±µ¶·№");
const accentedCaps = "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞĞ";
const box = "\\u2500-\\u259F";
const macintosh = codePages.find((cp) => cp.name === "macintosh");
if (!macintosh) throw new Error("code page table missing: macintosh");
/** MacRoman images of the continuation bytes 0x80–0xBF. */
const macContinuations = classChars(macintosh.high.slice(0, 0x40).join(""));

const signatureSource = [
  // C1 controls are not text; a Latin-1 decoder makes them from windows-1252 bytes.
  "[\\u0080-\\u009F]",
  // The commonest lead images, which no real word puts before these symbols.
  `[ÂÃÎÐ][\\u00A0\\u00A1\\u00A4\\u00A6-\\u00BF${classChars("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘“”•–—˜™š›œžŸ")}\\u0080-\\u009F]`,
  // …and a currency sign after "Ã" at the start of a word ("Ã¥klagare" for åklagare), or
  // as a word of its own (Norwegian "viktig Ã¥ fremme": å).
  "(?<![A-Za-z0-9\\u00C0-\\u024F])Ã[¢£¥](?=[a-z]|[\\s.,;:!?)]|$)",
  // …and "¢" or "£" after "Ã" inside or ending a word ("SÃ£o": ã, "lÃ¢kat": â); "Ã¥" there
  // is as often MacRoman's CC B4 ("SmÃ¥land" stays).
  "(?<=[A-Za-z\\u00C0-\\u024F])Ã[¢£]",
  // Other 2-byte lead images before a symbol that does not end words.
  `[ÄÅÆÇÈÉÊËÌÍÏÑÒÓÔÕÖ×ØÙÚÛÜÝÞßĞ][${strongCont}]`,
  // An accented capital and a symbol inside a word: "Ä°zmir" (İzmir), "RÄ«ga".
  `[${accentedCaps}][${classChars("€‚ƒ„…†‡ˆ‰‹•˜›¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿")}](?=[a-z])`,
  // …and opening a word, with any symbol but an apostrophe ("Ã’s" is a plural): no word
  // starts with a capital, a mark and a small letter ("Å¡sa" š, "É“aina" ɓ, "Å™ada" ř).
  `(?<![A-Za-z\\u00C0-\\u024F])[${accentedCaps}][${classChars("€‚„…†‡ˆ‰‹•˜›¦§¨©«¬®¯°±²³¶·¸¹»¼½¾¿¡“”™–—")}](?=[a-z])`,
  // A currency sign after a lead image other than "Ã", against a letter: "Å£" ţ, "Å¥" ť
  // ("×£" is a price; "Ã¥" may be MacRoman's CC B4).
  "(?<=[A-Za-z\\u00C0-\\u024F])[ÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßĞ][¢£¥]|(?<![A-Za-z0-9\\u00C0-\\u024F])[ÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßĞ][¢£¥](?=[a-z])",
  // A lower-case letter, then an accented capital and a symbol: "pÅ™ed", "siÄ™"; or a lost
  // character in its place ("nicin�Å¡ana" once the cut "Ä" before "Å¡" is marked lost).
  `[a-z\uFFFD][${accentedCaps}][${contNoCurrency}]`,
  // 3- and 4-byte sequences with at least one symbol that does not end words.
  `[à-ï](?:[${strongCont}][${contAll}]|[${contAll}][${strongCont}])`,
  "â€",
  // A whole three-byte sequence glued inside a word, with a symbol among its continuations
  // however common: "qaá»¹a" is ỹ ("náššuvnnaid" is Northern Sami). After "»", what follows
  // a closing quote is the triple rule's to judge (signature-triples.ts: "está»—dijo").
  `(?<=[A-Za-z])(?![à-ï]»[${afterClosingQuote}])[à-ï](?:[${symbolCont}][${contAll}]|[${contAll}][${symbolCont}])(?=[A-Za-z])`,
  `[ð-ô](?:[${strongCont}][${contAll}]{2}|[${contAll}][${strongCont}][${contAll}]|[${contAll}]{2}[${strongCont}])`,
  // A lead image before a lost byte.
  "[\\u00C2-\\u00F4]\\uFFFD",
  // A no-break space turned into a space after "Ã" or "Â" ("voilÃ  le", "o Ã s").
  "[a-z][ÃÂ] ",
  // An emoji's first two bytes ("ðŸ˜€"): no language writes "ðŸ".
  "ð[Ÿ\\u009F]",
  // windows-1251: "вЂ" (’ “ ” – —) and Cyrillic pairs "РµРЅ".
  "вЂ",
  `[РС][${strong1251}]`,
  `[РС][${cont1251}][РС][${cont1251}]`,
  // windows-1250 / ISO-8859-2 / windows-1257: "LiĂ¨ge", "Ĺ‚", "Ć©".
  // (Not before ™, …, closing quotes or a no-break space: Romanian ends words in "Ă".)
  `[ĂĹĆĀ][${classChars("€‚„†‡‰‹‘“•–—›¤¦§¨©«¬®°±´µ¶·¸½˘˙˛˝ˇ")}]`,
  // windows-1253: Greek pairs "Ξ±", and "β€".
  `[ΞΟ][${classChars("€‚ƒ„…†‡‰‹‘’“”•–—™›¤¦§¨©«¬®―°±²³΄µ¶·»½")}]`,
  "β€",
  // MacRoman: "g√¢teaux", "‚Äô"; √ before a math symbol is mathematics ("√π").
  "√[ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ≤≥¥µæø]",
  "‚Ä",
  // "≈°" is š, "≈¢" Ţ; "≈°" apart from letters is mathematics ("≈° C"). "≈´" is ū
  // (Latvian "m≈´su", Māori "T≈´hoe"), a spacing accent no formula glues to a letter.
  "≈¢|(?<=[A-Za-z\\u00C0-\\u024F])≈[°´]|≈[°´](?=[A-Za-z\\u00C0-\\u024F])",
  // MacRoman's three bytes of Latin Extended Additional (ḍ ḥ ṣ ẹ ọ, Vietnamese ỹ ệ) against a
  // letter: "uma·∏çal", "shi·ªπaxa"; "2·π" is mathematics.
  `[A-Za-z]·[∏π∫ª][${macContinuations}]|·[∏π∫ª][${macContinuations}](?=[A-Za-z])`,
  // cp437: a box-drawing lead before an accented letter ("─îe┼ítina"), "ΓÇ".
  "[└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀][ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜáíóúñÑ]",
  "ΓÇ",
  // KOI8: a Cyrillic letter before box drawing.
  `[а-яА-ЯёЁ][${box}]`,
].join("|");

// No "u" flag (the patterns are of UTF-16 units): "\p{…}" would not be a class here.
const signatureRe = new RegExp(signatureSource, "g");

/**
 * IPA letters, less those the alphabets of West African languages write
 * every day (ɑ ɓ ɔ ɖ ɗ ə ɛ ɣ ɨ ɩ ɲ ʃ ʊ ʋ ʒ ʔ: Akan "ɔmanfo", Hausa "ɗan",
 * Bambara "ɲugun", Fon "ɖɔ"): "NESTLɮ" is weird, "kɛ sɛ" is not.
 */
const ipa =
  "\\u0250\\u0252\\u0255\\u0258\\u025A\\u025C-\\u0262\\u0264-\\u0267\\u026A-\\u0271\\u0273-\\u0282\\u0284-\\u0289\\u028C-\\u0291\\u0293\\u0295-\\u02AF";
const rtlAndIpa = `\\p{Script=Hebrew}\\p{Script=Armenian}\\p{Script=Syriac}\\p{Script=Thaana}\\p{Script=Samaritan}\\p{Script=Nko}\\p{Script=Mongolian}\\p{Script=Arabic}${ipa}`;
const hebrewArmenianIpa = `\\p{Script=Hebrew}\\p{Script=Armenian}${ipa}`;
/**
 * Latin Extended-B letters rare in any language, less those of African
 * alphabets (Ɓ Ɔ Ɖ Ɗ Ǝ Ə Ɛ Ɣ Ɩ Ɨ Ƙ ƙ Ɲ Ʊ Ʋ Ƴ ƴ Ʒ ǝ; Ə and ə are Azerbaijani too),
 * Vietnamese ơ ư, Romanian ș ț and the digraphs; with them Ǟ–ǣ, Ǭ ǭ, which no
 * CLDR alphabet holds (cp850 makes "Ǣ" of a real "Ãó"). Ewe's ƒ stays: it is the
 * image of 0x83 and 0xC4 in half the code pages, and mojibake is full of it.
 */
const rareLatinB =
  "\\u0180\\u0182-\\u0185\\u0187\\u0188\\u018B-\\u018D\\u0191-\\u0193\\u0195\\u019A-\\u019C\\u019E\\u019F\\u01A2-\\u01AE\\u01B5\\u01B6\\u01B8-\\u01C3\\u01DE-\\u01E3\\u01EC\\u01ED\\u01F6-\\u01F9\\u021C-\\u024F";
const spacing = "\\u2000-\\u200B\\u200E\\u200F\\u2028-\\u202E\\u2060-\\u206F";

/**
 * The weirdness patterns, each with a character class that every match of
 * it contains: a pattern whose class is absent from a text cannot match
 * there, and leaving it out of the alternation changes no match (see
 * weirdPattern).
 */
const weirdParts: [pattern: string, needs: string][] = [
  // A Latin, Greek or Cyrillic letter against a letter of a script their words never touch.
  // (Hangul only against lower case: "LG전자" is real.)
  [
    "[a-z\\u00DF-\\u00FF][\\p{Script=Hangul}]|[\\p{Script=Hangul}][a-z\\u00DF-\\u00FF]",
    "\\p{Script=Hangul}",
  ],
  [`[A-Za-z\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u052F][${rtlAndIpa}]`, rtlAndIpa],
  [`[${rtlAndIpa}][A-Za-z\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u052F]`, rtlAndIpa],
  // A digit or symbol against a Hebrew, Armenian or IPA letter.
  [`(?!\\uFFFD)[0-9\\p{S}][${hebrewArmenianIpa}]`, hebrewArmenianIpa],
  [`[${hebrewArmenianIpa}](?!\\uFFFD)[0-9\\p{S}]`, hebrewArmenianIpa],
  // Rare Latin Extended-B letters.
  [`[${rareLatinB}]`, rareLatinB],
  // A combining mark on nothing: at the start or after a space ("$̶6̶" strikes through symbols and digits).
  ["(?<![^\\s])\\p{M}", "\\p{M}"],
  // An accent on a symbol ("¦̦" for Kazakh "бі" through KOI8-U); not the strokes
  // through one, nor an emoji's variation selector.
  ["\\p{So}[\\u0300-\\u0333\\u0339-\\u036F]", "\\u0300-\\u0333\\u0339-\\u036F"],
  // Controls, private use, unassigned.
  ["[\\u0080-\\u009F\\p{Co}\\p{Cn}]", "\\u0080-\\u009F\\p{Co}\\p{Cn}"],
  // Box drawing against a letter.
  [`[${box}]\\p{L}|\\p{L}[${box}]`, box],
  // A lower-case letter before a non-ASCII capital ("MģÄM", Vietnamese "chỠ" for "chờ").
  [
    "\\p{Ll}[\\u00C0-\\u00DE\\u0100-\\u024F\\u0370-\\u03FF\\u0400-\\u042F\\u1E00-\\u1EFF](?<=\\p{Lu})",
    "\\u00C0-\\u00DE\\u0100-\\u024F\\u0370-\\u03FF\\u0400-\\u042F\\u1E00-\\u1EFF",
  ],
  // Cyrillic or Greek inside a Latin word, and the reverse ("rГ©acteur"), and
  // Greek against Cyrillic ("ĦΦне" for Kazakh "дініне" through KOI8-U).
  // (An ASCII capital before Cyrillic is a common homoglyph: "Cрпски".)
  [
    "[a-z\\u00DF-\\u024F][\\u0370-\\u03FF\\u0400-\\u052F]|[\\u0370-\\u03FF\\u0400-\\u052F][A-Za-z\\u00C0-\\u024F]|[\\u0370-\\u03FF][\\u0400-\\u052F]|[\\u0400-\\u052F][\\u0370-\\u03FF]",
    "\\u0370-\\u03FF\\u0400-\\u052F",
  ],
  // Spacing and direction characters nobody types between letters.
  [`[${spacing}]`, spacing],
  // An accented capital after a capital and before lower case ("HÀfen", "SÌddeutschland").
  [
    "\\p{Lu}[\\u00C0-\\u00DE\\u0100-\\u017E](?<=\\p{Lu})(?=\\p{Ll}\\p{Ll})",
    "\\u00C0-\\u00DE\\u0100-\\u017E",
  ],
  // A word that starts with an accented small letter and goes on in capitals:
  // "ÃšLTIMA" read through ISO-8859-15 (š at A8) is "èLTIMA", not "ÚLTIMA".
  [
    "(?<!\\p{L})[\\u00DF-\\u00FF\\u0100-\\u024F](?<=\\p{Ll})(?=\\p{Lu}\\p{Lu})",
    "\\u00DF-\\u00FF\\u0100-\\u024F",
  ],
  // A symbol, a dagger or a bullet between two letters ("oovtviärdás➞ân" and
  // "…ás⸸ân" for Inari Sami "…ásâžžân"); not the punctuation scripts write
  // inside words (Catalan "l·l", Ethiopic "፡", Hebrew "׳"), nor the U+FFFD of a lost character.
  [
    "\\p{L}(?!\\uFFFD)[\\p{So}\\u00D7\\u00F7\\u2020-\\u2023\\u2190-\\u22FF\\u2E00-\\u2E7F](?=\\p{L})",
    "\\p{So}\\u00D7\\u00F7\\u2020-\\u2023\\u2190-\\u22FF\\u2E00-\\u2E7F",
  ],
  // A combining mark on a Cyrillic letter other than the grave and acute of
  // stress and the breve and diaeresis of decomposed й, ё, ї ("Ӧͦ" for "сімі").
  [
    "[\\u0400-\\u052F][\\u0302-\\u0305\\u0307\\u0309-\\u036F]",
    "\\u0302-\\u0305\\u0307\\u0309-\\u036F",
  ],
  // Inverted marks open a Spanish sentence or clause; after a letter they are
  // another character's image ("l¡liure" for Catalan "l·liure").
  ["\\p{L}[¡¿]", "¡¿"],
  // A superscript digit before a digit ("(¹0.2)" for "(±0.2)").
  ["[¹²³][0-9]", "¹²³"],
  // Historic Cyrillic letters (yat, fita, izhitsa, yus…), in no modern alphabet: "СІ" of a
  // Ukrainian word in capitals is "Ѳ" through windows-1251.
  ["[\\u0460-\\u0482]", "\\u0460-\\u0482"],
  // Mahjong tiles, dominoes and playing cards, which no news story writes ("🀔" for "🤔").
  ["[\\u{1F000}-\\u{1F0FF}]", "\\u{1F000}-\\u{1F0FF}"],
  // Supplemental arrows and the second blocks of mathematical symbols, outside
  // mathematics papers (less the arrows ⤴ ⤵ emoji use): ISO-8859-15 puts € at
  // A4, so "â€" read through it is E2 A4, "â⤨¬" for the "â€šÂ¬" of a euro sign
  // through windows-1252 twice.
  ["[\\u2900-\\u2933\\u2936-\\u2AFF]", "\\u2900-\\u2933\\u2936-\\u2AFF"],
  // Spacing diacritics are rare on their own.
  ["[\\u02C0-\\u02FF\\u00A8\\u00AF\\u00B4\\u00B8]", "\\u02C0-\\u02FF\\u00A8\\u00AF\\u00B4\\u00B8"],
];

const weirdNeeds = weirdParts.map(([, needs]) => new RegExp(`^[${needs}]$`, "u"));
const weirdByMask = new Map<number, RegExp>();

/** Which parts' classes a character is in, as a bit mask (every class is outside ASCII). */
function needsOf(ch: string): number {
  let mask = 0;
  weirdNeeds.forEach((needs, k) => {
    if (needs.test(ch)) mask |= 1 << k;
  });
  return mask;
}

/** needsOf by BMP code unit, filled as characters are met (-1: not yet). */
const needsOfUnit = new Int32Array(0x10000).fill(-1);

/**
 * The weirdness pattern for a text: the alternation of the parts whose
 * characters occur in it. Counting matches of it equals counting matches
 * of the whole alternation (a part that cannot match anywhere never takes
 * a match from another), and a scan that tries three parts per position
 * instead of fourteen is what keeps a long line of Latin-1 mojibake cheap.
 */
function weirdPattern(text: string): RegExp | null {
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    const cp = text.codePointAt(i) ?? unit;
    if (cp > 0xffff) {
      mask |= needsOf(String.fromCodePoint(cp));
      i++;
      continue;
    }
    let needs = needsOfUnit[unit] ?? -1;
    if (needs < 0) {
      needs = needsOf(text.charAt(i));
      needsOfUnit[unit] = needs;
    }
    mask |= needs;
  }
  if (mask === 0) return null;
  let re = weirdByMask.get(mask);
  if (!re) {
    const source = weirdParts
      .filter((_, k) => mask & (1 << k))
      .map(([pattern]) => pattern)
      .join("|");
    re = new RegExp(source, "gu");
    weirdByMask.set(mask, re);
  }
  return re;
}

function countIn(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/** Characters of context every pattern needs around a non-ASCII character. */
const reach = 3;

/**
 * Matches of a pattern that always involves a non-ASCII character, counted
 * only in the stretches around non-ASCII characters: a long English line
 * with two damaged words costs two short scans, not one long one.
 */
/**
 * Characters no pattern here starts from or needs (ASCII, common punctuation,
 * CJK, kana, full-width forms): a stretch made only of them scores zero at
 * once, which keeps clean Chinese and Japanese fast.
 */
const unsafeRe =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
  /[^\u0000-\u007F\u2010-\u2027\u2030-\u205E\u3000-\u30FF\u4E00-\u9FFF\uFF00-\uFFEF]/;

/**
 * Matches of `re` in the stretches of `text` around non-ASCII characters
 * (the whole text when short); with `first`, stops at the first.
 */
function count(re: RegExp, text: string, first = false): number {
  if (!unsafeRe.test(text)) return 0;
  if (text.length < 256) return countIn(re, text);
  let n = 0;
  let i = 0;
  const len = text.length;
  while (i < len) {
    while (i < len && text.charCodeAt(i) < 0x80) i++;
    if (i >= len) break;
    const start = Math.max(0, i - reach);
    let end = i;
    // Extend while another non-ASCII character comes within twice the reach.
    while (end < len) {
      let j = end + 1;
      while (j < len && j <= end + 2 * reach && text.charCodeAt(j) < 0x80) j++;
      if (j < len && j <= end + 2 * reach) end = j;
      else break;
    }
    const stop = Math.min(len, end + reach + 1);
    n += countIn(re, text.slice(start, stop));
    if (first && n > 0) return n;
    i = stop;
  }
  return n;
}

/**
 * Number of mojibake signatures in a text; `quoted`: the text is a window of a
 * line where a quotation is open before it (signature-triples.ts, quotationOpen).
 */
export function signatures(text: string, quoted = false): number {
  return count(signatureRe, text) + pairSignatures(text, quoted);
}

/** Whether a text shows any mojibake signature at all. */
export function hasSignature(text: string, quoted = false): boolean {
  if (hasPairSignature(text, quoted)) return true;
  return count(signatureRe, text, true) > 0;
}

/**
 * Private-use and unassigned characters weigh as a signature does, not as
 * one weird pair: no one types them, and a decode that makes one ("caf̩"
 * and U+F659 for "cafÃ© — Ôôô" through MacRoman) is wrong however many
 * signatures it removes.
 */
const privateOrUnassignedRe = /[\p{Co}\p{Cn}]/gu;
const privateOrUnassignedWeight = 3;

/** Letters of Latin words: the alphabets, and the micro sign of units ("µΩ·m"). */
const latinWordLetter = "A-Za-z\\u00B5\\u00C0-\\u024F";
const scriptBlocks = [
  "\\u0370-\\u03FF",
  "\\u0400-\\u052F",
  "\\u0530-\\u058F",
  "\\u0590-\\u05FF",
  "\\u0600-\\u07FF",
];

/**
 * Like them, a letter that its neighbours' words are not spelt with: an
 * IPA letter of no alphabet (see `ipa`) against a Latin letter, and a letter
 * or mark of one of the scripts from Greek to N'Ko (U+0370–07FF: Greek,
 * Cyrillic, Armenian, Hebrew, Arabic with Syriac, Thaana and N'Ko) between
 * two letters of other scripts. The pair patterns above count "Lɮs" once;
 * read as UTF-8, "NESTLÉ®s" is "NESTLɮs", "BISTRÔ®s" "BISTRԮs" and "μΩ·m"
 * "μٷm", one weird pair each for the one signature they remove. (IPA
 * transcriptions glue such letters to Latin ones too, "[ʃɪp]"; news prose
 * has few of them.)
 */
const foreignInWordRe = new RegExp(
  [
    `(?<=[${latinWordLetter}])[${ipa}]`,
    `[${ipa}](?=[${latinWordLetter}])`,
    ...scriptBlocks.map((block) => `(?<=\\p{L})(?<![${block}])[${block}](?=\\p{L})(?![${block}])`),
  ].join("|"),
  "gu",
);
const foreignRe = new RegExp(`[${ipa}\\u0370-\\u07FF]`, "u");
const foreignInWordWeight = 3;

/** Number of implausible character sequences (what a wrong decode produces). */
export function weirdness(text: string): number {
  if (!unsafeRe.test(text)) return 0;
  const re = weirdPattern(text);
  if (!re) return 0;
  let weird = count(re, text);
  if (weird === 0) return weird;
  // The pattern holds the private-use part only when such a character occurs.
  if (re.source.includes("\\p{Co}"))
    weird += (privateOrUnassignedWeight - 1) * count(privateOrUnassignedRe, text);
  if (foreignRe.test(text)) weird += (foreignInWordWeight - 1) * count(foreignInWordRe, text);
  return weird;
}

/** Implausibility of a text: signatures weigh three, weirdness one. Lower is more plausible. */
export function implausibility(text: string): number {
  return 3 * signatures(text) + weirdness(text);
}

/** Implausibility when the weirdness is already known (saves the costlier scan). */
export function implausibilityWith(text: string, weird: number): number {
  return 3 * signatures(text) + weird;
}
