/**
 * The normalize stage: fetched text → clean, repaired NFC text and metadata.
 * Order matters: HTML is reduced to text first (so markup never reaches the
 * repair), mojibake is repaired before anything matches patterns against the
 * text, and boilerplate is removed only after metadata has been taken.
 */
import type { FetchedDocument, NormalizedDocument, Repair } from "../../shared/document.ts";
import { removeBoilerplate } from "./clean/boilerplate.ts";
import { unescapeHtmlEntities } from "./clean/html-entities.ts";
import { extractHtml, type HtmlExtract, type HtmlMetadata } from "./clean/html-extract.ts";
import { extractPlainMetadata } from "./clean/plain-metadata.ts";
import { removeRepeatedSentences } from "./clean/repeated-sentences.ts";
import { cleanupText } from "./clean/text-cleanup.ts";
import { repairMojibake } from "./repair/repair-text.ts";

function isHtml(mediaType: string): boolean {
  return /^(text\/html|application\/xhtml\+xml)\b/i.test(mediaType.trim());
}

/**
 * One paragraph per non-empty line: the seeds put one paragraph on each line
 * (seed 004 indents each with tabs or spaces). Lines are trimmed, otherwise
 * kept as they are: the language stage matches divider lines verbatim.
 */
export function toParagraphs(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.replace(/\t/g, " ").trim())
    .filter((line) => line !== "");
}

/**
 * Repairs the HTML metadata together with the body: a title alone is too
 * short to be evidence of mojibake, the page as a whole is not. Neither the
 * reference decoding nor the mojibake repairs touch line breaks, so the
 * fields come back line by line.
 */
function repairWithFields(
  text: string,
  fields: (string | null)[],
  repairs: Repair[],
): { text: string; fields: (string | null)[] } {
  // Character references left in the text (escaped twice, or a plain-text export) first:
  // what they stand for may itself be mojibake.
  const unescaped = unescapeHtmlEntities([...fields.map((f) => f ?? ""), text].join("\n"));
  repairs.push(...unescaped.repairs);
  const joined = repairMojibake(unescaped.text);
  repairs.push(...joined.repairs);
  const lines = joined.text.split("\n");
  const body = cleanupText(lines.slice(fields.length).join("\n"));
  repairs.push(...body.repairs);
  const repairedFields = fields.map((f, i) => {
    if (f === null) return null;
    const cleaned = cleanupText(lines[i] ?? f);
    repairs.push(...cleaned.repairs);
    return cleaned.text.trim() || null;
  });
  return { text: body.text, fields: repairedFields };
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

/** The normalize stage: a fetched document → clean, repaired NFC text with its metadata. */
export function normalize(doc: FetchedDocument): NormalizedDocument {
  const repairs: Repair[] = [...doc.repairs];
  let text = doc.text;
  let htmlMeta: HtmlMetadata | null = null;
  let page: HtmlExtract | null = null;
  if (isHtml(doc.media_type)) {
    const extracted = extractHtml(doc.text);
    page = extracted;
    // A page read by a fallback method (or not at all) is worth a look: it is counted like a repair.
    if (extracted.method !== "dom") {
      repairs.push({
        kind: "html-extraction",
        count: 1,
        detail:
          extracted.method === "none"
            ? "no article text found"
            : `fell back to ${extracted.method}`,
      });
    }
    const { title, subtitle, author, publisher, published_at } = extracted.meta;
    const repaired = repairWithFields(
      extracted.paragraphs.join("\n"),
      [title, subtitle, author, publisher],
      repairs,
    );
    text = repaired.text;
    const [t, s, a, p] = repaired.fields;
    htmlMeta = {
      title: t ?? null,
      subtitle: s ?? null,
      author: a ?? null,
      publisher: p ?? null,
      published_at,
    };
  } else {
    text = repairWithFields(doc.text, [], repairs).text;
  }

  const meta = extractPlainMetadata(
    toParagraphs(text),
    htmlMeta === null ? undefined : htmlMeta.title,
  );
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

  const fields = { ...(page?.fields ?? {}), ...meta.fields };
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
  if (page?.hints.lang) out.lang_prior = page.hints.lang;
  if (page?.hints.nextPage) out.next_page = page.hints.nextPage;
  if (Object.keys(fields).length > 0) out.fields = fields;
  return out;
}
