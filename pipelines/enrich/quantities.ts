/**
 * Money, physical quantities and percentages, with a normalised value and
 * unit, in English and Chinese, Arabic digits (half or full width) and Chinese
 * numerals. Ids carry the value so that "RMB 1.71M" and "RMB 1.71 million" in
 * one document are one entity: `money:cny:1710000`.
 */

import {
  CHINESE_NUMERAL_CHARS,
  multiplierOf,
  parseNumber,
  tidy,
} from "../../shared/text/numbers.ts";
import type { Candidate } from "./candidate.ts";
import { foldWidth } from "./fold.ts";

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const CNUM = `[${CHINESE_NUMERAL_CHARS}]+(?:点[零〇一二三四五六七八九]+)?`;
const WORD_MULT = "thousand|million|billion|trillion";
/** No digit or Latin letter may touch a number on its left: "A380" is no quantity. */
const LEFT = String.raw`(?<![A-Za-z\d.,])`;
const LEFT_ZH = String.raw`(?<![\d.,])`;
const RIGHT = `(?![A-Za-z0-9])`;

const CURRENCIES: Record<string, string> = {
  rmb: "cny",
  cny: "cny",
  yuan: "cny",
  renminbi: "cny",
  "¥": "cny",
  "￥": "cny",
  元: "cny",
  人民币: "cny",
  usd: "usd",
  us$: "usd",
  $: "usd",
  dollars: "usd",
  "us dollars": "usd",
  美元: "usd",
  a$: "aud",
  au$: "aud",
  aud: "aud",
  澳元: "aud",
  "€": "eur",
  eur: "eur",
  euros: "eur",
  欧元: "eur",
  jpy: "jpy",
  yen: "jpy",
  日元: "jpy",
  港元: "hkd",
  hk$: "hkd",
  hkd: "hkd",
  won: "krw",
  krw: "krw",
  韩元: "krw",
  rupees: "inr",
  inr: "inr",
  卢比: "inr",
  "£": "gbp",
  pounds: "gbp",
  gbp: "gbp",
  英镑: "gbp",
  c$: "cad",
  cad: "cad",
  加元: "cad",
};

const MONEY_PATTERNS = [
  // "RMB 1.71 million", "RMB 1.71M", "$61.2 million", "¥750,000", "人民币5亿元"
  new RegExp(
    String.raw`(?<cur>RMB|CNY|USD|US\$|AU?\$|HK\$|C\$|\$|¥|￥|€|£|EUR|AUD|JPY|GBP|CAD|KRW|INR|人民币)\s?(?<num>${NUM})(?:\s?(?<mult>${WORD_MULT}|mn|mln|bn|m|M|B|K|k)${RIGHT}|(?<cmult>[万亿千百]+)元?|元)?`,
    "gu",
  ),
  // "310 million yuan", "5 billion US dollars"
  new RegExp(
    String.raw`${LEFT}(?<num>${NUM})\s?(?:(?<mult>${WORD_MULT})\s)?(?<cur>yuan|RMB|CNY|renminbi|USD|US dollars|dollars|EUR|euros|AUD|yen|won|KRW|rupees|INR|pounds|GBP|CAD)${RIGHT}`,
    "giu",
  ),
  // "1.71亿元", "750万元", "三千万美元"
  new RegExp(
    `${LEFT_ZH}(?<num>${NUM}|${CNUM})(?<cmult>[万亿千百]*)(?<cur>元|美元|欧元|日元|澳元|港元|韩元|卢比|英镑|加元|人民币)`,
    "gu",
  ),
];

const UNITS: Record<string, { unit: string; factor: number }> = {
  tonnes: { unit: "t", factor: 1 },
  tonne: { unit: "t", factor: 1 },
  tons: { unit: "t", factor: 1 },
  ton: { unit: "t", factor: 1 },
  "metric tons": { unit: "t", factor: 1 },
  "metric tonnes": { unit: "t", factor: 1 },
  t: { unit: "t", factor: 1 },
  吨: { unit: "t", factor: 1 },
  kt: { unit: "t", factor: 1000 },
  tpa: { unit: "t/year", factor: 1 },
  ktpa: { unit: "t/year", factor: 1000 },
  kilograms: { unit: "kg", factor: 1 },
  kilogram: { unit: "kg", factor: 1 },
  kg: { unit: "kg", factor: 1 },
  公斤: { unit: "kg", factor: 1 },
  千克: { unit: "kg", factor: 1 },
  "cubic meters": { unit: "m3", factor: 1 },
  "cubic metres": { unit: "m3", factor: 1 },
  "m³": { unit: "m3", factor: 1 },
  m3: { unit: "m3", factor: 1 },
  立方米: { unit: "m3", factor: 1 },
  sets: { unit: "set", factor: 1 },
  套: { unit: "set", factor: 1 },
};

const PERIODS: Record<string, string> = {
  day: "day",
  d: "day",
  天: "day",
  日: "day",
  year: "year",
  yr: "year",
  annum: "year",
  年: "year",
  month: "month",
  月: "month",
  hour: "hour",
  h: "hour",
};

const QUANTITY_PATTERN = new RegExp(
  String.raw`${LEFT}(?<num>${NUM}|${CNUM})(?:\s?(?<mult>${WORD_MULT})|(?<cmult>[万千百]+))?[\s-]?(?<unit>metric tonnes|metric tons|tonnes|tonne|tons|ton|ktpa|tpa|kt|t|kilograms|kilogram|kg|cubic met(?:er|re)s|m³|m3|sets|吨|公斤|千克|立方米|套)(?:\s?(?:/|per\s|a\s)(?<per>day|d|year|yr|annum|month|hour|h)|(?:/|每)(?<zhper>天|日|年|月))?${RIGHT}`,
  "gu",
);

const PERCENT_PATTERNS = [
  new RegExp(String.raw`${LEFT}(?<num>${NUM})\s?(?:%|percent${RIGHT}|per cent${RIGHT})`, "gu"),
  new RegExp(`百分之(?<num>${NUM}|${CNUM})`, "gu"),
];

function moneyCandidate(m: RegExpExecArray): Candidate | null {
  const g = m.groups ?? {};
  const base = parseNumber(g.num ?? "");
  const currency = CURRENCIES[(g.cur ?? "").toLowerCase()];
  if (base === null || !currency) return null;
  const value = tidy(base * multiplierOf(g.mult) * multiplierOf(g.cmult));
  return {
    start: m.index,
    end: m.index + m[0].length,
    id: `money:${currency}:${value}`,
    type: "money",
    name: `${value} ${currency.toUpperCase()}`,
    value,
    unit: currency.toUpperCase(),
    source: "quantity",
  };
}

function quantityCandidate(m: RegExpExecArray): Candidate | null {
  const g = m.groups ?? {};
  const base = parseNumber(g.num ?? "");
  const unitInfo = UNITS[(g.unit ?? "").toLowerCase()];
  if (base === null || !unitInfo) return null;
  // A lone "一" before 套 is the article "a set of", not a count.
  if (g.unit === "套" && !/\d/.test(g.num ?? "")) return null;
  const per = PERIODS[(g.per ?? g.zhper ?? "").toLowerCase()];
  const unit = per && !unitInfo.unit.includes("/") ? `${unitInfo.unit}/${per}` : unitInfo.unit;
  const value = tidy(base * unitInfo.factor * multiplierOf(g.mult) * multiplierOf(g.cmult));
  return {
    start: m.index,
    end: m.index + m[0].length,
    id: `qty:${unit.replace("/", "-per-")}:${value}`,
    type: "quantity",
    name: `${value} ${unit}`,
    value,
    unit,
    source: "quantity",
  };
}

function percentCandidate(m: RegExpExecArray): Candidate | null {
  const value = parseNumber(m.groups?.num ?? "");
  if (value === null) return null;
  return {
    start: m.index,
    end: m.index + m[0].length,
    id: `pct:${value}`,
    type: "percent",
    name: `${value}%`,
    value,
    unit: "%",
    source: "quantity",
  };
}

function collect(
  folded: string,
  pattern: RegExp,
  build: (m: RegExpExecArray) => Candidate | null,
): Candidate[] {
  const found: Candidate[] = [];
  for (const m of folded.matchAll(pattern)) {
    const candidate = build(m);
    if (candidate) found.push(candidate);
  }
  return found;
}

/** Quantities with units, money and percentages in English and Chinese text. */
export function findQuantities(text: string): Candidate[] {
  const folded = foldWidth(text);
  return [
    ...MONEY_PATTERNS.flatMap((p) => collect(folded, p, moneyCandidate)),
    ...collect(folded, QUANTITY_PATTERN, quantityCandidate),
    ...PERCENT_PATTERNS.flatMap((p) => collect(folded, p, percentCandidate)),
  ];
}
