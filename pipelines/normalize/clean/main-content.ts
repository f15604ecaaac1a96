/**
 * Main-content detection on a scored page: the element whose subtree holds
 * the most article evidence, narrowed to one story when several <article>s
 * sit together, then read out unit by unit without the side parts inside it
 * (comment threads, related boxes, share bars, captions, link lists) — each of
 * those dropped only when it is a minor part of the chosen element, so a
 * mislabelled container never takes the article with it.
 */
import type { Element } from "domhandler";
import { isChromeLine } from "./chrome-lines.ts";
import {
  contains,
  type ElementStats,
  effectiveLength,
  type PageScores,
  sentenceEnd,
} from "./content-scores.ts";
import { textOf } from "./html-dom.ts";
import { isPortalLine } from "./portal-lines.ts";
import type { TextUnit } from "./text-units.ts";

const captionWords =
  /(^|\s)(caption|credit|credits|wp-caption-text|photo-credit|image-credit)(\s|$)/i;

function statsOf(scores: PageScores, el: Element): ElementStats | undefined {
  return scores.stats.get(el);
}

// Hints scale an element's evidence rather than add to it, so they weigh the
// same on a short page as on a long one, and never outweigh the text itself.
const kindFactor: Record<ElementStats["kind"], number> = {
  content: 1.1,
  neutral: 1,
  peripheral: 0.9,
  boilerplate: 0.7,
  comment: 0.5,
};

function candidateScore(el: Element, s: ElementStats): number {
  let score = s.raw * kindFactor[s.kind];
  if (el.name === "article") score *= 1.1;
  if (el.name === "main" || el.attribs.role === "main") score *= 1.05;
  if (el.attribs.itemprop === "articleBody") score *= 1.2;
  return score;
}

/**
 * The element with the most article evidence below it; ties go to the deeper
 * one. Comment threads and boilerplate blocks are candidates only on a page
 * that has no other prose.
 */
export function bestCandidate(scores: PageScores): Element | null {
  for (const allowDemoted of [false, true]) {
    let best: Element | null = null;
    let bestScore = 0;
    for (const el of scores.elements) {
      const s = statsOf(scores, el);
      if (s === undefined || s.mass <= 0 || (s.inDemoted && !allowDemoted)) continue;
      const score = candidateScore(el, s);
      if (score >= bestScore) {
        best = el;
        bestScore = score;
      }
    }
    if (best !== null) return best;
  }
  return null;
}

function linkDensity(s: ElementStats): number {
  return s.linkChars / Math.max(1, s.chars);
}

/** The largest unit score inside `outer` but outside `inner`, demoted blocks not counted. */
function strongestOutside(scores: PageScores, outer: ElementStats, inner: ElementStats): number {
  let outside = 0;
  scores.units.forEach((u, i) => {
    const os = statsOf(scores, u.owner);
    if (os !== undefined && !os.inDemoted && contains(outer, os) && !contains(inner, os))
      outside = Math.max(outside, scores.unitScores[i] ?? 0);
  });
  return outside;
}

/**
 * Steps down from a candidate into the child that holds most of its prose
 * when what is left beside it is either crumbs (labels, "当前位置" lines,
 * print links) or cards (excerpts under linked headings, several times as
 * link-dense as the story). A lead paragraph beside the body keeps the wider element.
 */
export function tighten(scores: PageScores, start: Element): Element {
  let el = start;
  for (;;) {
    const s = statsOf(scores, el);
    if (s === undefined || s.mass <= 0) return el;
    const kids: Array<{ el: Element; s: ElementStats }> = [];
    for (const kid of el.children) {
      const ks = "attribs" in kid ? statsOf(scores, kid as Element) : undefined;
      if (ks !== undefined && ks.mass > 0) kids.push({ el: kid as Element, s: ks });
    }
    kids.sort((a, b) => b.s.mass - a.s.mass);
    const [best, ...rest] = kids;
    if (best === undefined || best.s.mass < 0.5 * s.mass) return el;
    const cardLike = (k: { s: ElementStats }) =>
      k.s.mass < 0.1 * s.mass || linkDensity(k.s) >= Math.max(0.15, 2 * linkDensity(best.s));
    const crumbs = best.s.mass >= 0.8 * s.mass && strongestOutside(scores, s, best.s) < 1.5;
    if (!crumbs && !rest.every(cardLike)) return el;
    el = best.el;
  }
}

/**
 * Steps up from a candidate while its parent holds nearly as much net
 * evidence and a real paragraph beside it (a standfirst above the body, the
 * second half of a split story): a content-like class name on the body
 * container must not cost the lead.
 */
export function widen(scores: PageScores, start: Element): Element {
  let el = start;
  for (;;) {
    const s = statsOf(scores, el);
    const parent = el.parent as Element | null;
    const ps = parent === null ? undefined : statsOf(scores, parent);
    // Some net loss is allowed: link lists beside the story cost evidence but are dropped on read-out.
    if (s === undefined || parent === null || ps === undefined || ps.raw < 0.7 * s.raw) return el;
    if (strongestOutside(scores, ps, s) < 1.5) return el;
    el = parent;
  }
}

function hanShare(el: Element): number {
  const text = textOf(el);
  return (effectiveLength(text) - text.length) / Math.max(1, 2 * text.length);
}

function mixedScripts(stories: readonly Element[]): boolean {
  const shares = stories.map(hanShare);
  return Math.max(...shares) > 0.5 && Math.min(...shares) < 0.1;
}

function normalizedTitle(t: string): string {
  return t.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Index of the heading unit that carries the page title (else the first <h1>), or -1. */
export function titleUnit(units: readonly TextUnit[], title: string | null): number {
  const wanted = title === null ? "" : normalizedTitle(title);
  const matches = (text: string) => {
    const h = normalizedTitle(text);
    return wanted !== "" && h.length > 5 && (wanted.includes(h) || h.includes(wanted));
  };
  const titled = units.findIndex((u) => u.heading && matches(u.text));
  return titled !== -1 ? titled : units.findIndex((u) => u.heading && u.owner.name === "h1");
}

/**
 * Several <article>s in the chosen element: teasers around a story, or an
 * infinite-scroll stream of stories. Take the one story that holds most of
 * the prose, or the story that carries the page's title; without either,
 * keep them all (a blog's list of posts).
 */
export function narrowToStory(
  scores: PageScores,
  root: Element,
  title: string | null,
): { story: Element; others: Element[] } {
  const r = statsOf(scores, root);
  if (r === undefined || r.mass <= 0) return { story: root, others: [] };
  const articles: Element[] = [];
  for (const el of scores.elements) {
    const s = statsOf(scores, el);
    if (s === undefined || el === root || !contains(r, s)) continue;
    if (el.name !== "article") continue;
    const outer = articles.find((a) => {
      const as = statsOf(scores, a);
      return as !== undefined && contains(as, s);
    });
    if (outer === undefined) articles.push(el);
  }
  const substantial = articles.filter((a) => (statsOf(scores, a)?.mass ?? 0) >= 0.25 * r.mass);
  if (substantial.length === 1) {
    const only = substantial[0];
    const story =
      only !== undefined && (statsOf(scores, only)?.mass ?? 0) >= 0.6 * r.mass ? only : root;
    return { story, others: [] };
  }
  if (substantial.length < 2) return { story: root, others: [] };
  // Stories in different scripts side by side are a bilingual article: the language stage splits it.
  if (mixedScripts(substantial)) return { story: root, others: [] };
  const pick = (story: Element) => ({ story, others: substantial.filter((a) => a !== story) });
  if (title !== null) {
    const wanted = normalizedTitle(title);
    const titled = substantial.find((a) => {
      for (const el of scores.elements) {
        const s = statsOf(scores, el);
        const as = statsOf(scores, a);
        if (s === undefined || as === undefined || !contains(as, s)) continue;
        if (!/^h[1-3]$/.test(el.name)) continue;
        const h = normalizedTitle(textOf(el));
        if (h.length > 5 && (wanted.includes(h) || h.includes(wanted))) return true;
      }
      return false;
    });
    if (titled !== undefined) return pick(titled);
  }
  // No story carries the title: a list of posts, all of which may be the content.
  return { story: root, others: [] };
}

function dropsElement(el: Element, s: ElementStats, root: ElementStats): boolean {
  const share = s.mass / Math.max(1e-9, root.mass);
  if (el.name === "figure" || el.name === "figcaption") return true;
  if (s.demoted) return true;
  // A thread is dropped unless it is nearly all of the chosen element (a mislabelled story container).
  if (s.kind === "comment") return share < 0.9 || s.mass === 0;
  if (s.kind === "boilerplate") return share < 0.5;
  if (el.name === "nav" || el.name === "aside" || el.name === "footer" || el.name === "form")
    return share < 0.5;
  if (s.kind === "peripheral") return share < 0.2;
  return false;
}

/** The paragraphs of the chosen element, without the side parts inside it. */
export function readOut(scores: PageScores, root: Element): string[] {
  const r = statsOf(scores, root);
  if (r === undefined) return [];
  const dropped = new Set<Element>();
  for (let i = r.order + 1; i <= r.end; i++) {
    const el = scores.elements[i];
    const s = el ? statsOf(scores, el) : undefined;
    if (el === undefined || s === undefined) continue;
    const parent = el.parent as Element | null;
    if ((parent !== null && dropped.has(parent)) || dropsElement(el, s, r)) dropped.add(el);
  }
  const out: string[] = [];
  const weak: boolean[] = [];
  scores.units.forEach((u, i) => {
    const s = statsOf(scores, u.owner);
    if (s === undefined || !contains(r, s) || dropped.has(u.owner)) return;
    if (u.figure || captionWords.test(u.owner.attribs.class ?? "")) return;
    const density = u.linkChars / Math.max(1, u.text.length);
    if (density > 0.5 && effectiveLength(u.text) < 200) return;
    if (isChromeLine(u.text)) return;
    // Portal editor/source lines stay for takePortalLines, which turns them into fields.
    if (isPortalLine(u.text)) {
      out.push(u.text);
      weak.push(false);
      return;
    }
    const crumb =
      !u.listItem && !u.cell && (scores.unitScores[i] ?? 0) < 0.5 && !sentenceEnd.test(u.text);
    // Short crumbs without sentence punctuation ("Advertisement", "Share this") are chrome.
    if (crumb && (scores.unitScores[i] ?? 0) < 0) return;
    out.push(u.text);
    weak.push(u.heading || crumb);
  });
  // Headings and crumbs after the last real line head the page's tail ("Who is online"), not the story.
  while (out.length > 1 && weak[weak.length - 1] === true) {
    out.pop();
    weak.pop();
  }
  return out;
}

/**
 * Characters of the page's article-like prose: units that score as prose,
 * outside demoted comment threads and boilerplate blocks and outside other
 * stories set aside on purpose.
 */
export function proseChars(scores: PageScores, setAside: readonly Element[], minScore = 1): number {
  let chars = 0;
  const excluded = new Set<Element>(setAside);
  for (const el of scores.elements) {
    const s = statsOf(scores, el);
    const parent = el.parent as Element | null;
    if ((parent !== null && excluded.has(parent)) || s?.inDemoted) excluded.add(el);
  }
  scores.units.forEach((u, i) => {
    if ((scores.unitScores[i] ?? 0) >= minScore && !excluded.has(u.owner)) chars += u.text.length;
  });
  return chars;
}
