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
const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*>|<!--[\s\S]*?-->/g;

/**
 * Drops open tags (and their matching close tags) nested deeper than `limit`,
 * keeping all text. Approximate (implied end tags are not modelled), which
 * only matters for pages that nest absurdly deep anyway.
 */
export function capNesting(html: string, limit = maxDepth): string {
  let depth = 0;
  let deepest = 0;
  tagPattern.lastIndex = 0;
  for (let m = tagPattern.exec(html); m !== null; m = tagPattern.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (name === undefined || voidTags.has(name) || m[0].endsWith("/>")) continue;
    depth += m[1] === "/" ? -1 : 1;
    if (depth > deepest) deepest = depth;
  }
  if (deepest <= limit) return html;
  depth = 0;
  const dropped = new Map<string, number>();
  let rawUntil: string | null = null;
  return html.replace(tagPattern, (tag, slash: string | undefined, rawName: string | undefined) => {
    if (rawName === undefined) return tag;
    const name = rawName.toLowerCase();
    if (rawUntil !== null) {
      if (slash === "/" && name === rawUntil) rawUntil = null;
      return tag;
    }
    if (voidTags.has(name) || tag.endsWith("/>")) return tag;
    if (slash !== "/") {
      if (rawTextTags.has(name)) rawUntil = name;
      if (depth >= limit) {
        dropped.set(name, (dropped.get(name) ?? 0) + 1);
        return " ";
      }
      depth++;
      return tag;
    }
    const pending = dropped.get(name) ?? 0;
    if (pending > 0) {
      dropped.set(name, pending - 1);
      return " ";
    }
    depth = Math.max(0, depth - 1);
    return tag;
  });
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
