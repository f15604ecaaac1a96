/**
 * English names no list knows: romanised Chinese person names ("Sun Xiping"),
 * names ending in an organisation or facility suffix ("Aclara Resources",
 * "White Mesa Mill"), and the people and places compromise finds. Suffix
 * patterns are strong evidence; compromise's guesses only fill gaps.
 */
import nlp from "compromise";
import { type Candidate, slugOf } from "./candidate.ts";
import { GENERIC_WORDS, LEADING_STOPWORDS, PINYIN_SURNAMES } from "./lexicon.ts";
import { isPinyinGivenName, isPinyinWord } from "./pinyin.ts";

const WORD = `(?:[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*|&)`;
const CONNECTOR = `(?:of|and|for|the|de|&)`;
const ORG_SUFFIX = String.raw`(?:Co\.,? ?Ltd\.?|Co\.|Company|Corporation|Corp\.?|Inc\.?|Ltd\.?|Limited|LLC|PLC|plc|Group|Holdings|Resources|Metals|Minerals|Mining|Materials|Magnetics|Technologies|Industries|Motors?|Steel|Chemicals?|Bank|Rare Earths?|Institute|University|Academy|Association|Agency|Ministry|Commission|Laboratory|Laboratories)`;
const PLACE_SUFFIX = `(?:Mill|Mine|Refinery|Building|Port|Province|County|District|Valley|Island|Mountains?|Lake|River)`;

/** Capitalised words (joined by connectors) ending in a suffix; the suffix may repeat ("Materials Co., Ltd."). */
function suffixPattern(suffix: string): RegExp {
  return new RegExp(
    String.raw`(?<![A-Za-z0-9])${WORD}(?:\s(?:${CONNECTOR}\s)?${WORD})*?\s(?:${suffix})(?:,?\s(?:${suffix}))*(?![A-Za-z0-9])`,
    "gu",
  );
}
const SUFFIXED = {
  organization: {
    pattern: suffixPattern(ORG_SUFFIX),
    end: new RegExp(String.raw`\s${ORG_SUFFIX}$`, "u"),
  },
  location: {
    pattern: suffixPattern(PLACE_SUFFIX),
    end: new RegExp(String.raw`\s${PLACE_SUFFIX}$`, "u"),
  },
};

const LEGAL_SUFFIX = /,?\s*(?:Co\.,? ?Ltd\.?|Co\.|Inc\.?|Ltd\.?|Limited|LLC|PLC|plc|Corp\.?)$/u;

const isGeneric = (word: string) => GENERIC_WORDS.has(word.toLowerCase().replace(/[.,]/g, ""));

/** A name needs one word that is not department vocabulary: "Metrology Center" is no name. */
function isDistinctive(words: string[]): boolean {
  return words.some((w) => /^[A-Z]/.test(w) && !isGeneric(w));
}

/** Drops heading and sentence words in front of a name ("The", "At", "Chairman"). */
function trimLeading(text: string, start: number): { text: string; start: number } {
  let rest = text;
  let at = start;
  for (;;) {
    const m = /^(\S+)\s+/.exec(rest);
    const word = m?.[1];
    // Headings open with a gerund ("Strengthening Party Building"); "Beijing" is pinyin, not one.
    const gerund = word !== undefined && /^[A-Z][a-z]+ing$/.test(word) && !isPinyinWord(word);
    if (!m || word === undefined || !(LEADING_STOPWORDS.has(word) || gerund)) {
      return { text: rest, start: at };
    }
    rest = rest.slice(m[0].length);
    at += m[0].length;
  }
}

function unknownName(
  type: "organization" | "location" | "person",
  text: string,
  start: number,
  source: Candidate["source"],
): Candidate {
  const prefix = { organization: "org", location: "loc", person: "per" }[type];
  const name = type === "organization" ? text.replace(LEGAL_SUFFIX, "") : text;
  return { start, end: start + text.length, id: `${prefix}:${slugOf(name)}`, type, name, source };
}

/** Head words that may stand before "of" inside one name: "Institute of Metal Research". */
const OF_HEADS = new Set(
  "Institute Ministry University Academy Bank Department Center Centre Bureau Association Commission Council Chamber Board Society School College Office Administration Agency Federation Union Laboratory Museum Republic Province State City Port Isle Gulf Bay Cape Lake Mount".split(
    " ",
  ),
);

/**
 * "Gong Bin of China Northern Rare Earth" is a person and an organisation, while
 * "Institute of Metals of the Chinese Academy of Sciences" is one name: a name
 * only continues across "of" after a head word.
 */
function cutAtOf(text: string, start: number): { text: string; start: number } {
  let cut = 0;
  for (const m of text.matchAll(/(\S+) of (?:the )?/gu)) {
    if (!OF_HEADS.has(m[1] ?? "")) cut = m.index + m[0].length;
  }
  return { text: text.slice(cut), start: start + cut };
}

/** Capitalised prepositions only occur inside names in title-case headings. */
const TITLE_CASE_WORDS = new Set(
  "Across Into Over Under Between Through To In On At By With Against Beyond Toward Towards Via Within Without".split(
    " ",
  ),
);

/** "Baogang Daily and Baogang Group" is two names: split where a known organisation follows "and". */
function cutAtKnownConjunct(
  text: string,
  start: number,
  knownStarts: Set<number>,
): { text: string; start: number } {
  for (const m of text.matchAll(/ (?:and|&) /gu)) {
    if (knownStarts.has(start + m.index + m[0].length))
      return { text: text.slice(0, m.index), start };
  }
  return { text, start };
}

function suffixNames(
  text: string,
  type: "organization" | "location",
  knownStarts: Set<number>,
): Candidate[] {
  const found: Candidate[] = [];
  const { pattern, end: endsInSuffix } = SUFFIXED[type];
  for (const m of text.matchAll(pattern)) {
    const cut = cutAtOf(m[0], m.index);
    const split = cutAtKnownConjunct(cut.text, cut.start, knownStarts);
    if (split.text !== cut.text && !endsInSuffix.test(split.text)) continue;
    const trimmed = trimLeading(split.text, split.start);
    const words = trimmed.text.split(/\s+/);
    if (words.length < 2 || !isDistinctive(words.slice(0, -1))) continue;
    if (words.slice(1).some((w) => TITLE_CASE_WORDS.has(w))) continue;
    found.push(unknownName(type, trimmed.text, trimmed.start, "pattern"));
  }
  return found;
}

/** "Peng Bingyi", "Lin Jirong": a pinyin family name and a one- or two-syllable given name. */
function pinyinPersons(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(/(?<![A-Za-z0-9-])([A-Z][a-z]+) ([A-Z][a-z]+)(?![A-Za-z0-9-])/gu)) {
    const [whole, family = "", given = ""] = m;
    if (!PINYIN_SURNAMES.has(family) || !isPinyinGivenName(given) || isGeneric(given)) continue;
    found.push(unknownName("person", whole, m.index, "pattern"));
  }
  return found;
}

/** "the Nolans project", "its Phalaborwa deposit": a capitalised name before a mine word is a site. */
const SITE_PATTERN =
  /(?<=(?:^|\s)(?:the|its|their|a|an|The|Its|Their)\s)[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}(?=\s(?:project|deposit|mine|prospect|mining operation)s?\b)/gu;

function sites(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(SITE_PATTERN)) {
    if (!isDistinctive(m[0].split(" "))) continue;
    found.push(unknownName("location", m[0], m.index, "pattern"));
  }
  return found;
}

/** Every bounded occurrence of a name compromise proposed. */
function occurrences(text: string, name: string): number[] {
  const starts: number[] = [];
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    const before = text[i - 1] ?? " ";
    const after = text[i + name.length] ?? " ";
    if (!/[A-Za-z0-9]/.test(before) && !/[A-Za-z0-9]/.test(after)) starts.push(i);
  }
  return starts;
}

/** compromise's surface form, cut at commas and stripped of punctuation and possessives. */
function cleanNames(raw: string[]): string[] {
  return raw
    .flatMap((name) => name.split(/,\s*|\s*[—–/]\s*/u))
    .map((name) =>
      name
        .replace(/^[\s"“‘'(]+|[\s"”’'.,:;!?)]+$/gu, "")
        .replace(/['’]s$/u, "")
        .trim(),
    )
    .filter((name) => name.length > 1 && /^[A-Z]/.test(name) && !/[()"“”]|-[a-z]/.test(name));
}

/** Generic words that still belong in place names: "Western Australia", "Inner Mongolia". */
const COMPASS = new Set(
  "North South East West Northern Southern Eastern Western Central New Upper Lower Inner Outer Greater".split(
    " ",
  ),
);

function statisticalNames(text: string): Candidate[] {
  const doc = nlp(text);
  const found: Candidate[] = [];
  const add = (names: string[], type: "person" | "location" | "organization") => {
    for (const raw of new Set(cleanNames(names))) {
      const { text: name } = trimLeading(raw, 0);
      const words = name.split(/\s+/);
      if (
        !isDistinctive(words) ||
        words.some((w) => /^[a-z]/.test(w) && !/^(?:of|and|de)$/.test(w))
      )
        continue;
      if (type === "person" && words.length < 2) continue;
      if (type === "location" && !words.every((w) => !isGeneric(w) || COMPASS.has(w))) continue;
      if (type === "organization" && words.length > 1) continue;
      for (const start of occurrences(text, name))
        found.push(unknownName(type, name, start, "ner"));
    }
  };
  add(doc.people().out("array") as string[], "person");
  add(doc.places().out("array") as string[], "location");
  // compromise's multi-word organisations are mostly fragments; single known brands are reliable.
  add(doc.organizations().out("array") as string[], "organization");
  return found;
}

/** `knownOrganizationStarts`: where knowledge-base organisations start in the text. */
export function findEnglishNames(
  text: string,
  knownOrganizationStarts: Set<number> = new Set(),
): Candidate[] {
  return [
    ...suffixNames(text, "organization", knownOrganizationStarts),
    ...suffixNames(text, "location", knownOrganizationStarts),
    ...pinyinPersons(text),
    ...sites(text),
    ...statisticalNames(text),
  ];
}
