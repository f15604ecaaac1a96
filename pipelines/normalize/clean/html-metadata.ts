/**
 * Page metadata from JSON-LD, Open Graph and other <meta> tags, <time> and
 * bylines; the page's declared language (`<html lang>`, `content-language`,
 * `og:locale`) as a prior for the language stage; and a "next page" link when
 * the article is split over several pages ("下一页", rel=next). Everything is
 * gathered in one walk of the DOM: a selector per field would walk it a dozen times.
 */
import { type AnyNode, type Element, isTag } from "domhandler";
import { findIsoDate } from "../../../shared/text/dates.ts";
import { textOf, walk } from "./html-dom.ts";

export interface HtmlMetadata {
  title: string | null;
  subtitle: string | null;
  author: string | null;
  published_at: string | null;
  publisher: string | null;
}

export interface PageHints {
  /** BCP-47 primary subtag the page declares, lower case ("zh", "en"), if any. */
  lang: string | null;
  /** URL of the next page of a paginated article, if the page links one. */
  nextPage: string | null;
  /** JSON-LD `articleBody`, a last resort when the DOM yields no prose. */
  articleBody: string | null;
}

interface Gathered {
  meta: Map<string, string>;
  jsonLd: string[];
  title: Element | null;
  h1: Element | null;
  time: Element | null;
  byline: Element | null;
  htmlLang: string | null;
  nextLink: string | null;
  nextAnchor: string | null;
}

const nextLabel =
  /^(下一页|下页|下一頁|next page|nächste seite|page suivante|página siguiente|次のページ|следующая страница)\s*[>›»]*$/i;
const bylineClass = /(^|\s)(byline|author|posted-by)(\s|$)/i;

function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function gather(root: AnyNode): Gathered {
  const g: Gathered = {
    meta: new Map(),
    jsonLd: [],
    title: null,
    h1: null,
    time: null,
    byline: null,
    htmlLang: null,
    nextLink: null,
    nextAnchor: null,
  };
  walk(root, (node) => {
    if (!isTag(node)) return undefined;
    const a = node.attribs;
    switch (node.name) {
      case "html":
        g.htmlLang ??= a.lang ?? a["xml:lang"] ?? null;
        break;
      case "meta": {
        const key = (a.property ?? a.name ?? a["http-equiv"] ?? "").toLowerCase();
        if (key !== "" && a.content !== undefined && !g.meta.has(key)) g.meta.set(key, a.content);
        break;
      }
      case "script":
        if ((a.type ?? "").toLowerCase() === "application/ld+json") g.jsonLd.push(textOf(node));
        return false;
      case "style":
      case "svg":
      case "noscript":
        return false;
      case "title":
        g.title ??= node;
        return false;
      case "h1":
        g.h1 ??= node;
        break;
      case "time":
        if (g.time === null || (g.time.attribs.datetime === undefined && a.datetime !== undefined))
          g.time = node;
        break;
      case "link":
        if ((a.rel ?? "").toLowerCase() === "next" && a.href) g.nextLink ??= a.href;
        break;
      case "a":
        if (g.nextAnchor === null && a.href && !/^(#|javascript:)/i.test(a.href)) {
          if (nextLabel.test(squash(textOf(node)))) g.nextAnchor = a.href;
        }
        break;
    }
    if (g.byline === null && (a.rel === "author" || bylineClass.test(a.class ?? "")))
      g.byline = node;
    return undefined;
  });
  return g;
}

function jsonLdObjects(sources: readonly string[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const raw of sources) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      // Broken JSON-LD is common on real pages; it only costs us metadata.
      if (error instanceof SyntaxError) continue;
      throw error;
    }
    const stack: unknown[] = [parsed];
    while (stack.length > 0) {
      const item = stack.pop();
      if (Array.isArray(item)) stack.push(...item);
      else if (item && typeof item === "object") {
        const obj = item as Record<string, unknown>;
        out.push(obj);
        if (obj["@graph"]) stack.push(obj["@graph"]);
      }
    }
  }
  return out;
}

function nameOf(value: unknown): string | null {
  if (typeof value === "string") return squash(value) || null;
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value && typeof value === "object") return nameOf((value as Record<string, unknown>).name);
  return null;
}

function primaryLang(value: string | undefined | null): string | null {
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*(?:,|$)/i.exec(value ?? "");
  return m?.[1] ? m[1].toLowerCase() : null;
}

function textOrNull(el: Element | null): string | null {
  return el === null ? null : squash(textOf(el)) || null;
}

/** Metadata and hints of a parsed page. */
export function pageMetadata(root: AnyNode): { meta: HtmlMetadata; hints: PageHints } {
  const g = gather(root);
  const meta = (key: string): string | null => squash(g.meta.get(key) ?? "") || null;
  const ld = jsonLdObjects(g.jsonLd);
  const article = ld.find((o) => typeof o.headline === "string" || o.datePublished) ?? {};
  const dateRaw =
    meta("article:published_time") ??
    meta("date") ??
    meta("publishdate") ??
    meta("pubdate") ??
    (typeof article.datePublished === "string" ? article.datePublished : null) ??
    g.time?.attribs.datetime ??
    textOrNull(g.time);
  const byline = textOrNull(g.byline);
  const body = ld.find((o) => typeof o.articleBody === "string");
  return {
    meta: {
      title:
        meta("og:title") ?? nameOf(article.headline) ?? textOrNull(g.title) ?? textOrNull(g.h1),
      subtitle: meta("subtitle"),
      author:
        meta("author") ??
        nameOf(article.author) ??
        (byline !== null && byline.length <= 80 ? byline : null),
      published_at: dateRaw ? findIsoDate(dateRaw) : null,
      publisher: meta("og:site_name") ?? nameOf(article.publisher),
    },
    hints: {
      lang:
        primaryLang(g.htmlLang) ??
        primaryLang(meta("content-language")) ??
        primaryLang(meta("og:locale")),
      nextPage: g.nextLink ?? g.nextAnchor,
      articleBody: typeof body?.articleBody === "string" ? body.articleBody : null,
    },
  };
}
