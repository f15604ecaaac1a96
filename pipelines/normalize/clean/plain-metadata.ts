/**
 * Metadata from plain-text layouts like the seeds': a block of "Name: value"
 * header fields (seed 004), or a title line followed by a "<publisher><date>"
 * byline (seed 000), a "Highlights" bullet list (seeds 002, 003), an agency
 * dateline "SMM: …" (seed 001). What is taken out of the body is metadata
 * only; a bilingual divider or a second title block stays in the body for the
 * language stage.
 */
import { findIsoDate } from "../../../shared/text/dates.ts";
import { HAN_RANGES } from "../../../shared/text/han.ts";

export interface PlainMetadata {
  paragraphs: string[];
  title: string | null;
  subtitle: string | null;
  author: string | null;
  published_at: string | null;
  highlights: string[];
  fields: Record<string, string>;
}

const fieldNames: Record<string, string> = {
  title: "title",
  headline: "title",
  标题: "title",
  subtitle: "subtitle",
  副标题: "subtitle",
  author: "author",
  authors: "author",
  by: "author",
  byline: "author",
  作者: "author",
  date: "date",
  published: "date",
  "publication date": "date",
  日期: "date",
  edition: "edition",
  版次: "edition",
  section: "section",
  column: "column",
  栏目: "column",
  page: "page",
  版面: "page",
  source: "source",
  来源: "source",
  publisher: "publisher",
};

const headerField = new RegExp(
  `^([A-Za-z][A-Za-z ]{0,20}|[${HAN_RANGES}]{2,3})\\s*[:：]\\s*(.*)$`,
  "u",
);
const highlightsHeading =
  /^(highlights|key points|key takeaways|at a glance|要点|摘要|核心提示)\s*[:：]?$/i;
const bullet = /^[-•*·▪●]\s+(.+)$/;
const sentenceEnd = /[.!?。！？…"”’]$/;

function headerFields(paragraphs: string[]): { count: number; values: Map<string, string> } {
  const values = new Map<string, string>();
  let count = 0;
  for (const p of paragraphs) {
    const m = headerField.exec(p);
    const name = m?.[1] ? fieldNames[m[1].trim().toLowerCase()] : undefined;
    if (!m || !name || values.has(name)) break;
    values.set(name, (m[2] ?? "").trim());
    count++;
  }
  // One "Source: …" line is ordinary text; a block of two or more is a header.
  return count >= 2 || values.has("title") ? { count, values } : { count: 0, values: new Map() };
}

function looksLikeTitle(p: string): boolean {
  return p.length <= 200 && p.split(/\s+/).length <= 30 && !sentenceEnd.test(p) && !bullet.test(p);
}

/**
 * Takes a body's paragraphs and gives them without the metadata found at the
 * top, with that metadata. `knownTitle` is set for HTML, whose title comes from
 * the page: a first line is then taken as the title only when it repeats it,
 * so a short lead line of the story is not mistaken for one.
 */
export function extractPlainMetadata(input: string[], knownTitle?: string | null): PlainMetadata {
  const out: PlainMetadata = {
    paragraphs: [...input],
    title: null,
    subtitle: null,
    author: null,
    published_at: null,
    highlights: [],
    fields: {},
  };
  const header = headerFields(out.paragraphs);
  if (header.count > 0) {
    out.paragraphs.splice(0, header.count);
    for (const [name, value] of header.values) {
      if (name === "title") out.title = value || null;
      else if (name === "subtitle") out.subtitle = value || null;
      else if (name === "author") out.author = value || null;
      else if (name === "date") {
        out.published_at = findIsoDate(value);
        if (!out.published_at && value) out.fields.date = value;
      } else if (value) out.fields[name] = value;
    }
    return out;
  }

  const first = out.paragraphs[0];
  if (
    first !== undefined &&
    !highlightsHeading.test(first) &&
    looksLikeTitle(first) &&
    out.paragraphs.length >= 3 &&
    (knownTitle === undefined || first === knownTitle)
  ) {
    out.title = first;
    out.paragraphs.shift();
    const byline = out.paragraphs[0];
    const date = byline !== undefined && byline.length <= 100 ? findIsoDate(byline) : null;
    if (byline !== undefined && date) {
      out.published_at = date;
      const who = byline
        .replace(/\d{4}[-/.]\d{1,2}[-/.]\d{1,2}.*$|[A-Za-z]{3,9}\.? \d{1,2},? \d{4}.*$/, "")
        .replace(/[|·,–—-]\s*$/, "")
        .trim();
      if (/^by\s+/i.test(who)) out.author = who.replace(/^by\s+/i, "");
      else if (who) out.fields.publisher = who;
      out.paragraphs.shift();
    }
  }

  const h = out.paragraphs.findIndex((p) => highlightsHeading.test(p));
  if (h !== -1 && h <= 2) {
    let end = h + 1;
    const items: string[] = [];
    for (; end < out.paragraphs.length; end++) {
      const m = bullet.exec(out.paragraphs[end] ?? "");
      if (!m?.[1]) break;
      items.push(m[1].trim());
    }
    if (items.length > 0) {
      out.highlights = items;
      out.paragraphs.splice(h, end - h);
    }
  }

  const dateline = /^([A-Z][A-Za-z&.]{1,15}):\s/.exec(out.paragraphs[0] ?? "");
  if (dateline?.[1] && !out.fields.publisher) out.fields.publisher = dateline[1];
  return out;
}
