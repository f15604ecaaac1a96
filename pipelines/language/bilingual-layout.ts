/**
 * Is a body bilingual, and which paragraph belongs to which half? Works for
 * the layouts real sources use: translation, divider, original (seed 004);
 * original, translation label, translation; two blocks with no divider; and
 * interleaved paragraph pairs. Dividers split the body into sections; a
 * section that is (almost) all one language goes to that half whole, a mixed
 * section is assigned paragraph by paragraph.
 */
import { type LabelledParagraph, labelParagraph, languageWeights } from "./document-language.ts";
import {
  classifyParagraph,
  type ParagraphKind,
  type Role,
  splitLeadingLabel,
} from "./paragraph-kinds.ts";

export interface LayoutItem {
  text: string;
  kind: ParagraphKind;
  /** Set on article text and headings. */
  label?: LabelledParagraph;
}

export interface HalfLayout {
  lang: string;
  role?: Role;
  items: LayoutItem[];
}

export interface BilingualLayout {
  halves: [HalfLayout, HalfLayout];
  /** Layout lines before any article text (a date, an edition) that hold for both halves. */
  shared: LayoutItem[];
}

/** The smaller language must hold this share of the text to be a half, not a quotation. */
const MIN_MINOR_SHARE = 0.2;
/** …and this much script-weighted text (≈ 40 Han characters or 120 Latin letters). */
const MIN_MINOR_WEIGHT = 120;
/** An explicit divider is evidence enough for a shorter translation. */
const MIN_MINOR_SHARE_WITH_DIVIDER = 0.08;
/** A section is one language when that language holds this share of it. */
const SECTION_PURITY = 0.9;

/** Finds how an article lays out its two languages (divider, original first, interleaved) and splits its paragraphs. */
export function analyseLayout(paragraphs: readonly string[]): {
  items: LayoutItem[];
  layout: BilingualLayout | null;
} {
  const items = paragraphs.flatMap(explode).map(toItem);
  const content = items.flatMap((item) => (item.label === undefined ? [] : [item.label]));
  const [major, minor] = languageWeights(content);
  if (major === undefined || minor === undefined) return { items, layout: null };
  const total = content.reduce((sum, label) => sum + label.weight, 0);
  const hasDivider = items.some((item) => item.kind.kind === "divider");
  const share = minor[1] / total;
  const substantial =
    (share >= MIN_MINOR_SHARE && minor[1] >= MIN_MINOR_WEIGHT) ||
    (hasDivider && share >= MIN_MINOR_SHARE_WITH_DIVIDER && minor[1] >= MIN_MINOR_WEIGHT / 2);
  if (!substantial) return { items, layout: null };
  return { items, layout: assign(items, major[0], minor[0]) };
}

/**
 * The contract joins paragraphs with blank lines, but a source may keep a
 * block of lines together (`1989-01-16\n第3版(…)\n专栏：`, or a title over
 * its translation). Such a block is split into lines when a line is a layout
 * line or the lines differ in script; a hard-wrapped paragraph stays whole.
 */
function explode(paragraph: string): string[] {
  return linesOf(paragraph).flatMap(splitLeadingLabel);
}

function linesOf(paragraph: string): string[] {
  const lines = paragraph
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.length < 2) return [paragraph];
  const scripts = new Set(
    lines.flatMap((line) => {
      const { script } = labelParagraph(line).guess;
      const family = scriptFamily(script);
      return family === undefined ? [] : [family];
    }),
  );
  const hasLayoutLine = lines.some((line) => classifyParagraph(line).kind !== "text");
  return hasLayoutLine || scripts.size > 1 ? lines : [paragraph];
}

function toItem(text: string): LayoutItem {
  const kind = classifyParagraph(text);
  if (kind.kind === "text") return { text, kind, label: labelParagraph(text) };
  if (kind.kind === "heading") {
    return { text, kind, label: labelParagraph([kind.title, kind.subtitle ?? ""].join(" ")) };
  }
  return { text, kind };
}

interface Section {
  /** What the divider before the section says it is, and in which language, if it says. */
  role?: Role;
  lang?: string;
  items: LayoutItem[];
}

function sectionsOf(items: readonly LayoutItem[]): Section[] {
  const sections: Section[] = [{ items: [] }];
  // Consecutive dividers (`<hr />` then `Original:`) act as one.
  let pending: Omit<Section, "items"> = {};
  let previousWasDivider = false;
  for (const item of items) {
    if (item.kind.kind === "divider") {
      if (!previousWasDivider) pending = {};
      if (item.kind.role !== undefined) pending.role = item.kind.role;
      if (item.kind.lang !== undefined) pending.lang = item.kind.lang;
      previousWasDivider = true;
      continue;
    }
    const current = sections.at(-1);
    if (previousWasDivider || current === undefined) {
      sections.push({ ...pending, items: [item] });
    } else {
      current.items.push(item);
    }
    previousWasDivider = false;
  }
  return sections.filter((section) => section.items.length > 0);
}

function assign(items: readonly LayoutItem[], a: string, b: string): BilingualLayout {
  // Layout lines before any article text (a date, an edition) hold for both halves.
  const firstText = items.findIndex((item) => item.label !== undefined);
  const shared = items
    .slice(0, Math.max(0, firstText))
    .filter((item) => item.kind.kind !== "divider");
  const halves = new Map<string, HalfLayout>([
    [a, { lang: a, items: [] }],
    [b, { lang: b, items: [] }],
  ]);
  const scripts = { [a]: halfScript(items, a), [b]: halfScript(items, b) };
  for (const section of sectionsOf(items.slice(Math.max(0, firstText)))) {
    const langs = sectionLanguages(section.items, a, b, scripts);
    const sectionLangs = new Set<string>();
    langs.forEach((lang, index) => {
      const item = section.items[index];
      const target = halves.get(lang);
      if (item === undefined || target === undefined) return;
      target.items.push(item);
      sectionLangs.add(lang);
    });
    // A label names the section it heads; when the section is mixed, only a label that names its language can say which half it means.
    const [only] = sectionLangs;
    const labelled = sectionLangs.size === 1 ? only : section.lang;
    if (section.role !== undefined && labelled !== undefined)
      setRole(halves, labelled, section.role);
  }
  const [first, second] = [...halves.values()];
  if (first === undefined || second === undefined)
    throw new Error("unreachable: two halves were created");
  inferEditionRole(first, second);
  return { halves: [first, second], shared };
}

/** The language each item of a section goes to. */
function sectionLanguages(
  items: readonly LayoutItem[],
  a: string,
  b: string,
  scripts: Readonly<Record<string, string | undefined>>,
): string[] {
  let weightA = 0;
  let weightB = 0;
  for (const item of items) {
    if (item.label?.guess.lang === a) weightA += item.label.weight;
    if (item.label?.guess.lang === b) weightB += item.label.weight;
  }
  const sum = weightA + weightB;
  if (sum > 0 && weightA / sum >= SECTION_PURITY) return items.map(() => a);
  if (sum > 0 && weightB / sum >= SECTION_PURITY) return items.map(() => b);

  // Mixed section (interleaved pairs, or blocks without a divider). Layout
  // lines (a date, an edition) head what follows them, so they go with the
  // next paragraph unless their own script says otherwise; undecided article
  // text ("NdFeB magnets") goes with the paragraph before it.
  const scriptA = scriptFamily(scripts[a]);
  const scriptB = scriptFamily(scripts[b]);
  const own: Array<string | undefined> = items.map((item) => {
    const { lang, script } = (item.label ?? labelParagraph(item.text)).guess;
    if (lang === a || lang === b) return lang;
    // Too short for franc ("Lynas Begins Heavy Rare Earth Separation"), but the
    // script still tells which half it can belong to when the halves differ in script.
    const family = scriptFamily(script);
    if (family === undefined || scriptA === scriptB) return undefined;
    if (family === scriptA) return a;
    if (family === scriptB) return b;
    return undefined;
  });
  const next: Array<string | undefined> = [];
  let following: string | undefined;
  for (let i = items.length - 1; i >= 0; i--) {
    next[i] = following;
    following = (items[i]?.label === undefined ? undefined : own[i]) ?? following;
  }
  let previous: string | undefined;
  return items.map((item, index) => {
    const lang = own[index];
    const isText = item.label !== undefined;
    const chosen = lang ?? (isText ? (previous ?? next[index]) : (next[index] ?? previous)) ?? a;
    if (isText) previous = chosen;
    return chosen;
  });
}

function halfScript(items: readonly LayoutItem[], lang: string): string | undefined {
  return items.find((item) => item.label?.guess.lang === lang)?.label?.guess.script;
}

/** Hans, Hant and Hani are one family: Han. */
function scriptFamily(script: string | undefined): string | undefined {
  return script === "Hans" || script === "Hant" ? "Hani" : script;
}

function setRole(halves: Map<string, HalfLayout>, lang: string, role: Role): void {
  const half = halves.get(lang);
  if (half === undefined) return;
  half.role = role;
  for (const other of halves.values()) {
    if (other !== half) other.role = role === "original" ? "translation" : "original";
  }
}

/** A People's Daily edition line (`第3版`) marks the Chinese half as the printed original. */
function inferEditionRole(first: HalfLayout, second: HalfLayout): void {
  if (first.role !== undefined || second.role !== undefined) return;
  for (const [half, other] of [
    [first, second],
    [second, first],
  ] as const) {
    if (half.lang === "zh" && half.items.some((item) => item.kind.kind === "edition")) {
      half.role = "original";
      other.role = "translation";
      return;
    }
  }
}
