/**
 * Precision and recall of entity recognition on the gold file, per type and
 * overall, at entity (canonical id) and mention level.
 * Run: npx tsx test/bench/entity-quality.ts [--errors] [--only=seed,own,heldout-005,…]
 */
import { findEntities } from "../../pipelines/enrich/find-entities.ts";
import { emptyReport, loadGold, ratios, type Scores, scoreDocument } from "./entity-score.ts";

const showErrors = process.argv.includes("--errors");
const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");

const report = emptyReport();
let badOffsets = 0;
for (const { doc, text } of loadGold()) {
  if (only && !only.some((prefix) => doc.name.startsWith(prefix))) continue;
  const predicted = findEntities(text, doc.lang, { referenceDate: doc.published_at });
  for (const e of predicted) {
    for (const m of e.mentions) if (text.slice(m.start, m.end) !== m.text) badOffsets++;
  }
  scoreDocument(doc, predicted, report);
}

const pct = (x: number) => x.toFixed(3);
function print(title: string, scores: Scores) {
  console.log(`\n${title}`);
  console.log("type          precision  recall  f1     tp   fp   fn");
  const rows = [...scores.keys()].filter((k) => k !== "overall").sort();
  for (const row of [...rows, "overall"]) {
    const c = scores.get(row);
    if (!c) continue;
    const r = ratios(c);
    console.log(
      `${row.padEnd(14)}${pct(r.precision).padStart(9)}${pct(r.recall).padStart(8)}  ${pct(r.f1)}${String(c.tp).padStart(5)}${String(c.fp).padStart(5)}${String(c.fn).padStart(5)}`,
    );
  }
}
print("Entities (canonical id per document)", report.entity);
print("Mentions (same id, text equal or contained)", report.mention);
console.log(`\nmentions whose offsets do not slice to their text: ${badOffsets}`);
if (showErrors) for (const e of report.errors) console.log(e);
