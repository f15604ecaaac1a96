/**
 * What a paragraph of a (possibly bilingual) body is: article text, or one of
 * the layout lines that carry structure rather than content — dividers
 * between the halves, a Markdown heading, a date line, a newspaper edition
 * line, a labelled field. Layout lines are consumed by the split and never
 * left in a body.
 */

import { parseDateLine } from "../../shared/text/dates.ts";
import { foldFullWidthAlnum, tidyLine } from "./text-forms.ts";

export type Role = "original" | "translation";

export type ParagraphKind =
  /** `role` is what the divider says about the section that follows it; `lang` the language it names. */
  | { kind: "divider"; role?: Role; lang?: string }
  | { kind: "heading"; title: string; subtitle: string | null }
  | { kind: "date"; iso: string }
  | { kind: "edition"; edition: string; section?: string }
  | { kind: "field"; name: string; value: string }
  | { kind: "text" };

const RULE = /^(?:<hr\s*\/?>|[-–—_=*]{3,}|(?:[*·•]\s*){3,})$/i;

const ORIGINAL_LABEL =
  /^(?:(?:the\s+)?original(?:\s+(?:text|article|version|chinese|english))?|(?:chinese|english)\s+original|(?:中文|英文)?原文(?:如下)?)\s*[:：]?$/i;

const TRANSLATION_LABEL =
  /^(?:(?:english|chinese)\s+(?:translation|version)|translation|translated\s+text|machine\s+translation|(?:英文|中文)?(?:译文|譯文|翻译|翻譯)(?:如下)?|(?:英|中)(?:译|譯))\s*[:：]?$/i;

const FIELD_NAMES: Readonly<Record<string, string>> = {
  专栏: "column",
  專欄: "column",
  栏目: "column",
  欄目: "column",
  作者: "author",
  记者: "author",
  記者: "author",
  来源: "source",
  來源: "source",
  版次: "edition",
  版面: "section",
  column: "column",
  section: "section",
  edition: "edition",
  author: "author",
  source: "source",
  date: "date",
  title: "title",
  subtitle: "subtitle",
  日期: "date",
  标题: "title",
  標題: "title",
  副标题: "subtitle",
  副標題: "subtitle",
};

const FIELD_LINE = /^([\p{L} ]{2,12}?)\s*[:：]\s*(.*)$/u;

/** What a paragraph is in the article's layout: divider, header field, date, edition, heading or prose. */
export function classifyParagraph(paragraph: string): ParagraphKind {
  const line = tidyLine(paragraph);
  if (RULE.test(line)) return { kind: "divider" };
  if (ORIGINAL_LABEL.test(line)) return { kind: "divider", role: "original", ...labelLang(line) };
  if (TRANSLATION_LABEL.test(line))
    return { kind: "divider", role: "translation", ...labelLang(line) };

  const heading = /^#{1,6}\s+(.+)$/.exec(paragraph.trim());
  if (heading?.[1] !== undefined) return headingKind(heading[1]);

  const iso = parseDateLine(line);
  if (iso !== null) return { kind: "date", iso };

  const edition = parseEditionLine(line);
  if (edition !== null) return edition;

  const field = FIELD_LINE.exec(line);
  const name = field?.[1] === undefined ? undefined : FIELD_NAMES[field[1].toLowerCase()];
  if (field !== null && name !== undefined) {
    const value = (field[2] ?? "").trim();
    if (name === "date") {
      const fieldIso = parseDateLine(value);
      if (fieldIso !== null) return { kind: "date", iso: fieldIso };
    }
    return { kind: "field", name, value };
  }
  return { kind: "text" };
}

/**
 * `Original: １７个单位…` — a divider label written on the same line as the
 * text it introduces — becomes the label and the text.
 */
export function splitLeadingLabel(paragraph: string): string[] {
  const match = /^([^:：\n]{2,30}?)\s*[:：]\s*(\S[\s\S]*)$/.exec(paragraph.trim());
  if (match?.[1] === undefined || match[2] === undefined) return [paragraph];
  const label = `${match[1]}:`;
  const kind = classifyParagraph(label);
  return kind.kind === "divider" && kind.role !== undefined ? [label, match[2]] : [paragraph];
}

function labelLang(line: string): { lang?: string } {
  if (/english|英文|英译|英譯/i.test(line)) return { lang: "en" };
  if (/chinese|中文|中译|中譯/i.test(line)) return { lang: "zh" };
  return {};
}

/**
 * A heading that holds title and subtitle separates them by a wide gap (two
 * spaces, an ideographic space) — or, once a cleaner has collapsed the gap,
 * by a single space between Chinese characters, where Chinese puts none.
 */
function headingKind(text: string): ParagraphKind {
  const trimmed = text.trim();
  const wide = trimmed
    .split(/[ \t\u3000]{2,}|\u3000/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const parts =
    wide.length > 1 ? wide : trimmed.split(/(?<=[\p{Script=Han}\d])\s+(?=\p{Script=Han})/u);
  const [title, ...rest] = parts;
  return {
    kind: "heading",
    title: title ?? trimmed,
    subtitle: rest.length > 0 ? rest.join(" ") : null,
  };
}

/** People's Daily style `第3版(科教·文化·体育)`: the edition and, in brackets, the section. */
function parseEditionLine(line: string): ParagraphKind | null {
  const folded = foldFullWidthAlnum(line).text;
  const match = /^(第\s*\d+\s*版)\s*(?:[(（]\s*([^)）]+?)\s*[)）])?$/.exec(folded);
  if (match?.[1] === undefined) return null;
  const edition = match[1].replace(/\s+/g, "");
  return match[2] === undefined
    ? { kind: "edition", edition }
    : { kind: "edition", edition, section: match[2] };
}
