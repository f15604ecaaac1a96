/**
 * HTML → main text and metadata with cheerio. Chrome (navigation, scripts,
 * share and comment widgets, sidebars) is dropped; headings and paragraphs are
 * kept in document order, one paragraph per block.
 */
import * as cheerio from "cheerio";
import { findIsoDate } from "../../../shared/text/dates.ts";

export interface HtmlMetadata {
  title: string | null;
  subtitle: string | null;
  author: string | null;
  published_at: string | null;
  publisher: string | null;
}

export interface HtmlExtract {
  paragraphs: string[];
  meta: HtmlMetadata;
}

const chrome =
  "script, style, noscript, template, nav, aside, footer, form, iframe, svg, button, select, " +
  "[role=navigation], [role=complementary], [role=banner], [aria-hidden=true], [hidden]";
const chromeName =
  /(^|[\s_-])(share|sharing|social|comments?|respond|reply|related|sidebar|cookie|newsletter|subscribe|advert|ads?|promo|breadcrumbs?|menu|navbar|nav|footer|masthead|widget|popup|modal|tags?)($|[\s_-])/i;
const blocks = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, dt, dd, td";

function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function jsonLdObjects($: cheerio.CheerioAPI): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  $('script[type="application/ld+json"]').each((_, el) => {
    const raw = $(el).text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
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

function metadata($: cheerio.CheerioAPI): HtmlMetadata {
  const meta = (sel: string): string | null => squash($(sel).attr("content") ?? "") || null;
  const ld = jsonLdObjects($);
  const article = ld.find((o) => typeof o.headline === "string" || o.datePublished) ?? {};
  const title =
    meta('meta[property="og:title"]') ??
    nameOf(article.headline) ??
    (squash($("title").first().text()) || null) ??
    (squash($("h1").first().text()) || null);
  const dateRaw =
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="date"]') ??
    (typeof article.datePublished === "string" ? article.datePublished : null) ??
    $("time[datetime]").first().attr("datetime") ??
    (squash($("time").first().text()) || null);
  return {
    title,
    subtitle: meta('meta[name="subtitle"]'),
    author:
      meta('meta[name="author"]') ??
      nameOf(article.author) ??
      (squash($('[rel="author"], .byline, .author').first().text()) || null),
    published_at: dateRaw ? findIsoDate(dateRaw) : null,
    publisher: meta('meta[property="og:site_name"]') ?? nameOf(article.publisher),
  };
}

function isChrome(className: string | undefined, id: string | undefined): boolean {
  return chromeName.test(`${className ?? ""} ${id ?? ""}`);
}

export function extractHtml(html: string): HtmlExtract {
  const $ = cheerio.load(html);
  const meta = metadata($);
  $(chrome).remove();
  // Page-level containers often carry classes like "tag-rare-earth"; only inner blocks are chrome.
  $("body *")
    .not("main, article, [role=main]")
    .filter((_, el) => isChrome($(el).attr("class"), $(el).attr("id")))
    .remove();
  const root = $("article").first().length
    ? $("article").first()
    : $("main, [role=main]").first().length
      ? $("main, [role=main]").first()
      : $("body");
  const paragraphs: string[] = [];
  root.find(blocks).each((_, el) => {
    if ($(el).parents(blocks).length > 0) return;
    const text = squash($(el).text());
    if (text) paragraphs.push(text);
  });
  if (paragraphs.length === 0) {
    root.find("br").replaceWith("\n");
    const lines = root
      .text()
      .split(/\n/)
      .map(squash)
      .filter((line) => line !== "");
    paragraphs.push(...lines);
  }
  if (paragraphs[0] !== undefined && paragraphs[0] === meta.title) paragraphs.shift();
  return { paragraphs, meta };
}
