/**
 * Chinese names no list knows. jieba segments and tags the text; an
 * organisation is a run of name-like words ending in a suffix word (公司, 集团,
 * 厂, 研究院…); a person is a family name plus one or two characters between a
 * title and a reporting verb ("副市长李建华表示"), or a three-character word
 * jieba tags as a person; a place is a jieba place word with an
 * administrative suffix (…市, …县).
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { type Candidate, slugOf } from "./candidate.ts";
import { foldWidth } from "./fold.ts";
import {
  CHINESE_DOUBLE_SURNAMES,
  CHINESE_NAME_FOLLOWERS,
  CHINESE_SURNAMES,
  CHINESE_TITLES,
} from "./lexicon.ts";

// Loading the dictionary takes a moment; do it once, at import, so enrich stays synchronous.
const jieba = Jieba.withDict(dict);

interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

/** Tags the script-folded text, whose offsets are the original's. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let cursor = 0;
  for (const { word, tag } of jieba.tag(text)) {
    const start = text.indexOf(word, cursor);
    if (start < 0) continue;
    cursor = start + word.length;
    tokens.push({ word, tag, start, end: cursor });
  }
  return tokens;
}

const ORG_SUFFIX =
  /(?:公司|集团|厂|研究院|研究所|研究中心|大学|学院|协会|委员会|联合会|商会|银行)$/u;
const LEGAL_SUFFIX = /(?:股份有限公司|有限责任公司|有限公司)$/u;
const PROPER_TAGS = new Set(["ns", "nr", "nrt", "nrfg", "nt", "nz", "j", "eng"]);
/** Words before a suffix that make it a reference, not a name: "该公司", "子公司". */
const NOT_A_NAME = /^(?:该|本|子|分|总|母|各|其|这家|一家|多家|两家|上市|此)/u;

const isDigitToken = (t: Token) => /^[0-9０-９]+$/u.test(t.word);
/** Words that end the run of words in front of a suffix: punctuation, 的, pronouns, prepositions… */
const HARD_STOP_TAGS = new Set([
  "x",
  "uj",
  "ul",
  "uz",
  "ug",
  "ud",
  "u",
  "r",
  "p",
  "d",
  "t",
  "y",
  "e",
  "o",
  "f",
  "q",
]);
const isStop = (t: Token) =>
  (HARD_STOP_TAGS.has(t.tag) && !isDigitToken(t)) || (t.tag === "m" && !isDigitToken(t));
const isProper = (t: Token) => PROPER_TAGS.has(t.tag) || isDigitToken(t);
const MAX_NAME_TOKENS = 10;

/**
 * The name in front of a suffix word: walk back to a stop word or a known
 * organisation (a parent, not part of this name), then start at the first
 * proper noun, since Chinese company names open with a place or a brand
 * ("四川润和催化新材料股份有限公司", "上海跃龙化工厂").
 */
function nameBefore(tokens: Token[], suffixIndex: number, kbOrgEnds: Set<number>): Token[] | null {
  let first = suffixIndex;
  while (first > 0 && suffixIndex - first < MAX_NAME_TOKENS) {
    const prev = tokens[first - 1];
    if (!prev || isStop(prev) || kbOrgEnds.has(prev.end)) break;
    first--;
  }
  const run = tokens.slice(first, suffixIndex + 1);
  const opening = run.findIndex(isProper);
  if (opening < 0 || opening === run.length - 1) return null;
  return run.slice(opening);
}

function organizations(text: string, tokens: Token[], kbOrgEnds: Set<number>): Candidate[] {
  const found: Candidate[] = [];
  tokens.forEach((token, i) => {
    if (!ORG_SUFFIX.test(token.word)) return;
    const words = nameBefore(tokens, i, kbOrgEnds);
    const start = words?.[0]?.start;
    if (!words || start === undefined) return;
    const surface = text.slice(start, token.end);
    if (NOT_A_NAME.test(surface) || surface.length > 30) return;
    const name = surface.replace(LEGAL_SUFFIX, "") || surface;
    found.push({
      start,
      end: token.end,
      id: `org:${slugOf(name)}`,
      type: "organization",
      name: surface,
      names: { zh: surface },
      source: "pattern",
    });
  });
  return found;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const SURNAME = `(?:${CHINESE_DOUBLE_SURNAMES.join("|")}|[${CHINESE_SURNAMES}])`;
const TITLES = CHINESE_TITLES.map(escapeRegExp)
  .sort((a, b) => b.length - a.length)
  .join("|");
const FOLLOWERS = CHINESE_NAME_FOLLOWERS.map(escapeRegExp).join("|");
const TITLED_PERSON = new RegExp(
  `(?<=${TITLES})(?<name>${SURNAME}[\\u4e00-\\u9fff]{1,2}?)(?=${FOLLOWERS}|${TITLES})`,
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
    .filter(
      (t) => t.tag === "nr" && t.word.length === 3 && new RegExp(`^${SURNAME}`, "u").test(t.word),
    )
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
      if (!prev || !/^n[srz]?$/.test(prev.tag)) break;
      first--;
    }
    const run = tokens.slice(first, i);
    const start = run[0]?.start;
    if (start !== undefined && run.some((w) => w.tag !== "n"))
      found.push(place(text, start, t.start));
  });
  return found;
}

/** Where knowledge-base names end, so that new names neither swallow nor ignore them. */
export interface KnownSpans {
  organizationEnds: Set<number>;
  locationEnds: Set<number>;
}

export function findChineseNames(
  text: string,
  known: KnownSpans = { organizationEnds: new Set(), locationEnds: new Set() },
): Candidate[] {
  if (!/[\u4e00-\u9fff]/u.test(text)) return [];
  const folded = foldWidth(text);
  const tokens = tokenize(folded);
  const found = [
    ...organizations(folded, tokens, known.organizationEnds),
    ...persons(folded, tokens),
    ...places(folded, tokens, known.locationEnds),
  ];
  // Ids come from the Simplified form; the mention and the Chinese name keep the original script.
  return found.map((c) => {
    const surface = text.slice(c.start, c.end);
    return { ...c, name: surface, names: { zh: surface } };
  });
}
