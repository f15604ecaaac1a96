/**
 * Dates in English and Chinese, normalised to ISO 8601 at the precision the
 * text gives: "1989-01-14", "2020-09", "2004". A day without a year ("October
 * 15", "１月１４日") takes the year of the reference date (the publication
 * date); without one it stays a yearless "--10-15".
 */

import { MONTH_ABBREVIATIONS, MONTH_NAMES } from "../../shared/text/months.ts";
import { parseChineseNumber } from "../../shared/text/numbers.ts";
import type { Candidate } from "./candidate.ts";
import { foldWidth } from "./fold.ts";

const MONTHS: Record<string, number> = { ...MONTH_NAMES, ...MONTH_ABBREVIATIONS };

const MONTH = String.raw`(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`;
const YEAR = String.raw`(?<year>(?:19|20)\d{2})`;
const DAY = String.raw`(?<day>[0-3]?\d)(?:st|nd|rd|th)?`;
const ZH_NUM = "[0-9〇零一二三四五六七八九十]";

const DATE_PATTERNS: RegExp[] = [
  // ISO: "2025-11-21", also glued to a word ("Deep News2025-11-21").
  new RegExp(String.raw`(?<!\d)${YEAR}-(?<mm>[01]\d)-(?<dd>[0-3]\d)(?!\d)`, "gu"),
  // "2025/10/09", "2025.10.09": common on Chinese sites.
  new RegExp(
    String.raw`(?<![\d.,/])${YEAR}(?<sep>[/.])(?<mm>[01]?\d)\k<sep>(?<dd>[0-3]?\d)(?![\d.,/]\d|\d)`,
    "gu",
  ),
  // "December 30, 2015", "October 15", "September 2020"
  new RegExp(String.raw`\b${MONTH}(?:\s+${DAY}(?![\d:]))?(?:,?\s+${YEAR})?(?!\d)`, "gu"),
  // "30 December 2015"
  new RegExp(String.raw`\b${DAY}\s+${MONTH}(?:,?\s+${YEAR})?(?!\d)`, "gu"),
  // "1989年1月14日", "1月14日", "1983年", "一九八三年". Both parts are optional, so the
  // lookahead keeps the pattern from matching the empty string at every position of the text.
  new RegExp(
    `(?=${ZH_NUM}{1,4}[年月])(?:(?<zy>${ZH_NUM}{4})年)?(?:(?<zm>${ZH_NUM}{1,2})月(?:(?<zd>${ZH_NUM}{1,3})[日号])?)?`,
    "gu",
  ),
  // A decade: "the 1970s".
  /(?<![\p{L}\d])(?<decade>(?:1[89]|20)\d0)s(?![\p{L}\d])/gu,
  // A bare year: "in 1988", "2026 planning"; not a count ("2000 tons" is a longer quantity).
  new RegExp(String.raw`(?<![\p{L}\d.,$¥-])${YEAR}(?![\d%.,]\d|\d|\s*%|-\d|s\b)`, "gu"),
];

const pad = (n: number) => String(n).padStart(2, "0");

function chineseOrArabic(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (/^\d+$/.test(text)) return Number(text);
  return parseChineseNumber(text);
}

function isoOf(
  year: number | null,
  month: number | null,
  day: number | null,
  referenceYear: number | null,
): string | null {
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  if (year !== null && (year < 1800 || year > 2100)) return null;
  const y = year ?? (month !== null && day !== null ? referenceYear : null);
  if (month === null) return y === null ? null : String(y);
  if (day === null) return y === null ? null : `${y}-${pad(month)}`;
  return y === null ? `--${pad(month)}-${pad(day)}` : `${y}-${pad(month)}-${pad(day)}`;
}

function dateOf(m: RegExpExecArray, referenceYear: number | null): string | null {
  const g = m.groups ?? {};
  if (g.mm !== undefined) return isoOf(Number(g.year), Number(g.mm), Number(g.dd), null);
  if (g.month !== undefined) {
    const month = MONTHS[g.month.toLowerCase().replace(".", "")] ?? null;
    // "May" alone is a verb far more often than a month.
    if (g.day === undefined && g.year === undefined) return null;
    const year = g.year === undefined ? null : Number(g.year);
    const day = g.day === undefined ? null : Number(g.day);
    return isoOf(year, month, day, referenceYear);
  }
  if (g.zy !== undefined || g.zm !== undefined) {
    const year = chineseOrArabic(g.zy);
    const month = chineseOrArabic(g.zm);
    const day = chineseOrArabic(g.zd);
    if (g.zy === undefined && g.zd === undefined) return null; // "三月" alone is too vague
    return isoOf(year, month, day, referenceYear);
  }
  if (g.decade !== undefined) return `${g.decade}s`;
  if (g.year !== undefined) return g.year;
  return null;
}

/** Finds dates; `reference` is an ISO date (usually the publication date) or null. */
export function findDates(text: string, reference: string | null): Candidate[] {
  const folded = foldWidth(text);
  const referenceYear =
    reference && /^\d{4}/.test(reference) ? Number(reference.slice(0, 4)) : null;
  const found: Candidate[] = [];
  for (const pattern of DATE_PATTERNS) {
    for (const m of folded.matchAll(pattern)) {
      if (m[0].length === 0) continue;
      const iso = dateOf(m, referenceYear);
      if (iso === null) continue;
      found.push({
        start: m.index,
        end: m.index + m[0].length,
        id: `date:${iso}`,
        type: "date",
        name: iso,
        unit: "date",
        source: "quantity",
      });
    }
  }
  return found;
}
