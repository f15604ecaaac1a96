/**
 * Chinese names no list knows. jieba segments and tags the text; an
 * organisation is a run of name-like words ending in a suffix word (公司, 集团,
 * 厂, 研究院…); a person is a family name plus one or two characters between a
 * title and a reporting verb ("副市长李建华表示"), or a three-character word
 * jieba tags as a person; a place is a jieba place word with an
 * administrative suffix (…市, …县).
 */

import { HAN_RANGES, hasHan } from "../../shared/text/han.ts";
import { type Candidate, slugOf } from "./candidate.ts";
import { foldWidth } from "./fold.ts";
import {
  CHINESE_DOUBLE_SURNAMES,
  CHINESE_NAME_FOLLOWERS,
  CHINESE_SURNAMES,
  CHINESE_TITLES,
} from "./lexicon.ts";
import { chineseOrganizations } from "./org-names-zh.ts";
import { type Token, tokenize } from "./segment-zh.ts";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const SURNAME = `(?:${CHINESE_DOUBLE_SURNAMES.join("|")}|[${CHINESE_SURNAMES}])`;
const TITLES = CHINESE_TITLES.map(escapeRegExp)
  .sort((a, b) => b.length - a.length)
  .join("|");
const STARTS_WITH_SURNAME = new RegExp(`^${SURNAME}`, "u");
const FOLLOWERS = CHINESE_NAME_FOLLOWERS.map(escapeRegExp).join("|");
const TITLED_PERSON = new RegExp(
  `(?<=${TITLES})(?<name>${SURNAME}[${HAN_RANGES}]{1,2}?)(?=${FOLLOWERS}|${TITLES})`,
  "gu",
);

function person(surface: string, start: number, source: Candidate["source"]): Candidate {
  return {
    start,
    end: start + surface.length,
    id: `per:${slugOf(surface)}`,
    type: "person",
    name: surface,
    names: { zh: surface },
    source,
  };
}

function persons(text: string, tokens: Token[]): Candidate[] {
  const titled = [...text.matchAll(TITLED_PERSON)].map((m) => person(m[0], m.index, "pattern"));
  const tagged = tokens
    .filter((t) => t.tag === "nr" && t.word.length === 3 && STARTS_WITH_SURNAME.test(t.word))
    .map((t) => person(t.word, t.start, "ner"));
  return [...titled, ...tagged];
}

function place(text: string, start: number, end: number): Candidate {
  const surface = text.slice(start, end);
  return {
    start,
    end,
    id: `loc:${slugOf(surface)}`,
    type: "location",
    name: surface,
    names: { zh: surface },
    source: "ner",
  };
}

const MINE_WORD = /^(?:稀土矿|矿区|矿山|矿床|铁矿|稀土矿区)$/u;

/**
 * Places jieba tags and context confirms: a place word with an administrative
 * suffix ("凉山州"), a place word right after a known place ("福建长汀"), and
 * the name in front of a mine word ("牦牛坪稀土矿").
 */
function places(text: string, tokens: Token[], kbPlaceEnds: Set<number>): Candidate[] {
  const found: Candidate[] = [];
  tokens.forEach((t, i) => {
    const administrative = t.word.length >= 3 && /[省市县区州镇乡村旗盟]$/u.test(t.word);
    if (t.tag === "ns" && (administrative || (t.word.length >= 2 && kbPlaceEnds.has(t.start)))) {
      found.push(place(text, t.start, t.end));
    }
    if (!MINE_WORD.test(t.word)) return;
    let first = i;
    while (first > 0 && i - first < 3) {
      const prev = tokens[first - 1];
      if (!prev || !/^(?:n[srz]?|s)$/.test(prev.tag)) break;
      first--;
    }
    const run = tokens.slice(first, i);
    const start = run[0]?.start;
    if (start !== undefined && run.some((w) => w.tag !== "n"))
      found.push(place(text, start, t.start));
  });
  return found;
}

/** `known`: the knowledge-base names found in the text, which new names build on or stop at. */
export function findChineseNames(text: string, known: Candidate[] = []): Candidate[] {
  if (!hasHan(text)) return [];
  const folded = foldWidth(text);
  const tokens = tokenize(folded);
  const organizations = known.filter((c) => c.type === "organization");
  const spans = {
    // Matches come sorted by start, so the first one ending at an offset is the longest.
    organizationStartByEnd: new Map(organizations.toReversed().map((c) => [c.end, c.start])),
    organizationEnds: new Set(organizations.map((c) => c.end)),
    locationEnds: new Set(known.filter((c) => c.type === "location").map((c) => c.end)),
  };
  const found = [
    ...chineseOrganizations(folded, tokens, spans),
    ...persons(folded, tokens),
    ...places(folded, tokens, spans.locationEnds),
  ];
  // Ids come from the Simplified form; the mention and the Chinese name keep the original script.
  return found.map((c) => {
    const surface = text.slice(c.start, c.end);
    return { ...c, name: surface, names: { zh: surface } };
  });
}
