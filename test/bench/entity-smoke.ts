import { readFileSync } from "node:fs";
import { findEntities } from "../../pipelines/enrich/find-entities.ts";

const [file, lang = "en", ref = null] = process.argv.slice(2);
if (!file) throw new Error("usage: entity-smoke.ts <file> [lang] [referenceDate]");
const text = readFileSync(file, "utf8");
const t0 = performance.now();
const entities = findEntities(text, lang, { referenceDate: ref });
const ms = performance.now() - t0;
for (const e of entities) {
  console.log(
    `${e.type.padEnd(12)} ${e.id.padEnd(48)} ${e.mentions.map((m) => m.text).join(" | ")}`,
  );
}
console.log(`${entities.length} entities in ${ms.toFixed(0)} ms`);
