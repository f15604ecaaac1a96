/**
 * Charset detection on the project's own corpus (test/fixtures/charset/,
 * built by charset-corpus-build.ts): a file counts as right when its bytes
 * decode to exactly the text that was encoded, so equivalent tables
 * (GBK/GB18030, ISO-8859-1/windows-1252 on text they share) count as right.
 * Prints accuracy per encoding and per variant, failures, and the median
 * time per file. Run: npx tsx test/bench/charset-eval.ts [--failures]
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { decodeBytes } from "../../pipelines/fetch/decode/decode-bytes.ts";
import type { CharsetCase } from "./charset-corpus-build.ts";

const dir = fileURLToPath(new URL("../fixtures/charset/", import.meta.url));
const cases = JSON.parse(readFileSync(`${dir}manifest.json`, "utf8")) as CharsetCase[];
const showFailures = process.argv.includes("--failures");

const byEncoding = new Map<string, { n: number; ok: number }>();
const byVariant = new Map<string, { n: number; ok: number }>();
const times: number[] = [];
const failures: string[] = [];
const tally = (map: Map<string, { n: number; ok: number }>, key: string, ok: boolean) => {
  const t = map.get(key) ?? { n: 0, ok: 0 };
  t.n++;
  if (ok) t.ok++;
  map.set(key, t);
};

for (const c of cases) {
  const bytes = readFileSync(`${dir}files/${c.file}`);
  const start = process.hrtime.bigint();
  let text: string;
  let detected: string;
  try {
    const out = decodeBytes(bytes, {
      ...(c.contentType ? { contentType: c.contentType } : {}),
      ...(c.previousEncoding ? { previousEncoding: c.previousEncoding } : {}),
    });
    text = out.text;
    detected = out.encoding.detected;
  } catch (error) {
    text = "";
    detected = `error: ${error instanceof Error ? error.message : String(error)}`;
  }
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  const ok = text === c.expected;
  tally(byEncoding, c.encoding, ok);
  tally(byVariant, c.variant, ok);
  if (!ok) failures.push(`${c.file}: detected ${detected}: ${JSON.stringify(text.slice(0, 50))}`);
}

console.log("encoding          files  right");
for (const [enc, t] of [...byEncoding].sort())
  console.log(`${enc.padEnd(17)} ${String(t.n).padStart(5)} ${String(t.ok).padStart(6)}`);
console.log("\nvariant           files  right");
for (const [v, t] of byVariant)
  console.log(`${v.padEnd(17)} ${String(t.n).padStart(5)} ${String(t.ok).padStart(6)}`);
const right = cases.length - failures.length;
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? 0;
console.log(
  `\ndecoded right: ${right}/${cases.length} (${((100 * right) / cases.length).toFixed(1)}%) in ${byEncoding.size} encodings`,
);
console.log(
  `median ${median.toFixed(3)} ms per file, total ${times.reduce((a, b) => a + b, 0).toFixed(0)} ms`,
);
if (showFailures) for (const f of failures) console.log(f);
