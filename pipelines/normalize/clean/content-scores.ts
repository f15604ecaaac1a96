/**
 * Evidence per text unit and per element, weighed together: a unit scores by
 * its length (CJK characters count for more, since one carries about a word),
 * its sentence punctuation and its link density; an element sums the scores
 * of the units below it. Class/id hints and comment headings do not delete
 * anything: they only change how much an element's text counts for its
 * ancestors, so a container whose name looks like chrome can still be chosen
 * when it is where the prose is.
 */
import type { Element } from "domhandler";
import { type HintKind, hintOf } from "./node-hints.ts";
import type { TextUnit } from "./text-units.ts";

export interface ElementStats {
  /** Net score: prose minus link lists and crumbs, with side parts damped. */
  raw: number;
  /** Positive prose score, not counting comment threads and boilerplate below. */
  mass: number;
  /** Characters of units below it. */
  chars: number;
  linkChars: number;
  firstUnit: number;
  kind: HintKind;
  /** Positive prose score below it, nothing damped. */
  gross: number;
  /**
   * A comment thread or boilerplate block holding a minor part of the page's
   * prose: its text counts for nothing above it and it is never the article.
   * Named like one but holding most of the prose, it is a layout wrapper and counts as neutral.
   */
  demoted: boolean;
  /** It or an ancestor is demoted. */
  inDemoted: boolean;
  /** Index in document order and end of its subtree, to test containment cheaply. */
  order: number;
  end: number;
}

const cjk = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;
/** Whether a line ends like a sentence (or a quoted one). */
export const sentenceEnd = /[.!?。！？…"”»」)）؟।]$/;
// Colons are left out: "Label: value" lines are fields, not sentences.
const sentencePunct = /[.!?;,。！？；，、،؛؟।]/g;
const commentHeading =
  /^(\d+\s+)?(comments?|reader comments|leave a (reply|comment)|post a comment|conversation|discussion|responses?|reactions?|kommentare?|diskussion|leserkommentare|commentaires?|réagir|réactions?|comentarios?|comentários|commenti|reacties|комментари[йи]|评论|网友评论|发表评论|跟贴|留言|コメント)(\s*[(（]?\d+[)）]?)?\s*[:：]?$/i;

/** The effective length of a text: CJK characters count three times. */
export function effectiveLength(text: string): number {
  return text.length + 2 * (text.match(cjk)?.length ?? 0);
}

/** How much a unit looks like article prose (positive) or like chrome (negative). */
export function unitScore(u: TextUnit): number {
  if (u.heading) return 0;
  const len = effectiveLength(u.text);
  const density = u.linkChars / Math.max(1, u.text.length);
  if (density > 0.5) return -Math.min(3, Math.max(0.3, len / 80));
  // A short sentence is still a sentence; a short crumb ("Menu", "Nov 2") is chrome.
  // Unlinked short cells and items are data (a table in the story), neither prose nor chrome.
  if (len < 25) return sentenceEnd.test(u.text) ? 0.1 : u.cell || u.listItem ? 0 : -0.3;
  const punct = Math.min(6, u.text.match(sentencePunct)?.length ?? 0);
  let score = (Math.min(len, 900) / 100 + punct * 0.3) * (1 - density);
  // Short lines without punctuation are labels, bylines and menu entries.
  if (len < 80 && punct === 0) score *= 0.3;
  if (u.figure) score *= 0.2;
  return score;
}

/** Whether a short unit is the heading of a comment thread ("3 Comments", "网友评论"). */
export function isCommentHeading(u: TextUnit): boolean {
  return u.text.length <= 40 && commentHeading.test(u.text);
}

export interface PageScores {
  elements: Element[];
  stats: Map<Element, ElementStats>;
  unitScores: number[];
  units: TextUnit[];
}

const anchorBoost = 2;
const anchoredUnits = 4;

function underSidePart(el: Element): boolean {
  let node: Element | null = el;
  for (let depth = 0; node !== null && depth < 12; depth++) {
    const kind = hintOf(node);
    // Not comment threads: they never come straight after the title, story wrappers called
    // "commentable" do.
    if (kind === "boilerplate" || kind === "peripheral") return true;
    const parent: unknown = node.parent;
    node =
      parent !== null && typeof parent === "object" && "attribs" in parent
        ? (parent as Element)
        : null;
  }
  return false;
}

/**
 * The story starts right under its title: the first few prose units after the
 * heading that carries the page title count double, so a short story is not
 * outweighed by a rail of excerpts beside it.
 */
function boostAfterTitle(units: TextUnit[], scores: number[], anchor: number): number {
  let boosted = 0;
  let first = -1;
  for (let i = anchor + 1; i < units.length && i <= anchor + 40 && boosted < anchoredUnits; i++) {
    const u = units[i];
    const score = scores[i] ?? 0;
    if (u === undefined) break;
    if (u.heading && /^h[12]$/.test(u.owner.name)) break;
    if (score <= 0.5 || underSidePart(u.owner)) continue;
    scores[i] = score * anchorBoost;
    if (first === -1) first = i;
    boosted++;
  }
  return first;
}

/** The elements holding a unit: its owner and every ancestor. */
function holders(unit: TextUnit | undefined): Set<unknown> {
  const out = new Set<unknown>();
  for (let node: unknown = unit?.owner; node !== null && node !== undefined; ) {
    out.add(node);
    node = (node as { parent: unknown }).parent;
  }
  return out;
}

/**
 * Scores every unit and sums them up the tree in bottom-up passes (no
 * recursion); `anchor` is the index of the unit that carries the page title.
 */
export function scorePage(elements: Element[], units: TextUnit[], anchor = -1): PageScores {
  const stats = new Map<Element, ElementStats>();
  elements.forEach((el, order) => {
    stats.set(el, {
      raw: 0,
      mass: 0,
      chars: 0,
      linkChars: 0,
      firstUnit: Number.POSITIVE_INFINITY,
      kind: hintOf(el),
      gross: 0,
      demoted: false,
      inDemoted: false,
      order,
      end: order,
    });
  });
  const unitScores = units.map(unitScore);
  const firstBoosted = anchor >= 0 ? boostAfterTitle(units, unitScores, anchor) : -1;
  // Whatever holds the title or the start of the story is never demoted, whatever its name.
  const storyHolders = new Set([...holders(units[anchor]), ...holders(units[firstBoosted])]);
  units.forEach((u, i) => {
    const s = stats.get(u.owner);
    if (s === undefined) return;
    const score = unitScores[i] ?? 0;
    s.raw += score;
    if (score > 0) {
      s.mass += score;
      s.gross += score;
    }
    s.chars += u.text.length;
    s.linkChars += u.linkChars;
    if (i < s.firstUnit) s.firstUnit = i;
  });
  // A comment heading marks the block it opens as a comment thread.
  units.forEach((u, i) => {
    if (!isCommentHeading(u)) return;
    const block = u.heading || u.owner.children.length <= 1 ? u.owner.parent : u.owner;
    const s = block && "attribs" in block ? stats.get(block as Element) : undefined;
    if (s !== undefined && i <= s.firstUnit + 1) s.kind = "comment";
  });
  const parentStats = (el: Element | undefined) => {
    const parent = el?.parent;
    return parent && "attribs" in parent ? stats.get(parent as Element) : undefined;
  };
  // Pass 1, bottom-up: extents, characters and undamped prose.
  for (let i = elements.length - 1; i >= 0; i--) {
    const el = elements[i];
    const s = el ? stats.get(el) : undefined;
    const p = parentStats(el);
    if (s === undefined || p === undefined) continue;
    if (s.end > p.end) p.end = s.end;
    p.chars += s.chars;
    p.linkChars += s.linkChars;
    p.gross += s.gross;
    p.firstUnit = Math.min(p.firstUnit, s.firstUnit);
  }
  const pageGross = (elements[0] ? stats.get(elements[0])?.gross : undefined) ?? 0;
  // A boilerplate-named block with most of the prose is a layout wrapper ("l-outer--nav");
  // a comment thread is only taken for the story's wrapper when it holds nearly all of it.
  for (const [el, s] of stats) {
    if (storyHolders.has(el)) continue;
    if (s.kind === "comment") s.demoted = s.gross < 0.9 * pageGross;
    if (s.kind === "boilerplate") s.demoted = s.gross < 0.5 * pageGross;
  }
  // Pass 2, bottom-up: net evidence, side parts damped, demoted blocks adding only their link lists.
  for (let i = elements.length - 1; i >= 0; i--) {
    const el = elements[i];
    const s = el ? stats.get(el) : undefined;
    const p = parentStats(el);
    if (s === undefined || p === undefined) continue;
    if (s.demoted) {
      p.raw += Math.min(0, s.raw);
    } else if (s.kind === "peripheral") {
      p.raw += s.raw > 0 ? 0.3 * s.raw : s.raw;
      p.mass += 0.3 * s.mass;
    } else {
      p.raw += s.raw;
      p.mass += s.mass;
    }
  }
  // Top-down: whether an element sits in a demoted block.
  for (const el of elements) {
    const s = stats.get(el);
    if (s !== undefined) s.inDemoted = s.demoted || (parentStats(el)?.inDemoted ?? false);
  }
  return { elements, stats, unitScores, units };
}

/** Whether `inner` is `outer` or lies inside it. */
export function contains(outer: ElementStats, inner: ElementStats): boolean {
  return inner.order >= outer.order && inner.order <= outer.end;
}
