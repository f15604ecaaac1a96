/**
 * The document as it travels between stages, and the contract document that is
 * indexed (DESIGN.md, "The document contract"). Every shape has a zod schema so
 * that job payloads are validated where they enter and leave a queue.
 */
import { z } from "zod";

export const sourceRefSchema = z.object({
  /** Stable id derived from the uri (see shared/ids.ts). */
  id: z.string().min(1),
  uri: z.string().min(1),
  name: z.string().optional(),
  publisher: z.string().optional(),
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

export const encodingInfoSchema = z.object({
  detected: z.string(),
  declared: z.string().optional(),
  confidence: z.number().min(0).max(1).optional(),
});
export type EncodingInfo = z.infer<typeof encodingInfoSchema>;

export const repairSchema = z.object({
  kind: z.string(),
  count: z.number().int().nonnegative(),
  detail: z.string().optional(),
});
export type Repair = z.infer<typeof repairSchema>;

/** Output of fetch: decoded Unicode text (raw bytes never cross Redis). */
export const fetchedDocumentSchema = z.object({
  id: z.string().min(1),
  source: sourceRefSchema,
  /** Media type as served or guessed from the file name: "text/html", "text/plain", … */
  media_type: z.string(),
  text: z.string(),
  encoding: encodingInfoSchema,
  /** Repairs decided at decode time (e.g. a declared charset the bytes contradicted). */
  repairs: z.array(repairSchema),
  content_hash: z.string(),
  fetched_at: z.string(),
  etag: z.string().optional(),
  last_modified: z.string().optional(),
});
export type FetchedDocument = z.infer<typeof fetchedDocumentSchema>;

/**
 * Output of normalize: clean, repaired NFC text and the metadata found in it.
 * `body` keeps the article's own structure (paragraphs joined by "\n\n"),
 * including a bilingual divider such as "Original:", so that the language stage can split it.
 */
export const normalizedDocumentSchema = z.object({
  id: z.string().min(1),
  source: sourceRefSchema,
  title: z.string().nullable(),
  subtitle: z.string().nullable().optional(),
  author: z.string().nullable().optional(),
  published_at: z.string().nullable(),
  body: z.string(),
  highlights: z.array(z.string()).optional(),
  /** Extra metadata lines a layout carries (edition, section, …), by name. */
  fields: z.record(z.string(), z.string()).optional(),
  /** Language the page declares (`<html lang>`, content-language): a prior for the language stage, not a verdict. */
  lang_prior: z.string().optional(),
  /** Link to the next page when the article continues on another one ("下一页", rel=next). */
  next_page: z.string().optional(),
  repairs: z.array(repairSchema),
  encoding: encodingInfoSchema,
  content_hash: z.string(),
  fetched_at: z.string(),
});
export type NormalizedDocument = z.infer<typeof normalizedDocumentSchema>;

export const translationLinkSchema = z.object({
  pair_id: z.string(),
  role: z.enum(["original", "translation"]).optional(),
  counterpart_id: z.string(),
  aligned_paragraphs: z.array(z.tuple([z.number().int(), z.number().int()])).optional(),
});
export type TranslationLink = z.infer<typeof translationLinkSchema>;

/** Output of language: one document per language; a bilingual article fans out to two. */
export const languageDocumentSchema = normalizedDocumentSchema.extend({
  lang: z.string(),
  lang_confidence: z.number().min(0).max(1),
  script: z.string().optional(),
  translation: translationLinkSchema.optional(),
});
export type LanguageDocument = z.infer<typeof languageDocumentSchema>;

export const entityTypeSchema = z.enum([
  "person",
  "organization",
  "location",
  "material",
  "money",
  "quantity",
  "percent",
  "date",
]);
export type EntityType = z.infer<typeof entityTypeSchema>;

export const mentionSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Mention = z.infer<typeof mentionSchema>;

export const entitySchema = z.object({
  id: z.string(),
  type: entityTypeSchema,
  name: z.string(),
  names: z.record(z.string(), z.string()).optional(),
  /** Normalised value of a quantity, money, percent or date entity. */
  value: z.number().optional(),
  unit: z.string().optional(),
  mentions: z.array(mentionSchema),
});
export type Entity = z.infer<typeof entitySchema>;

/** The contract document: what `lodestone process` prints and the index stores. */
export const lodestoneDocumentSchema = languageDocumentSchema.extend({
  entities: z.array(entitySchema),
});
export type LodestoneDocument = z.infer<typeof lodestoneDocumentSchema>;
