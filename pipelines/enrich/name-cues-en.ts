/**
 * English names found by the words around them, where the name itself has no
 * telling shape: "analysts at Project Blue", "Australian miner Lynas",
 * "the Ganzhou-based supplier", "Hyundai Mobis" after the known "Hyundai".
 * All are weak evidence: a knowledge-base name or a suffix pattern wins.
 */
import type { Candidate } from "./candidate.ts";
import { inTitleCaseLine, isDistinctive, isGeneric, unknownName } from "./english-words.ts";
import { CALENDAR_WORDS } from "./lexicon.ts";

const NAME = "[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+){0,3}";

/** Nouns that introduce an organisation's name: "consultancy Project Blue", "miner Lynas". */
const ORG_CUES = new RegExp(
  String.raw`(?<=\b(?:[Aa]nalysts? (?:at|with|from)|[Rr]esearchers? at|[Ee]conomists? at|[Ss]trategists? at|consultancy|research firm|think tank|data provider|price reporting agency|brokerage|miner|producer|refiner|processor|magnet maker|startup|start-up|automaker|carmaker|trading house|subsidiary) )${NAME}(?=[\s,.;:'’)]|$)`,
  "gu",
);

function cueNames(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(ORG_CUES)) {
    const words = m[0].split(/[ -]/);
    if (!isDistinctive(words) || words.some((w) => CALENDAR_WORDS.has(w))) continue;
    if (inTitleCaseLine(text, m.index)) continue;
    found.push(unknownName("organization", m[0], m.index, "ner"));
  }
  return found;
}

/** "the Ganzhou-based supplier": a place. */
function basedPlaces(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(/(?<![A-Za-z-])[A-Z][a-z]{2,}(?=-based\b)/gu)) {
    if (isGeneric(m[0])) continue;
    found.push(unknownName("location", m[0], m.index, "ner"));
  }
  return found;
}

/**
 * "Hyundai Mobis", "Toyota Tsusho": a known organisation followed by one more
 * capitalised word that belongs to no other name is a sister company, not the
 * known one. Generic words ("Chairman", "Group") end the name instead.
 */
function knownOrganizationExtensions(text: string, known: Candidate[]): Candidate[] {
  const knownStarts = new Set(known.map((c) => c.start));
  const found: Candidate[] = [];
  for (const org of known) {
    if (org.type !== "organization" || !/^[A-Z]/.test(text.slice(org.start, org.end))) continue;
    const next = /^ ([A-Z][a-z]{3,})(?=[,.;:)]|\s+[a-z0-9]|$)/u.exec(
      text.slice(org.end, org.end + 40),
    );
    const word = next?.[1];
    if (!word || isGeneric(word) || CALENDAR_WORDS.has(word)) continue;
    if (knownStarts.has(org.end + 1) || inTitleCaseLine(text, org.start)) continue;
    const surface = text.slice(org.start, org.end + 1 + word.length);
    found.push(unknownName("organization", surface, org.start, "pattern"));
  }
  return found;
}

/** Names announced by the words around them ("said …", "Mr …", "… Co., Ltd."), skipping spans already known. */
export function contextNames(text: string, known: Candidate[]): Candidate[] {
  return [...cueNames(text), ...basedPlaces(text), ...knownOrganizationExtensions(text, known)];
}
