/**
 * Class and id names as soft evidence, never as a veto. A name is split into
 * words (`content-sidebar-wrap` → content, sidebar, wrap; `jpRelatedPosts` →
 * jp, related, posts) and each word weighs for or against the element holding
 * article text, so `widget Blog` or `article-body--has-ads` come out neutral or
 * positive instead of being deleted for one token.
 */
import type { Element } from "domhandler";

export type HintKind = "comment" | "boilerplate" | "peripheral" | "neutral" | "content";

// Words that name a comment thread: their prose is real prose, but not the article's.
const commentWords = new Set([
  "comment",
  "comments",
  "cmt",
  "cmts",
  "disqus",
  "respond",
  "replies",
  "discussion",
  "discuss",
  "talkback",
  "pinglun",
]);
const strongNegative = new Set([
  "related",
  "relatedposts",
  "relatedarticles",
  "recommend",
  "recommended",
  "recommendation",
  "recommendations",
  "popular",
  "trending",
  "mostread",
  "share",
  "sharing",
  "sharedaddy",
  "social",
  "addthis",
  "sponsor",
  "sponsored",
  "ad",
  "ads",
  "adv",
  "advert",
  "advertisement",
  "adsbygoogle",
  "cookie",
  "cookies",
  "consent",
  "gdpr",
  "cmp",
  "newsletter",
  "subscribe",
  "subscription",
  "signup",
  "breadcrumb",
  "breadcrumbs",
  "nav",
  "navbar",
  "navigation",
  "menu",
  "footer",
  "outbrain",
  "taboola",
  "promo",
  "teaser",
  "teasers",
  "pager",
  "pagination",
  "print",
  "login",
  "hot",
  "recommend",
  "keywords",
]);
const mediumNegative = new Set([
  "sidebar",
  "rail",
  "widget",
  "aside",
  "masthead",
  "header",
  "caption",
  "credit",
  "credits",
  "tags",
  "tag",
  "labels",
  "meta",
  "byline",
  "author",
  "more",
  "next",
  "prev",
  "previous",
  "card",
  "modal",
  "popup",
  "banner",
  "copyright",
  "statement",
  "topics",
]);
const positive = new Set([
  "article",
  "articlebody",
  "artibody",
  "entry",
  "story",
  "post",
  "blogpost",
  "hentry",
  "content",
  "text",
  "body",
  "main",
  "prose",
  "editor",
  "richtext",
  "markdown",
  "detail",
  "con",
]);

// Glued compounds ("commentlist", "sharebar", "sidebar1", "widgettitle") are caught by their
// stem. Not "subscri…" or "promo…": paywalled bodies sit in `subscriber-content`, Drupal
// marks front-page stories `node--promoted`.
const commentStems = ["comment", "disqus", "kommentar", "comentario", "reaction", "reactie"];
const strongStems = [
  "related",
  "recommend",
  "popular",
  "trending",
  "sharing",
  "share",
  "social",
  "sponsor",
  "advert",
  "cookie",
  "consent",
  "newsletter",
  "signup",
  "breadcrumb",
  "navigation",
  "navbar",
  "menu",
  "footer",
  "outbrain",
  "taboola",
  "teaser",
  "pagination",
];
const mediumStems = ["sidebar", "widget", "masthead", "caption", "credit", "byline", "copyright"];
const positiveCompounds = new Set([
  "articlebody",
  "articlecontent",
  "articletext",
  "postbody",
  "postcontent",
  "posttext",
  "entrycontent",
  "entrybody",
  "storybody",
  "storycontent",
  "storytext",
  "maincontent",
  "bodytext",
  "contentbody",
]);

function hasStem(word: string, stems: readonly string[]): boolean {
  return stems.some((stem) => word.startsWith(stem));
}

function words(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
}

interface NameHint {
  score: number;
  comment: boolean;
}

// Class strings repeat a lot within a page (300 × "menu-item"); their reading is cached.
const nameCache = new Map<string, NameHint>();
const nameCacheLimit = 20_000;

function readName(names: string): NameHint {
  const cached = nameCache.get(names);
  if (cached !== undefined) return cached;
  let score = 0;
  let comment = false;
  // Each word counts once: ten `tag-…` classes on a WordPress <article> are one hint, not ten.
  for (const w of new Set(words(names))) {
    // "commentary" is an opinion column, not a comment thread.
    if (commentWords.has(w) || (hasStem(w, commentStems) && !w.startsWith("commentar")))
      comment = true;
    else if (positive.has(w) || positiveCompounds.has(w)) score += 1.5;
    else if (strongNegative.has(w) || hasStem(w, strongStems)) score -= 2;
    else if (mediumNegative.has(w) || hasStem(w, mediumStems)) score -= 1;
  }
  if (nameCache.size >= nameCacheLimit) nameCache.clear();
  const hint = { score, comment };
  nameCache.set(names, hint);
  return hint;
}

/** How an element's class/id and role read: a comment thread, boilerplate, a side part, neutral, or content. */
export function hintOf(el: Element): HintKind {
  const { class: cls, id } = el.attribs;
  const name = cls === undefined && id === undefined ? null : readName(`${cls ?? ""} ${id ?? ""}`);
  let score = name?.score ?? 0;
  const comment = name?.comment ?? false;
  const role = el.attribs.role;
  if (role === "navigation" || role === "contentinfo" || role === "banner") score -= 2;
  if (role === "complementary") score -= 1;
  if (role === "main" || el.attribs.itemprop === "articleBody") score += 3;
  if (comment && score < 3) return "comment";
  if (score <= -2) return "boilerplate";
  if (score < 0) return "peripheral";
  return score > 0 ? "content" : "neutral";
}
