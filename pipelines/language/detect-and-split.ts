/**
 * The language stage: label a normalized document with its language, and
 * fan a bilingual article out into one linked document per language
 * (`${id}-en`, `${id}-zh`), each with its own title, metadata and body, and
 * the paragraph alignment between them.
 */
import type { LanguageDocument, NormalizedDocument } from "../../shared/document.ts";
import { alignParagraphs } from "./align-paragraphs.ts";
import { analyseLayout, type BilingualLayout } from "./bilingual-layout.ts";
import { documentLanguage, labelParagraph } from "./document-language.ts";
import { buildHalf } from "./half-document.ts";
import { foldFullWidthAlnum, fullWidthRepairs, splitParagraphs } from "./text-forms.ts";

/** The language stage: a normalized document → one document per language, linked when bilingual. */
export function detectAndSplit(doc: NormalizedDocument): LanguageDocument[] {
  const paragraphs = splitParagraphs(doc.body);
  const { items, layout } = analyseLayout(paragraphs);
  if (layout !== null) {
    const pair = splitPair(doc, layout);
    if (pair !== null) return pair;
  }
  const labels = items.flatMap((item) => (item.label === undefined ? [] : [item.label]));
  const fromBody = documentLanguage(labels);
  // A body of numbers and layout lines says nothing; the title may, else the page's declared language.
  const fromTitle =
    fromBody.lang === "und" && doc.title !== null
      ? documentLanguage([labelParagraph(doc.title)])
      : fromBody;
  const guess =
    fromTitle.lang === "und" && doc.lang_prior !== undefined
      ? { lang: doc.lang_prior, confidence: 0.3 }
      : fromTitle;
  // Same width folding as the halves get, so that `１７个` is found as `17个` in every document.
  const body = foldFullWidthAlnum(doc.body);
  const title = doc.title === null ? null : foldFullWidthAlnum(doc.title);
  const subtitle = typeof doc.subtitle === "string" ? foldFullWidthAlnum(doc.subtitle) : null;
  const folded = body.count + (title?.count ?? 0) + (subtitle?.count ?? 0);
  return [
    {
      ...doc,
      title: title?.text ?? null,
      ...(subtitle === null ? {} : { subtitle: subtitle.text }),
      body: body.text,
      repairs: [...doc.repairs, ...fullWidthRepairs(folded)],
      lang: guess.lang,
      lang_confidence: guess.confidence,
      ...(guess.script === undefined ? {} : { script: guess.script }),
    },
  ];
}

function splitPair(doc: NormalizedDocument, layout: BilingualLayout): LanguageDocument[] | null {
  const [a, b] = layout.halves.map((half) => ({
    half,
    built: buildHalf(doc, half, layout.shared),
  }));
  if (a === undefined || b === undefined) return null;
  // A half that is all title and layout lines has nothing to read side by side.
  if (a.built.paragraphs.length === 0 || b.built.paragraphs.length === 0) return null;
  const pairs = alignParagraphs(a.built.paragraphs, b.built.paragraphs);
  const link = (
    self: typeof a,
    other: typeof a,
    aligned: Array<[number, number]>,
  ): LanguageDocument["translation"] => ({
    pair_id: doc.id,
    ...(self.half.role === undefined ? {} : { role: self.half.role }),
    counterpart_id: other.built.doc.id,
    aligned_paragraphs: aligned,
  });
  const ordered = [a, b].sort((x, y) => x.built.doc.id.localeCompare(y.built.doc.id));
  return ordered.map((self) => {
    const other = self === a ? b : a;
    const aligned =
      self === a
        ? pairs
        : pairs
            .map(([i, j]): [number, number] => [j, i])
            .sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    return { ...self.built.doc, translation: link(self, other, aligned) };
  });
}
