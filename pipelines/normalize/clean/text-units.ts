/**
 * A page as a list of text units: each maximal run of inline text inside one
 * block element, split at <br>, so that text sitting directly in a <div>
 * (Blogger, portals' TRS editors) counts as paragraphs just like <p>s do.
 * Each unit knows its block owner, how much of it is link text, and whether
 * it is a heading, a list item or part of a figure.
 */
import { type AnyNode, type Element, isTag, isText } from "domhandler";

export interface TextUnit {
  text: string;
  /** Link text characters within `text`. */
  linkChars: number;
  owner: Element;
  heading: boolean;
  listItem: boolean;
  figure: boolean;
  cell: boolean;
}

const inlineTags = new Set([
  "a",
  "abbr",
  "b",
  "bdi",
  "bdo",
  "big",
  "cite",
  "code",
  "data",
  "del",
  "dfn",
  "em",
  "font",
  "i",
  "ins",
  "kbd",
  "label",
  "mark",
  "nobr",
  "q",
  "s",
  "samp",
  "small",
  "span",
  "strike",
  "strong",
  "sub",
  "sup",
  "time",
  "tt",
  "u",
  "var",
]);
/** Elements whose content is never article text. */
export const skippedTags = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "iframe",
  "object",
  "embed",
  "canvas",
  "button",
  "select",
  "option",
  "input",
  "textarea",
  "head",
  "title",
  "meta",
  "link",
  "amp-ad",
  "amp-sidebar",
  "amp-social-share",
]);

interface Frame {
  node: AnyNode;
  exit: boolean;
}

/** Whether an element is rendered as a block (ends a paragraph) rather than inline. */
export function isBlock(el: Element): boolean {
  return !inlineTags.has(el.name);
}

/** Collects the text units under `root` in document order. */
export function collectUnits(root: AnyNode): TextUnit[] {
  const units: TextUnit[] = [];
  const blocks: Element[] = [];
  let parts: string[] = [];
  let linkChars = 0;
  let linkDepth = 0;
  let heading = 0;
  let listItem = 0;
  let figure = 0;
  let cell = 0;
  const flush = () => {
    const text = parts.join("").replace(/\s+/g, " ").trim();
    const owner = blocks[blocks.length - 1];
    if (text !== "" && owner !== undefined) {
      units.push({
        text,
        linkChars: Math.min(linkChars, text.length),
        owner,
        heading: heading > 0,
        listItem: listItem > 0,
        figure: figure > 0,
        cell: cell > 0,
      });
    }
    parts = [];
    linkChars = 0;
  };
  const counters = (el: Element, d: 1 | -1) => {
    const n = el.name;
    if (/^h[1-6]$/.test(n)) heading += d;
    else if (n === "li" || n === "dd" || n === "dt") listItem += d;
    else if (n === "figure" || n === "figcaption") figure += d;
    else if (n === "td" || n === "th") cell += d;
  };
  if (isTag(root)) blocks.push(root);
  const stack: Frame[] = [];
  const pushChildren = (node: AnyNode) => {
    if (!("children" in node)) return;
    for (let i = node.children.length - 1; i >= 0; i--) {
      const kid = node.children[i];
      if (kid !== undefined) stack.push({ node: kid, exit: false });
    }
  };
  pushChildren(root);
  while (stack.length > 0) {
    const frame = stack.pop();
    if (frame === undefined) break;
    const { node } = frame;
    if (isText(node)) {
      parts.push(node.data);
      // Trimmed length is close enough to the collapsed one for a density.
      if (linkDepth > 0) linkChars += node.data.trim().length;
      continue;
    }
    if (!isTag(node)) continue;
    if (frame.exit) {
      if (node.name === "a") linkDepth--;
      if (isBlock(node)) {
        flush();
        blocks.pop();
        counters(node, -1);
      }
      continue;
    }
    if (skippedTags.has(node.name)) continue;
    if (node.name === "br" || node.name === "hr") {
      flush();
      continue;
    }
    if (node.name === "img") continue;
    stack.push({ node, exit: true });
    if (node.name === "a") linkDepth++;
    if (isBlock(node)) {
      flush();
      blocks.push(node);
      counters(node, 1);
    }
    pushChildren(node);
  }
  flush();
  return units;
}
