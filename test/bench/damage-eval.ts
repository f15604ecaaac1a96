/**
 * Damage evaluation: clean texts the character model never saw
 * (test/fixtures/damage/eval-*.txt) → each kind of damage → repair → share of
 * damaged characters restored, per kind. Run: npx tsx test/bench/damage-eval.ts
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { repairMojibake } from "../../pipelines/normalize/repair-text.ts";
import { damage, kindsFor, lossyKinds } from "./damage-kinds.ts";
import { restoreScore } from "./damage-score.ts";

const dir = fileURLToPath(new URL("../fixtures/damage/", import.meta.url));
const texts = [
  { name: "eval-en", language: "en" as const, text: readFileSync(`${dir}eval-en.txt`, "utf8") },
  { name: "eval-zh", language: "zh" as const, text: readFileSync(`${dir}eval-zh.txt`, "utf8") },
];

console.log("kind                              text      damaged  restored   share");
for (const { name, language, text } of texts) {
  for (const kind of kindsFor(language)) {
    const broken = damage(text, kind);
    const repaired = repairMojibake(broken).text;
    const score = restoreScore(text, broken, repaired);
    const share = score.damaged ? (100 * score.restored) / score.damaged : 100;
    const target = lossyKinds.includes(kind) ? 90 : 99;
    console.log(
      `${kind.padEnd(33)} ${name.padEnd(9)} ${String(score.damaged).padStart(7)} ${String(score.restored).padStart(9)} ${share.toFixed(2).padStart(7)}%  (target ≥${target}%)`,
    );
  }
}
