/**
 * Page metadata from JSON-LD, Open Graph and other <meta> tags, <time> and
 * bylines; the page's declared language (`<html lang>`, `content-language`,
 * `og:locale`) as a prior for the language stage; and a "next page" link when
 * the article is split over several pages ("下一页", rel=next).
 */
import type * as cheerio from "cheerio";
import type { Element } from "domhandler";
import { findIsoDate } from "../../../shared/text/dates.ts";
import { textOf } from "./html-dom.ts";

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

function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function jsonLdObjects($: cheerio.CheerioAPI): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  $('script[type="application/ld+json"]').each((_, el) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse($(el).text());
    } catch (error) {
      // Broken JSON-LD is common on real pages; it only costs us metadata.
      if (error instanceof SyntaxError) return;
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
  });
  return out;
}

function nameOf(value: unknown): string | null {
  if (typeof value === "string") return squash(value) || null;
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value && typeof value === "object") return nameOf((value as Record<string, unknown>).name);
  return null;
}

function firstText($: cheerio.CheerioAPI, selector: string): string | null {
  const el = $(selector).get(0);
  return el === undefined ? null : squash(textOf(el)) || null;
}

/** Title, author, date and publisher of a parsed page. */
export function pageMetadata($: cheerio.CheerioAPI): HtmlMetadata {
  const meta = (sel: string): string | null => squash($(sel).attr("content") ?? "") || null;
  const ld = jsonLdObjects($);
  const article = ld.find((o) => typeof o.headline === "string" || o.datePublished) ?? {};
  const title =
    meta('meta[property="og:title"]') ??
    nameOf(article.headline) ??
    firstText($, "title") ??
    firstText($, "h1");
  const dateRaw =
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="date"]') ??
    meta('meta[name="publishdate"]') ??
    (typeof article.datePublished === "string" ? article.datePublished : null) ??
    $("time[datetime]").first().attr("datetime") ??
    firstText($, "time");
  const authorByline = firstText($, '[rel="author"], .byline, .author');
  return {
    title,
    subtitle: meta('meta[name="subtitle"]'),
    author:
      meta('meta[name="author"]') ??
      nameOf(article.author) ??
      (authorByline !== null && authorByline.length <= 80 ? authorByline : null),
    published_at: dateRaw ? findIsoDate(dateRaw) : null,
    publisher: meta('meta[property="og:site_name"]') ?? nameOf(article.publisher),
  };
}

const nextLabel =
  /^(下一页|下页|下一頁|next page|nächste seite|page suivante|página siguiente|次のページ|следующая страница)\s*[>›»]*$/i;

function primaryLang(value: string | undefined | null): string | null {
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*(?:,|$)/i.exec(value ?? "");
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** Declared language, pagination and JSON-LD body of a parsed page. */
export function pageHints($: cheerio.CheerioAPI): PageHints {
  const lang =
    primaryLang($("html").attr("lang")) ??
    primaryLang($("html").attr("xml:lang")) ??
    primaryLang($('meta[http-equiv="content-language" i]').attr("content")) ??
    primaryLang($('meta[property="og:locale"]').attr("content"));
  let nextPage: string | null = $('link[rel="next"]').attr("href") ?? null;
  if (nextPage === null) {
    const link = $("a[href]")
      .toArray()
      .find(
        (a: Element) =>
          nextLabel.test(squash(textOf(a))) && !/^(#|javascript:)/i.test(a.attribs.href ?? ""),
      );
    nextPage = link?.attribs.href ?? null;
  }
  const ld = jsonLdObjects($).find((o) => typeof o.articleBody === "string");
  const articleBody = typeof ld?.articleBody === "string" ? ld.articleBody : null;
  return { lang, nextPage, articleBody };
}
