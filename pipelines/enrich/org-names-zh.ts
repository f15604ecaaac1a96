/**
 * Chinese organisation names no list knows: a run of words ending in a suffix
 * word (公司, 集团, 厂, 研究院, 厅, 局, 司…), opening at its first proper noun.
 * Known organisations shape the run: a known parent in front is its own
 * entity ("中科院" + "三环新材料研究开发公司"), while a known brand after a
 * place is part of a subsidiary's name ("乐山盛和稀土有限公司").
 */
import { type Candidate, slugOf } from "./candidate.ts";
import type { Token } from "./segment-zh.ts";

const ORG_SUFFIX =
  /(?:公司|集团|厂|研究院|研究所|研究中心|实验室|工程中心|创新中心|大学|学院|协会|委员会|联合会|商会|银行)$/u;
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
/** Government bodies end in a one-character word ("自然资源/厅", "原材料工业/司") or in 海关; "格局" is no bureau. */
const GOVERNMENT_SUFFIX = /^(?:厅|局|司|署|海关|委员会|办公室)$/u;
/** Words jieba already knows as organisations ("税务局/nt") may end a longer name ("包头市税务局"). */
const NT_SUFFIX = /[局署厅会院所部行社委]$/u;
const INSTITUTIONAL = /(?:研究中心|研究院|研究所|实验室|工程中心|创新中心)$/u;

/** Known names in the text: organisations by end offset (to their start), and where places end. */
export interface KnownChineseSpans {
  organizationStartByEnd: Map<number, number>;
  organizationEnds: Set<number>;
  locationEnds: Set<number>;
}

interface Run {
  words: Token[];
  /** The run stopped at a known organisation in front of it: "工业和信息化部" + "原材料工业司". */
  afterParent: boolean;
}

/**
 * Walks back from a suffix word to a stop word or to a known organisation. A
 * known organisation right after a place belongs to the name ("乐山" + "盛和"
 * + "稀土有限公司"); anywhere else it is a parent and ends the walk.
 */
function runBefore(tokens: Token[], suffixIndex: number, known: KnownChineseSpans): Run {
  let first = suffixIndex;
  let afterParent = false;
  while (first > 0 && suffixIndex - first < MAX_NAME_TOKENS) {
    const prev = tokens[first - 1];
    if (!prev || isStop(prev)) break;
    const parentStart = known.organizationStartByEnd.get(prev.end);
    if (parentStart !== undefined) {
      const before = tokens.findLast((t) => t.end <= parentStart);
      const placeInFront =
        known.locationEnds.has(parentStart) || (before?.end === parentStart && before.tag === "ns");
      if (!placeInFront) {
        afterParent = true;
        break;
      }
    }
    first--;
  }
  return { words: tokens.slice(first, suffixIndex + 1), afterParent };
}

/**
 * The name itself starts at the run's first proper noun, since Chinese
 * company names open with a place or a brand ("四川润和催化新材料股份有限公司").
 * Descriptive names without one are accepted for research bodies and for units
 * of a known parent ("离子型稀土绿色开采研究中心", "原材料工业司").
 */
function nameIn(run: Run, governmentSuffix: boolean): Token[] | null {
  // A name never opens with a conjunction or a verb: "商务部和海关总署".
  const lead = run.words.findIndex((t) => !/^[cv]$/.test(t.tag));
  const words = lead < 0 ? [] : run.words.slice(lead);
  // The suffix word itself may carry a proper tag ("司/nr"); only the words before it count.
  const opening = words.slice(0, -1).findIndex(isProper);
  if (opening >= 0) return words.slice(opening);
  if (words.length < 2) return null;
  const ending = words
    .slice(-2)
    .map((t) => t.word)
    .join("");
  if (INSTITUTIONAL.test(ending) && words.length >= 4) return words;
  if (run.afterParent && (governmentSuffix || INSTITUTIONAL.test(ending))) return words;
  return null;
}

/** "德国真空熔炼公司" is a place and a known company, not a new name. */
function isPlaceBeforeKnown(start: number, end: number, known: KnownChineseSpans): boolean {
  const knownStart = known.organizationStartByEnd.get(end);
  return knownStart !== undefined && knownStart > start && known.locationEnds.has(knownStart);
}

/** Chinese organisation names recognised by their suffixes (公司, 研究院, 委员会…). */
export function chineseOrganizations(
  text: string,
  tokens: Token[],
  known: KnownChineseSpans,
): Candidate[] {
  const found: Candidate[] = [];
  tokens.forEach((token, i) => {
    // jieba may cut "研究中心" into "研究" + "中心".
    const split =
      token.word === "中心" && /^(?:研究|工程|创新|技术|研发)$/u.test(tokens[i - 1]?.word ?? "");
    const government =
      GOVERNMENT_SUFFIX.test(token.word) || (token.tag === "nt" && NT_SUFFIX.test(token.word));
    if (!ORG_SUFFIX.test(token.word) && !split && !government) return;
    const words = nameIn(runBefore(tokens, i, known), government);
    const start = words?.[0]?.start;
    if (!words || start === undefined) return;
    const surface = text.slice(start, token.end);
    if (NOT_A_NAME.test(surface) || surface.length > 30) return;
    if (isPlaceBeforeKnown(start, token.end, known)) return;
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
