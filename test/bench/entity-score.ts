/**
 * Scores recognised entities against the hand-labelled gold file
 * (test/fixtures/entities/gold.json). Two levels:
 * - entity: per document, the set of canonical ids (an entity is right when
 *   its id is; the type of the gold entity decides its row);
 * - mention: gold mention texts against predicted mention texts of the same
 *   id, one to one; a pair matches when the texts are equal or one contains
 *   the other ("Mountain Pass" / "Mountain Pass mine"), which tolerates
 *   labelling on text rather than offsets.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Entity } from "../../shared/document.ts";

const goldSchema = z.object({
  documents: z.array(
    z.object({
      name: z.string(),
      file: z.string(),
      lang: z.string(),
      published_at: z.string().nullable(),
      entities: z.array(
        z.object({ id: z.string(), type: z.string(), mentions: z.array(z.string()) }),
      ),
    }),
  ),
});
export type GoldDocument = z.infer<typeof goldSchema>["documents"][number];

const fixtures = fileURLToPath(new URL("../fixtures/entities/", import.meta.url));

export function loadGold(): { doc: GoldDocument; text: string }[] {
  const gold = goldSchema.parse(JSON.parse(readFileSync(`${fixtures}gold.json`, "utf8")));
  return gold.documents.map((doc) => ({ doc, text: readFileSync(fixtures + doc.file, "utf8") }));
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export type Scores = Map<string, Counts>;

export interface ScoreReport {
  entity: Scores;
  mention: Scores;
  errors: string[];
}

function bump(scores: Scores, type: string, key: keyof Counts) {
  for (const row of [type, "overall"]) {
    const counts = scores.get(row) ?? { tp: 0, fp: 0, fn: 0 };
    counts[key]++;
    scores.set(row, counts);
  }
}

const matches = (a: string, b: string) => a === b || a.includes(b) || b.includes(a);

export function scoreDocument(doc: GoldDocument, predicted: Entity[], report: ScoreReport) {
  const predictedById = new Map(predicted.map((e) => [e.id, e]));
  const goldIds = new Set(doc.entities.map((e) => e.id));
  for (const gold of doc.entities) {
    const found = predictedById.get(gold.id);
    bump(report.entity, gold.type, found ? "tp" : "fn");
    if (!found) report.errors.push(`${doc.name} FN ${gold.id} ${JSON.stringify(gold.mentions)}`);
    const unmatched = [...(found?.mentions.map((m) => m.text) ?? [])];
    for (const text of gold.mentions) {
      const i = unmatched.findIndex((p) => matches(p, text));
      if (i >= 0) {
        unmatched.splice(i, 1);
        bump(report.mention, gold.type, "tp");
      } else {
        bump(report.mention, gold.type, "fn");
        if (found) report.errors.push(`${doc.name} FN mention ${gold.id} "${text}"`);
      }
    }
    for (const text of unmatched) {
      bump(report.mention, gold.type, "fp");
      report.errors.push(`${doc.name} FP mention ${gold.id} "${text}"`);
    }
  }
  for (const entity of predicted) {
    if (goldIds.has(entity.id)) continue;
    bump(report.entity, entity.type, "fp");
    for (const _ of entity.mentions) bump(report.mention, entity.type, "fp");
    report.errors.push(
      `${doc.name} FP ${entity.id} ${JSON.stringify(entity.mentions.map((m) => m.text))}`,
    );
  }
}

export function ratios(c: Counts) {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export const emptyReport = (): ScoreReport => ({
  entity: new Map(),
  mention: new Map(),
  errors: [],
});
