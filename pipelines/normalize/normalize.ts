/**
 * The normalize stage: fetched text → clean, repaired NFC text and metadata.
 * Order matters: HTML is reduced to text first (so markup never reaches the
 * repair), mojibake is repaired before anything matches patterns against the
 * text, and boilerplate is removed only after metadata has been taken.
 */
import type { FetchedDocument, NormalizedDocument, Repair } from "../../shared/document.ts";
import { removeBoilerplate } from "./boilerplate.ts";
import { extractHtml, type HtmlMetadata } from "./html-extract.ts";
import { extractPlainMetadata } from "./plain-metadata.ts";
import { removeRepeatedSentences } from "./repeated-sentences.ts";
import { repairText } from "./repair-text.ts";

function isHtml(mediaType: string): boolean {
  return /^(text\/html|application\/xhtml\+xml)\b/i.test(mediaType.trim());
}

/** One paragraph per non-empty line: the seeds put one paragraph on each line. */
export function toParagraphs(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter((line) => line !== "");
}

function repairField(value: string | null, repairs: Repair[]): string | null {
  if (value === null) return null;
  const r = repairText(value);
  repairs.push(...r.repairs);
  return r.text || null;
}

function mergeRepairs(repairs: Repair[]): Repair[] {
  const merged = new Map<string, Repair>();
  for (const r of repairs) {
    const key = `${r.kind}\u0000${r.detail ?? ""}`;
    const prev = merged.get(key);
    if (prev) prev.count += r.count;
    else merged.set(key, { ...r });
  }
  return [...merged.values()];
}

export function normalize(doc: FetchedDocument): NormalizedDocument {
  const repairs: Repair[] = [...doc.repairs];
  let text = doc.text;
  let htmlMeta: HtmlMetadata | null = null;
  if (isHtml(doc.media_type)) {
    const extracted = extractHtml(doc.text);
    text = extracted.paragraphs.join("\n");
    htmlMeta = {
      title: repairField(extracted.meta.title, repairs),
      subtitle: repairField(extracted.meta.subtitle, repairs),
      author: repairField(extracted.meta.author, repairs),
      published_at: extracted.meta.published_at,
      publisher: repairField(extracted.meta.publisher, repairs),
    };
  }

  const repaired = repairText(text);
  repairs.push(...repaired.repairs);

  const meta = extractPlainMetadata(toParagraphs(repaired.text));
  const boiler = removeBoilerplate(meta.paragraphs);
  if (boiler.removed > 0) {
    repairs.push({
      kind: "boilerplate",
      count: boiler.removed,
      detail: "comment widgets, link residue, disclaimers, footers",
    });
  }
  const deduped = removeRepeatedSentences(boiler.paragraphs);
  if (deduped.removed > 0) {
    repairs.push({
      kind: "repeated-sentence",
      count: deduped.removed,
      detail: "exact repeat of a long sentence removed after its first occurrence",
    });
  }

  const fields = { ...meta.fields };
  const publisher = htmlMeta?.publisher ?? fields.publisher;
  if (publisher) fields.publisher = publisher;
  const source =
    publisher && !doc.source.publisher ? { ...doc.source, publisher } : { ...doc.source };

  const out: NormalizedDocument = {
    id: doc.id,
    source,
    title: htmlMeta?.title ?? meta.title,
    subtitle: htmlMeta?.subtitle ?? meta.subtitle,
    author: htmlMeta?.author ?? meta.author,
    published_at: htmlMeta?.published_at ?? meta.published_at,
    body: deduped.paragraphs.join("\n\n"),
    repairs: mergeRepairs(repairs),
    encoding: doc.encoding,
    content_hash: doc.content_hash,
    fetched_at: doc.fetched_at,
  };
  if (meta.highlights.length > 0) out.highlights = meta.highlights;
  if (Object.keys(fields).length > 0) out.fields = fields;
  return out;
}
