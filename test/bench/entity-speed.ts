/**
 * Time of findEntities on long bodies (the gold texts repeated).
 * Run: npx tsx test/bench/entity-speed.ts [repeat]
 */
import { findEntities } from "../../pipelines/enrich/find-entities.ts";
import { loadGold } from "./entity-score.ts";

const repeat = Number(process.argv[2] ?? "20");
for (const lang of ["en", "zh"]) {
  const texts = loadGold()
    .filter(({ doc }) => doc.lang === lang)
    .map(({ text }) => text);
  const body = Array.from({ length: repeat }, () => texts.join("\n\n")).join("\n\n");
  findEntities(texts[0] ?? "", lang);
  const t0 = performance.now();
  const entities = findEntities(body, lang);
  const ms = performance.now() - t0;
  const mentions = entities.reduce((n, e) => n + e.mentions.length, 0);
  console.log(
    `${lang}: ${(body.length / 1000).toFixed(0)}k chars, ${entities.length} entities, ${mentions} mentions, ${ms.toFixed(0)} ms`,
  );
}
