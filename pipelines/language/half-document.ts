/**
 * One language half of a bilingual article as a document of its own: its
 * own title and subtitle (from a heading, from headline lines at the top of
 * the half, or from the header when the header is in this language), its own
 * date and edition lines, and a body of article paragraphs only.
 */
import type { LanguageDocument, NormalizedDocument } from "../../shared/document.ts";
import type { HalfLayout, LayoutItem } from "./bilingual-layout.ts";
import { documentLanguage, type LabelledParagraph, labelParagraph } from "./document-language.ts";
import { comparisonKey, foldFullWidthAlnum, fullWidthRepairs, tidyLine } from "./text-forms.ts";

/** Confidence of a half whose body, read alone, does not confirm its language. */
const UNCONFIRMED_CONFIDENCE = 0.5;
/** Longest a headline line may be, in script-weighted letters (≈ 50 Han characters). */
const MAX_HEADLINE_WEIGHT = 150;

export interface HalfDocument {
  doc: LanguageDocument;
  /** Body paragraphs, in order, as joined into `doc.body`. */
  paragraphs: string[];
}

/** One language's half of a bilingual article as a document of its own, with its translation links. */
export function buildHalf(
  source: NormalizedDocument,
  half: HalfLayout,
  shared: readonly LayoutItem[],
): HalfDocument {
  const fields: Record<string, string> = { ...(source.fields ?? {}) };
  let publishedAt = source.published_at;
  let heading: { title: string; subtitle: string | null } | null = null;
  const text: string[] = [];
  // Labels the layout pass already computed; folding digits does not change a language.
  const labels = new Map<string, LabelledParagraph>();
  const keep = (item: LayoutItem): void => {
    const folded = fold(item.text);
    text.push(folded);
    if (item.label !== undefined) labels.set(folded.trim(), item.label);
  };
  let folded = 0;
  const fold = (value: string): string => {
    const result = foldFullWidthAlnum(value);
    folded += result.count;
    return result.text;
  };

  for (const item of [...shared, ...half.items]) {
    const { kind } = item;
    if (kind.kind === "text") keep(item);
    else if (kind.kind === "heading") {
      // Only a heading above the text is the article's title; later ones are crossheads.
      if (heading === null && text.length === 0) {
        heading = { title: fold(kind.title), subtitle: nullableFold(kind.subtitle, fold) };
      } else keep(item);
    } else if (kind.kind === "date") publishedAt = kind.iso;
    else if (kind.kind === "edition") {
      fields.edition = kind.edition;
      if (kind.section !== undefined) fields.section = kind.section;
    } else if (
      kind.kind === "field" &&
      kind.value.length > 0 &&
      fieldFits(kind.name, kind.value, half.lang)
    ) {
      fields[kind.name] = fold(kind.value);
    }
  }

  const headerTitleHere =
    source.title !== null && labelParagraph(source.title).guess.lang === half.lang;
  const { title, subtitle, body } = takeHeadlines(text, {
    // A `Title:` line left in the body is the same header, found later.
    headerTitle: headerTitleHere ? source.title : (fields.title ?? null),
    headerSubtitle: headerTitleHere ? (source.subtitle ?? null) : (fields.subtitle ?? null),
    heading,
  });
  delete fields.title;
  delete fields.subtitle;
  const author = fields.author ?? source.author ?? null;
  delete fields.author;

  const guess = documentLanguage(body.map((p) => labels.get(p) ?? labelParagraph(p)));
  // The half is its language by construction (ids must be `${id}-${lang}`); the
  // body's own verdict only sets how sure we are.
  const lang = half.lang;
  const confidence = guess.lang === lang ? guess.confidence : UNCONFIRMED_CONFIDENCE;
  const repairs = [...source.repairs, ...fullWidthRepairs(folded)];

  const doc: LanguageDocument = {
    ...source,
    id: `${source.id}-${lang}`,
    title,
    subtitle,
    author,
    published_at: publishedAt,
    body: body.join("\n\n"),
    fields,
    repairs,
    lang,
    lang_confidence: confidence,
    ...(guess.script === undefined ? {} : { script: guess.script }),
  };
  return { doc, paragraphs: body };
}

/** A title field shared by both halves (a body header line) belongs only to the half in its language. */
function fieldFits(name: string, value: string, lang: string): boolean {
  if (name !== "title" && name !== "subtitle") return true;
  return labelParagraph(value).guess.lang === lang;
}

function nullableFold(value: string | null, fold: (value: string) => string): string | null {
  return value === null ? null : fold(value);
}

interface TitleSources {
  headerTitle: string | null;
  headerSubtitle: string | null;
  heading: { title: string; subtitle: string | null } | null;
}

/**
 * Headline lines repeated at the top of a half (short, no sentence-final
 * punctuation, followed by real paragraphs) become its title and subtitle and
 * leave the body; lines that merely repeat a known title are dropped.
 */
function takeHeadlines(
  paragraphs: readonly string[],
  sources: TitleSources,
): { title: string | null; subtitle: string | null; body: string[] } {
  const top: string[] = [];
  for (const paragraph of paragraphs) {
    if (top.length >= 3 || !isHeadline(paragraph) || top.length + 1 >= paragraphs.length) break;
    top.push(tidyLine(paragraph));
  }
  // A heading whose title/subtitle gap was collapsed is the two headline lines run together.
  const [line1, line2] = top;
  const heading =
    sources.heading !== null &&
    sources.heading.subtitle === null &&
    line1 !== undefined &&
    line2 !== undefined &&
    comparisonKey(line1) + comparisonKey(line2) === comparisonKey(sources.heading.title)
      ? { title: line1, subtitle: line2 }
      : sources.heading;
  const known = [sources.headerTitle, sources.headerSubtitle, heading?.title, heading?.subtitle]
    .filter((value): value is string => value !== null && value !== undefined)
    .map(comparisonKey);
  const fresh = top.filter((line) => !known.some((key) => key === comparisonKey(line)));
  // A header title often joins title and subtitle ("Title: Subtitle"); lines that are parts of it are repeats too.
  const partOfHeader = (line: string): boolean =>
    sources.headerTitle !== null &&
    comparisonKey(sources.headerTitle).includes(comparisonKey(line));

  let title = sources.headerTitle ?? heading?.title ?? null;
  let subtitle = sources.headerSubtitle ?? heading?.subtitle ?? null;
  const [first, second] = top;
  if (sources.headerTitle !== null && subtitle === null && top.length >= 2 && first !== undefined) {
    // "Title: Subtitle" header, then the two lines: the second line is the subtitle.
    if (partOfHeader(first) && second !== undefined && partOfHeader(second)) subtitle = second;
  }
  const leftovers = fresh.filter((line) => !partOfHeader(line));
  if (title === null) title = leftovers.shift() ?? null;
  else if (leftovers[0] !== undefined && comparisonKey(leftovers[0]) === comparisonKey(title))
    leftovers.shift();
  if (subtitle === null && leftovers.length > 0) subtitle = leftovers.shift() ?? null;
  // Headline-looking lines not accounted for stay in the body: they may be crossheads.
  return {
    title,
    subtitle,
    body: [...leftovers, ...paragraphs.slice(top.length)].map((p) => p.trim()),
  };
}

function isHeadline(paragraph: string): boolean {
  const line = tidyLine(paragraph);
  if (line.includes("\n")) return false;
  if (/[.。!！?？:：;；,，]$/.test(line)) return false;
  return labelParagraph(line).weight <= MAX_HEADLINE_WEIGHT;
}
