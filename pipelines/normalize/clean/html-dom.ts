/**
 * Parsing HTML into a light DOM (htmlparser2/domhandler, the tree cheerio
 * works on) within a budget, and walking it without recursion.
 *
 * Two traps of real and hostile pages: recursive walks (cheerio's `.text()`)
 * overflow the stack at a few thousand nested elements, and htmlparser2 keeps
 * its open-element stack with `unshift`, so parsing N nested elements costs
 * N² (100,000 nested <div>s take over ten seconds). A page that nests deeper
 * than the cap is therefore re-parsed from markup with its nesting capped,
 * and every walk here is iterative.
 */
import { type AnyNode, type Document, DomHandler, type Element, isTag, isText } from "domhandler";
import { Parser } from "htmlparser2";
import { PermanentError } from "../../../shared/errors.ts";

/** Larger pages are refused: no news article needs more, and parsing stays well under a second. */
export const maxHtmlChars = 8_000_000;
/** Deeper elements are flattened into their ancestor at this depth; real pages stay below ~60. */
export const maxDepth = 400;

const voidTags = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);
const rawTextTags = new Set(["script", "style", "textarea", "title", "noscript", "template"]);
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isNameChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 58) || c === 45;
}

const LT = 60;
const GT = 62;

/**
 * The first position of a character code at or after `from`, or -1. A plain
 * loop instead of `indexOf`: on Node 22, once the scan below is optimised,
 * `indexOf` on the page's string went from linear to quadratic (50,000
 * unclosed tags: 40 s instead of 50 ms), while this loop stays linear.
 */
function findCode(text: string, code: number, from = 0): number {
  for (let i = from; i < text.length; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

interface Tag {
  start: number;
  end: number;
  name: string;
  closing: boolean;
}

/**
 * The tags of a page in order, found with plain scans rather than a regex: a
 * regex like `<[a-z][^>]*>` rescans to the end of the input from every `<` of
 * an unterminated tag, which is quadratic on hostile input.
 */
function scanTags(html: string, visit: (tag: Tag) => void): void {
  const lower = html.toLowerCase();
  let nextGt = -1;
  let i = findCode(html, LT);
  while (i !== -1) {
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      if (end === -1) return;
      i = findCode(html, LT, end + 3);
      continue;
    }
    let j = i + 1;
    const closing = html[j] === "/";
    if (closing) j++;
    if (!isLetter(html.charCodeAt(j))) {
      i = findCode(html, LT, i + 1);
      continue;
    }
    let k = j + 1;
    while (k < html.length && isNameChar(html.charCodeAt(k))) k++;
    if (nextGt < k) nextGt = findCode(html, GT, k);
    if (nextGt === -1) return;
    const name = lower.slice(j, k);
    visit({ start: i, end: nextGt + 1, name, closing });
    let resume = nextGt + 1;
    if (!closing && rawTextTags.has(name)) {
      const close = lower.indexOf(`</${name}`, resume);
      if (close === -1) return;
      resume = close;
    }
    i = findCode(html, LT, resume);
  }
}

function isVoid(html: string, tag: Tag): boolean {
  return voidTags.has(tag.name) || html[tag.end - 2] === "/";
}

/**
 * Drops open tags (and their matching close tags) nested deeper than `limit`,
 * keeping all text; a dropped tag leaves a space. Approximate (implied end
 * tags are not modelled), which only matters for pages that nest absurdly
 * deep anyway.
 */
export function capNesting(html: string, limit = maxDepth): string {
  let depth = 0;
  let deepest = 0;
  scanTags(html, (tag) => {
    if (isVoid(html, tag)) return;
    depth += tag.closing ? -1 : 1;
    if (depth > deepest) deepest = depth;
  });
  if (deepest <= limit) return html;
  depth = 0;
  const dropped = new Map<string, number>();
  const out: string[] = [];
  let copied = 0;
  const drop = (tag: Tag) => {
    out.push(html.slice(copied, tag.start), " ");
    copied = tag.end;
  };
  scanTags(html, (tag) => {
    if (isVoid(html, tag)) return;
    if (!tag.closing) {
      if (depth >= limit) {
        dropped.set(tag.name, (dropped.get(tag.name) ?? 0) + 1);
        drop(tag);
      } else depth++;
      return;
    }
    const pending = dropped.get(tag.name) ?? 0;
    if (pending > 0) {
      dropped.set(tag.name, pending - 1);
      drop(tag);
    } else depth = Math.max(0, depth - 1);
  });
  out.push(html.slice(copied));
  return out.join("");
}

class TooDeep extends Error {}

/** domhandler's builder, aborting as soon as the open elements nest deeper than the cap. */
class DepthGuard extends DomHandler {
  private depth = 0;
  override onopentag(name: string, attribs: Record<string, string>): void {
    if (++this.depth > maxDepth) throw new TooDeep();
    super.onopentag(name, attribs);
  }
  override onclosetag(): void {
    this.depth--;
    super.onclosetag();
  }
}

function parseWith(html: string): Document {
  const handler = new DepthGuard();
  new Parser(handler, { decodeEntities: true }).end(html);
  return handler.root;
}

/**
 * Parses a page into a DOM, also giving the markup it parsed (nesting-capped
 * when the page nests absurdly deep); throws PermanentError for a page too
 * large to be an article.
 */
export function parseHtml(html: string): { dom: Document; capped: string } {
  if (html.length > maxHtmlChars) {
    throw new PermanentError(
      `HTML page of ${html.length} characters exceeds the ${maxHtmlChars}-character limit`,
    );
  }
  try {
    return { dom: parseWith(html), capped: html };
  } catch (error) {
    // Only pathological pages get here, so the cost of a second, capped parse is theirs alone.
    if (!(error instanceof TooDeep)) throw error;
    const capped = capNesting(html);
    return { dom: parseWith(capped), capped };
  }
}

/** Calls `visit` on every node under `root` in document order; returning false skips a subtree. */
export function walk(root: AnyNode, visit: (node: AnyNode) => boolean | undefined): void {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (visit(node) === false) continue;
    if ("children" in node) {
      const kids = node.children;
      for (let i = kids.length - 1; i >= 0; i--) {
        const kid = kids[i];
        if (kid !== undefined) stack.push(kid);
      }
    }
  }
}

/** The text under a node, whitespace collapsed. */
export function textOf(root: AnyNode): string {
  const parts: string[] = [];
  walk(root, (node) => {
    if (isText(node)) parts.push(node.data);
    return undefined;
  });
  return parts.join("").replace(/\s+/g, " ").trim();
}

/**
 * Every element under `root` (itself included) for which `test` holds, in
 * document order; with `prune`, a failing element's subtree is skipped too.
 */
export function findElements(
  root: AnyNode,
  test: (el: Element) => boolean,
  prune = false,
): Element[] {
  const out: Element[] = [];
  walk(root, (node) => {
    if (!isTag(node)) return undefined;
    if (test(node)) out.push(node);
    else if (prune) return false;
    return undefined;
  });
  return out;
}

/** Detaches a node from its parent (domhandler has no remove()). */
export function detach(node: AnyNode): void {
  const parent = node.parent;
  if (parent === null) return;
  const i = parent.children.indexOf(node);
  if (i !== -1) parent.children.splice(i, 1);
  const prev = node.prev;
  const next = node.next;
  if (prev) prev.next = next;
  if (next) next.prev = prev;
  node.parent = null;
  node.prev = null;
  node.next = null;
}
