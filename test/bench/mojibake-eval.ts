/**
 * Mojibake evaluation on the project's own corpus
 * (test/fixtures/mojibake/cases.jsonl, built by mojibake-corpus-build.ts):
 * share of broken cases restored exactly, per damage path; correct texts
 * changed (false positives, which must be 0); throughput. The whole mojibake
 * repair runs (repairMojibake), as the normalize stage runs it.
 * Run: npx tsx test/bench/mojibake-eval.ts [--failures]
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { repairMojibake } from "../../pipelines/normalize/repair/repair-text.ts";
import { type MojibakeCase, restoredExactly } from "./mojibake-corpus-build.ts";

const file = fileURLToPath(new URL("../fixtures/mojibake/cases.jsonl", import.meta.url));
const cases: MojibakeCase[] = readFileSync(file, "utf8")
  .split("\n")
  .filter((l) => l !== "")
  .map((l) => JSON.parse(l) as MojibakeCase);
const showFailures = process.argv.includes("--failures");

const byPath = new Map<string, { n: number; ok: number }>();
const failures: string[] = [];
let chars = 0;
let lost = 0;
let readBack = 0;
const start = process.hrtime.bigint();
for (const c of cases) {
  const out = repairMojibake(c.input).text;
  chars += c.input.length;
  const restored = restoredExactly(out, c);
  const ok = restored.ok;
  if (c.original) lost += [...c.expected].filter((ch) => ch === "\uFFFD").length;
  readBack += restored.readBack;
  const tally = byPath.get(c.path) ?? { n: 0, ok: 0 };
  tally.n++;
  if (ok) tally.ok++;
  byPath.set(c.path, tally);
  if (!ok)
    failures.push(
      `${c.id} ${c.path} ${c.lang}\n  in:  ${JSON.stringify(c.input)}\n  out: ${JSON.stringify(out)}\n  exp: ${JSON.stringify(c.expected)}`,
    );
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;

console.log("path                                   cases  restored   share");
let brokenN = 0;
let brokenOk = 0;
for (const [path, t] of [...byPath].sort()) {
  console.log(
    `${path.padEnd(38)} ${String(t.n).padStart(5)} ${String(t.ok).padStart(9)} ${((100 * t.ok) / t.n).toFixed(1).padStart(6)}%`,
  );
  if (path !== "correct") {
    brokenN += t.n;
    brokenOk += t.ok;
  }
}
const correct = byPath.get("correct") ?? { n: 0, ok: 0 };
console.log(
  `\nbroken cases restored exactly: ${brokenOk}/${brokenN} (${((100 * brokenOk) / brokenN).toFixed(2)}%, target ≥ 97%)`,
);
console.log(
  `lost characters (U+FFFD in the damaged text) read back as the original: ${readBack}/${lost}; the others are kept as U+FFFD`,
);
console.log(
  `correct texts changed (false positives): ${correct.n - correct.ok}/${correct.n} (target 0)`,
);
console.log(
  `speed: ${(chars / seconds / 1e6).toFixed(2)} M characters/s over ${cases.length} cases (first call loads the models)`,
);
if (showFailures) for (const f of failures) console.log(f);
