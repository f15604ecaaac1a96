/**
 * English names found by their shape: a name ending in an organisation or
 * facility suffix ("Aclara Resources", "White Mesa Mill"), a romanised Chinese
 * person name ("Sun Xiping"), a site before a mine word ("the Nolans
 * project"), a place before a known place ("in San Marcos, Texas").
 */
import type { Candidate } from "./candidate.ts";
import {
  inTitleCaseLine,
  isDistinctive,
  isGeneric,
  trimLeading,
  unknownName,
} from "./english-words.ts";
import { CALENDAR_WORDS, PINYIN_SURNAMES } from "./lexicon.ts";
import { isPinyinGivenName } from "./pinyin.ts";

const WORD = `(?:[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*|&)`;
const CONNECTOR = `(?:of|and|for|the|de|&)`;
const ORG_SUFFIX = String.raw`(?:Co\.,? ?Ltd\.?|Co\.|Company|Corporation|Corp\.?|Inc\.?|Ltd\.?|Limited|LLC|PLC|plc|Group|Holdings|Resources|Metals|Minerals|Mining|Materials|Magnetics|Technologies|Industries|Motors?|Steel|Zinc|Copper|Nickel|Lithium|Cobalt|Tungsten|Aluminium|Aluminum|Chemicals?|Bank|Rare Earths?|Institute|University|Academy|Association|Agency|Ministry|Commission|Laboratory|Laboratories)`;
const PLACE_SUFFIX = `(?:Mill|Mine|Refinery|Building|Port|Province|County|District|Valley|Islands?|Mountains?|Lake|River)`;

/** Capitalised words (joined by connectors) ending in a suffix; the suffix may repeat ("Materials Co., Ltd."). */
function suffixPattern(suffix: string): RegExp {
  return new RegExp(
    String.raw`(?<![A-Za-z0-9])${WORD}(?:\s(?:${CONNECTOR}\s)?${WORD}){0,12}?\s(?:${suffix})(?:,?\s(?:${suffix}))*(?![A-Za-z0-9])`,
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

const DOCUMENT_WORDS =
  /^ (?:Act|Law|Regulations?|Strategy|Initiative|Agreement|Plan|Program|Programme|Index|Fund|Forum|Conference|Summit|Report)\b/u;

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

/** Organisation and place names recognised by their last word ("… Institute", "… Province"). */
export function suffixNames(
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
    if (inTitleCaseLine(text, trimmed.start)) continue;
    if (words.slice(1).some((w) => TITLE_CASE_WORDS.has(w))) continue;
    // "Critical Raw Materials Act": the suffix word is part of the title of a law or a plan.
    if (DOCUMENT_WORDS.test(text.slice(trimmed.start + trimmed.text.length))) continue;
    found.push(unknownName(type, trimmed.text, trimmed.start, "pattern"));
  }
  return found;
}

/** "Peng Bingyi", "Lin Jirong": a pinyin family name and a one- or two-syllable given name. */
export function pinyinPersons(text: string): Candidate[] {
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

/** Mines, plants and zones named by a proper name and a site word ("Mount Weld mine"). */
export function sites(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(SITE_PATTERN)) {
    if (!isDistinctive(m[0].split(" ")) || inTitleCaseLine(text, m.index)) continue;
    found.push(unknownName("location", m[0], m.index, "pattern"));
  }
  return found;
}

/**
 * "a refinery in Ulsan,": after "in" or "at", a capitalised word that closes
 * the clause is a place far more often than anything else. Weak evidence:
 * any other recogniser overrides it.
 */
export function placesAfterIn(text: string): Candidate[] {
  const found: Candidate[] = [];
  const pattern = /(?<=[a-z,] (?:in|at|near) )[A-Z][a-z]{3,}(?=[,.;:](?:\s|$))/gu;
  for (const m of text.matchAll(pattern)) {
    if (isGeneric(m[0]) || CALENDAR_WORDS.has(m[0]) || inTitleCaseLine(text, m.index)) continue;
    found.push(unknownName("location", m[0], m.index, "ner"));
  }
  return found;
}

/**
 * "in San Marcos, Texas", "at Bitterfeld-Wolfen, Germany": a capitalised name
 * followed by a comma and a known place is a place inside it.
 */
export function placesBeforeKnownPlaces(text: string, knownPlaceStarts: Set<number>): Candidate[] {
  const found: Candidate[] = [];
  const pattern = /(?<=\b(?:in|at|near|from|of) )[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}(?=, )/gu;
  for (const m of text.matchAll(pattern)) {
    if (!knownPlaceStarts.has(m.index + m[0].length + 2)) continue;
    if (!isDistinctive(m[0].split(/[ -]/))) continue;
    found.push(unknownName("location", m[0], m.index, "pattern"));
  }
  return found;
}
