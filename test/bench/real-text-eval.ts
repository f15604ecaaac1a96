/**
 * False positives of the mojibake repair on real text it was not written
 * for: every paragraph of the Universal Declaration of Human Rights in the
 * `udhr` package (over 500 languages). Prints the paragraphs changed (other
 * than C1 controls read as windows-1252, which are real damage in a few
 * translations), with the first changes of each translation, and the speed.
 * Run: npx tsx test/bench/real-text-eval.ts
 */
import { repairMojibake } from "../../pipelines/normalize/repair/repair-text.ts";
import { udhrDeclarations } from "./udhr-paragraphs.ts";

const c1Only = "C1 controls read as windows-1252";
const declarations = udhrDeclarations();
let paragraphs = 0;
let characters = 0;
let corrupted = 0;
let c1Read = 0;
const touched: string[] = [];
const started = process.cpuUsage();
for (const { file, lang, paragraphs: texts } of declarations) {
  let here = 0;
  for (const text of texts) {
    paragraphs++;
    characters += text.length;
    const out = repairMojibake(text);
    if (out.text === text) continue;
    if (out.repairs.every((r) => r.detail === c1Only)) {
      c1Read++;
      continue;
    }
    corrupted++;
    if (here++ < 2) {
      let at = 0;
      while (at < text.length && text[at] === out.text[at]) at++;
      const from = Math.max(0, at - 25);
      console.log(`${file} (${lang}): ${JSON.stringify(text.slice(from, at + 25))}`);
      console.log(`  → ${JSON.stringify(out.text.slice(from, at + 25))}`);
    }
  }
  if (here > 0) touched.push(`${file} ${here}`);
}
const cpu = process.cpuUsage(started);
const seconds = (cpu.user + cpu.system) / 1e6;
console.log(
  `\n${declarations.length} translations, ${paragraphs} paragraphs, ${(characters / 1e6).toFixed(1)} M characters`,
);
console.log(
  `correct paragraphs changed: ${corrupted} (in ${touched.length} translations: ${touched.join(", ") || "none"})`,
);
console.log(`paragraphs whose C1 controls were read as windows-1252: ${c1Read}`);
console.log(`speed: ${(characters / seconds / 1e6).toFixed(2)} M characters/s`);
