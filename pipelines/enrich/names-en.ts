/**
 * English names no list knows. Shape patterns (name-patterns-en.ts) are strong
 * evidence; the people and places compromise finds only fill the gaps they
 * leave, and never in title-case headings.
 */
import type { Candidate } from "./candidate.ts";
import { isKnownBrand } from "./compromise-lexicon.ts";
import { compromiseNames } from "./compromise-names.ts";
import {
  inTitleCaseLine,
  isDistinctive,
  isGeneric,
  trimLeading,
  unknownName,
} from "./english-words.ts";
import { CALENDAR_WORDS } from "./lexicon.ts";
import { nameBearingText } from "./name-bearing-en.ts";
import { contextNames } from "./name-cues-en.ts";
import {
  pinyinPersons,
  placesAfterIn,
  placesBeforeKnownPlaces,
  sites,
  suffixNames,
} from "./name-patterns-en.ts";

/** Every bounded occurrence of a name compromise proposed. */
function occurrences(text: string, name: string): number[] {
  const starts: number[] = [];
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    const before = text[i - 1] ?? " ";
    const after = text[i + name.length] ?? " ";
    // A hyphen joins words: "Ken Samruk" inside "Tau-Ken Samruk" is no name of its own.
    if (!/[A-Za-z0-9-]/.test(before) && !/[A-Za-z0-9-]/.test(after)) starts.push(i);
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

function statisticalNames(text: string, known: readonly Candidate[]): Candidate[] {
  const bearing = nameBearingText(text, known);
  // Nothing unexplained: compromise would find nothing, and even an empty parse has a cost.
  if (bearing === "") return [];
  const { people, places, organizations } = compromiseNames(bearing.split("\n"));
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
      if (words.some((w) => CALENDAR_WORDS.has(w))) continue;
      if (type === "organization" && (words.length > 1 || !isKnownBrand(name))) continue;
      for (const start of occurrences(text, name)) {
        if (!inTitleCaseLine(text, start)) found.push(unknownName(type, name, start, "ner"));
      }
    }
  };
  add(people, "person");
  add(places, "location");
  // compromise's multi-word organisations are mostly fragments; single known brands are reliable.
  add(organizations, "organization");
  return found;
}

/** `known`: the knowledge-base names found in the text, which new names build on or stop at. */
export function findEnglishNames(text: string, known: Candidate[] = []): Candidate[] {
  const startsOf = (type: string) =>
    new Set(known.filter((c) => c.type === type).map((c) => c.start));
  const organizationStarts = startsOf("organization");
  const patterns = [
    ...placesBeforeKnownPlaces(text, startsOf("location")),
    ...suffixNames(text, "organization", organizationStarts),
    ...suffixNames(text, "location", organizationStarts),
    ...contextNames(text, known),
    ...pinyinPersons(text),
    ...sites(text),
  ];
  // Names the patterns found need no second opinion: compromise reads only the rest.
  return [...patterns, ...statisticalNames(text, [...known, ...patterns]), ...placesAfterIn(text)];
}
