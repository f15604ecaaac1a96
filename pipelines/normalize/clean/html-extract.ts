/**
 * HTML → main text and metadata, as a cascade of methods that each weigh
 * evidence instead of vetoing on a class name (see README.md beside this
 * file for the call chain and the measurements):
 *
 * 1. the element with the most article evidence (scored text units, link
 *    density, hints), narrowed to one story, read out without side parts;
 * 2. when that holds much less text than the page's article-like prose,
 *    Mozilla Readability, which merges sibling blocks;
 * 3. JSON-LD `articleBody` when the markup shows under 40 % of it (or
 *    nothing), then every prose unit of the page: a page with paragraphs of
 *    prose never comes out empty.
 *
 * A page with no text at all (all script) or too large to be an article is a
 * PermanentError with its reason.
 */
import * as cheerio from "cheerio";
import { type Document, Element } from "domhandler";
import { PermanentError } from "../../../shared/errors.ts";
import { scorePage } from "./content-scores.ts";
import { findElements, parseHtml } from "./html-dom.ts";
import { type HtmlMetadata, type PageHints, pageMetadata } from "./html-metadata.ts";
import {
  bestCandidate,
  narrowToStory,
  proseChars,
  readOut,
  tighten,
  titleUnit,
  widen,
} from "./main-content.ts";
import { takePortalLines } from "./portal-lines.ts";
import { readabilityParagraphs } from "./readability-fallback.ts";
import { collectUnits, skippedTags } from "./text-units.ts";

export type { HtmlMetadata } from "./html-metadata.ts";

export type ExtractMethod = "dom" | "readability" | "json-ld" | "all-prose" | "none";

export interface HtmlExtract {
  paragraphs: string[];
  meta: HtmlMetadata;
  hints: PageHints;
  /** Metadata lines taken out of the body (a portal's 责任编辑 or 来源). */
  fields: Record<string, string>;
  method: ExtractMethod;
}

// Below this share of the page's prose, the chosen element probably missed part of the story.
const enoughShare = 0.4;
const maxFallbackChars = 1_000_000;
const hiddenAttr = /\shidden(?=[\s>=/])/i;

/**
 * Readability's result replaces ours when it is longer and either keeps most
 * of what we found (it widened our pick) or ours is a small part of the
 * page's prose (we picked the wrong block). Longer alone is not enough: it
 * may only have added comments.
 */
function betterFallback(ours: string[], theirs: string[], prose: number): boolean {
  const mine = charsOf(ours);
  if (charsOf(theirs) <= mine) return false;
  if (mine < 0.25 * prose) return true;
  const joined = theirs.join("\n");
  const covered = ours.reduce((n, p) => n + (joined.includes(p) ? p.length : 0), 0);
  return covered >= 0.6 * mine;
}

function charsOf(paragraphs: readonly string[]): number {
  return paragraphs.reduce((n, p) => n + p.length, 0);
}

/** The page's <body>; a fragment without one gets a stand-in body around its nodes. */
function bodyOf(root: Document): Element {
  const [body] = findElements(root, (el) => el.name === "body");
  if (body !== undefined) return body;
  const standIn = new Element("body", {}, root.children);
  for (const child of root.children) child.parent = standIn;
  return standIn;
}

function mainMethod(body: Element, title: string | null) {
  const elements = findElements(body, (el) => !skippedTags.has(el.name), true);
  const units = collectUnits(body);
  const scores = scorePage(elements, units, titleUnit(units, title));
  const candidate = bestCandidate(scores);
  const narrowed =
    candidate === null ? null : narrowToStory(scores, widen(scores, candidate), title);
  const story = narrowed === null ? null : tighten(scores, narrowed.story);
  return {
    units,
    scores,
    paragraphs: story === null ? [] : readOut(scores, story),
    prose: proseChars(scores, narrowed?.others ?? []),
  };
}

/** Extracts the article paragraphs, metadata and page hints from an HTML page. */
export function extractHtml(html: string): HtmlExtract {
  const { dom, capped } = parseHtml(html);
  const { meta, hints } = pageMetadata(dom);
  // Hidden parts are not read by a person either; scripts and styles are skipped by the walk.
  // The test on the markup spares the selector walk on the many pages without any.
  if (hiddenAttr.test(capped)) cheerio.load(dom)("[hidden]").remove();
  const main = mainMethod(bodyOf(dom), meta.title);
  let paragraphs = main.paragraphs;
  let method: ExtractMethod = "dom";
  // Readability walks its DOM many times over: on a huge page it would blow the time budget.
  const fallbackAffordable = capped.length <= maxFallbackChars;
  if (fallbackAffordable && charsOf(paragraphs) < enoughShare * main.prose) {
    const fallback = readabilityParagraphs(capped);
    if (betterFallback(paragraphs, fallback, main.prose)) {
      paragraphs = fallback;
      method = "readability";
    }
  }
  // The page's own JSON-LD body, when what the markup shows is a small part of it
  // (a script-rendered page, a teaser in the markup and the full text in the data).
  const declared = (hints.articleBody ?? "")
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const short = charsOf(declared) > 200 && charsOf(paragraphs) < 0.4 * charsOf(declared);
  if (declared.length > 0 && (paragraphs.length === 0 || short)) {
    paragraphs = declared;
    method = "json-ld";
  }
  if (paragraphs.length === 0) {
    // Whatever prose the page has, else whatever text is not a link list.
    const prose = main.units.filter((_, i) => (main.scores.unitScores[i] ?? 0) > 0);
    const plain = main.units.filter((u) => u.linkChars <= 0.5 * u.text.length && !u.heading);
    paragraphs = (prose.length > 0 ? prose : plain).map((u) => u.text);
    method = paragraphs.length > 0 ? "all-prose" : "none";
  }
  if (paragraphs.length === 0 && main.units.length === 0 && meta.title === null) {
    throw new PermanentError("HTML page has no text outside scripts and markup");
  }
  const portal = takePortalLines(paragraphs);
  paragraphs = portal.paragraphs;
  if (paragraphs[0] !== undefined && paragraphs[0] === meta.title) paragraphs.shift();
  return { paragraphs, meta, hints, fields: portal.fields, method };
}
