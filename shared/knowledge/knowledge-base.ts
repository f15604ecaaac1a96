/**
 * The domain knowledge base: canonical entities of the rare-earth world with
 * their names in English and Chinese. The data lives in knowledge/*.json so it
 * can be reviewed like code; this module validates it once at load time.
 */
import { z } from "zod";
import locations from "./locations.json" with { type: "json" };
import materials from "./materials.json" with { type: "json" };
import organizations from "./organizations.json" with { type: "json" };
import persons from "./persons.json" with { type: "json" };

const kbRecordSchema = z.object({
  /** Canonical, language-independent id: "loc:baotou". */
  id: z.string().regex(/^(per|org|loc|mat):[\p{L}\p{N}-]+$/u),
  /** Canonical English name. */
  en: z.string().min(1),
  zh: z.string().min(1).optional(),
  /** Further names in any language, matched ignoring case and character width. */
  aliases: z.array(z.string().min(1)).optional(),
  /** Names matched only with exact case: acronyms and element symbols ("CNRE", "Nd"). */
  cs: z.array(z.string().min(1)).optional(),
});
type KbRecord = z.infer<typeof kbRecordSchema>;

export type KbType = "person" | "organization" | "location" | "material";

export interface KbEntry extends KbRecord {
  type: KbType;
}

function load(records: unknown, type: KbType): KbEntry[] {
  return z
    .array(kbRecordSchema)
    .parse(records)
    .map((record) => ({ ...record, type }));
}

function buildKnowledgeBase(): Map<string, KbEntry> {
  const all = [
    ...load(persons, "person"),
    ...load(organizations, "organization"),
    ...load(locations, "location"),
    ...load(materials, "material"),
  ];
  const byId = new Map<string, KbEntry>();
  for (const entry of all) {
    if (byId.has(entry.id)) throw new Error(`knowledge base: duplicate id ${entry.id}`);
    byId.set(entry.id, entry);
  }
  return byId;
}

export const knowledgeBase: ReadonlyMap<string, KbEntry> = buildKnowledgeBase();

/** Every name of an entry with whether it must match case exactly. */
export function namesOf(entry: KbEntry): { name: string; caseSensitive: boolean }[] {
  const loose = [entry.en, ...(entry.zh ? [entry.zh] : []), ...(entry.aliases ?? [])];
  return [
    ...loose
      .filter((name) => !(entry.cs ?? []).includes(name))
      .map((name) => ({ name, caseSensitive: false })),
    ...(entry.cs ?? []).map((name) => ({ name, caseSensitive: true })),
  ];
}
