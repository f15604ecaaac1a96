/**
 * Damage evaluation: clean texts the character model never saw
 * (test/fixtures/damage/eval-*.txt) → each kind of damage → repair → share of
 * damaged characters restored, per kind. Run: npx tsx test/bench/damage-eval.ts
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { repairMojibake } from "../../pipelines/normalize/repair/repair-text.ts";
import { type DamageKind, damage, kindsFor, lossyKinds } from "./damage-kinds.ts";
import { restoreScore } from "./damage-score.ts";

const dir = fileURLToPath(new URL("../fixtures/damage/", import.meta.url));
const texts = [
  { name: "eval-en", language: "en" as const, text: readFileSync(`${dir}eval-en.txt`, "utf8") },
  { name: "eval-en-2", language: "en" as const, text: readFileSync(`${dir}eval-en-2.txt`, "utf8") },
  { name: "eval-en-3", language: "en" as const, text: readFileSync(`${dir}eval-en-3.txt`, "utf8") },
  { name: "eval-zh", language: "zh" as const, text: readFileSync(`${dir}eval-zh.txt`, "utf8") },
  {
    name: "eval-zh-2",
    language: "zh" as const,
    text: readFileSync(`${dir}eval-zh-2.txt`, "utf8"),
  },
];

console.log("kind                              text      damaged  restored   share");
const totals = new Map<
  string,
  { kind: DamageKind; label: string; damaged: number; restored: number }
>();
for (const { name, language, text } of texts) {
  for (const kind of kindsFor(language)) {
    const broken = damage(text, kind);
    const repaired = repairMojibake(broken).text;
    const score = restoreScore(text, broken, repaired);
    for (const label of [`all-${language}`, "all"]) {
      const key = `${kind} ${label}`;
      const total = totals.get(key) ?? { kind, label, damaged: 0, restored: 0 };
      totals.set(key, {
        ...total,
        damaged: total.damaged + score.damaged,
        restored: total.restored + score.restored,
      });
    }
    console.log(line(kind, name, score.damaged, score.restored));
  }
}
console.log("\nper kind, English texts, Chinese texts, all texts:");
const order = ["all-en", "all-zh", "all"];
const sorted = [...totals.values()].sort((a, b) => order.indexOf(a.label) - order.indexOf(b.label));
for (const t of sorted) console.log(line(t.kind, t.label, t.damaged, t.restored));

function line(kind: DamageKind, name: string, damaged: number, restored: number): string {
  const share = damaged ? (100 * restored) / damaged : 100;
  const halfLost =
    kind === "utf8-as-gbk-lossy" ||
    kind === "utf8-as-cp1252-strict" ||
    kind === "utf8-as-cp1252-c1-stripped" ||
    kind === "utf8-as-cp1252-question-marks";
  const target = halfLost ? 50 : lossyKinds.includes(kind) ? 90 : 99;
  return `${kind.padEnd(33)} ${name.padEnd(9)} ${String(damaged).padStart(7)} ${String(restored).padStart(9)} ${share.toFixed(2).padStart(7)}%  (target ≥${target}%)`;
}
