/**
 * Repair throughput: repairText over a large mixed corpus (clean English and
 * Chinese, and every kind of damage), against plain UTF-8 decoding
 * (TextDecoder) of the same bytes in the same run, so the ratio shows what
 * repair costs. Run: npx tsx test/bench/repair-bench.ts [megabytes]
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { repairMojibake, repairText } from "../../pipelines/normalize/repair/repair-text.ts";
import { damage, kindsFor } from "./damage-kinds.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, "utf8");
const targetMb = Number(process.argv[2] ?? 8);

const clean = [
  { language: "en" as const, text: read("seeds/000_8ecb7e1744039315.txt") },
  { language: "en" as const, text: read("seeds/001_52282be795692a14.txt") },
  { language: "en" as const, text: read("seeds/002_f5b5b04f6f128909.txt") },
  { language: "zh" as const, text: read("seeds/004_17ef80d675522a88.txt") },
  { language: "en" as const, text: read("test/fixtures/damage/eval-en.txt") },
  { language: "zh" as const, text: read("test/fixtures/damage/eval-zh.txt") },
];
const labelled: { kind: string; text: string }[] = [
  { kind: "seed-003", text: read("seeds/003_f58dcddd2ff7dc9e.txt") },
];
for (const { language, text } of clean) {
  labelled.push({ kind: `clean ${language}`, text });
  for (const kind of kindsFor(language))
    labelled.push({ kind: `${kind} ${language}`, text: damage(text, kind) });
}
const variants = labelled.map((v) => v.text);

const docs: Uint8Array[] = [];
let bytes = 0;
while (bytes < targetMb * 1024 * 1024) {
  for (const v of variants) {
    const b = Buffer.from(v, "utf8");
    docs.push(b);
    bytes += b.length;
  }
}

function time(label: string, fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const mbs = bytes / 1024 / 1024 / seconds;
  console.log(
    `${label.padEnd(28)} ${seconds.toFixed(3).padStart(8)} s  ${mbs.toFixed(2).padStart(9)} MB/s`,
  );
  return mbs;
}

// Warm-up loads the character model and lets the JIT settle.
for (const d of docs.slice(0, variants.length)) repairText(new TextDecoder().decode(d));

console.log(
  `corpus: ${docs.length} documents, ${(bytes / 1024 / 1024).toFixed(2)} MB, ${variants.length} variants`,
);
const decoder = new TextDecoder("utf-8");
let sink = 0;
const plain = time("utf-8 decode (TextDecoder)", () => {
  for (const d of docs) sink += decoder.decode(d).length;
});
const repair = time("decode + repairText", () => {
  for (const d of docs) sink += repairText(decoder.decode(d)).text.length;
});
console.log(`repair costs ${(plain / repair).toFixed(1)}× plain decoding (checksum ${sink})`);

// Where the time goes: each kind of text on its own (one copy of each variant,
// repeated), in M characters/s of input, through the mojibake repair alone
// and through repairText (which adds the cleanup of clean/).
console.log("\nper kind of text (M characters per CPU second): mojibake   +cleanup");
const kinds = [...new Set(labelled.map((v) => v.kind))];
// CPU time of this process, not wall time: on a shared machine other
// processes' load would otherwise show up as our slowness.
const rate = (texts: string[], fn: (t: string) => string) => {
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const rounds = Math.max(1, Math.ceil(200_000 / chars));
  const start = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const t of texts) sink += fn(t).length;
  const used = process.cpuUsage(start);
  return (chars * rounds) / ((used.user + used.system) / 1e6) / 1e6;
};
for (const kind of kinds) {
  const texts = labelled.filter((v) => v.kind === kind).map((v) => v.text);
  const mojibake = rate(texts, (t) => repairMojibake(t).text);
  const full = rate(texts, (t) => repairText(t).text);
  console.log(
    `  ${kind.padEnd(36)} ${mojibake.toFixed(2).padStart(8)} ${full.toFixed(2).padStart(9)}`,
  );
}
