/**
 * Mojibake beside correct text on the same line, as when a page joins a
 * clean headline to a feed's damaged one. Two measures, built on the fly
 * from the mojibake corpus's texts (mojibake-corpus-build.ts):
 *
 * - mixed lines: each source text, " — ", then the same text through a
 *   wrong code page; restored exactly, per code page;
 * - real text beside mojibake: each of the 109 suspicious-but-correct
 *   texts, with a damaged word before and after it; lines where the correct
 *   text was changed (must be 0), and lines where the damaged words were
 *   not restored.
 *
 * Run: npx tsx test/bench/mojibake-mixed.ts [--failures]
 */
import iconv from "iconv-lite";
import { repairMojibake } from "../../pipelines/normalize/repair/repair-text.ts";
import {
  browserCp1252,
  expectedThrough,
  readTexts,
  restoredExactly,
  singleByte,
} from "./mojibake-corpus-build.ts";

const showFailures = process.argv.includes("--failures");
const failures: string[] = [];

console.log("mixed lines (a text, then its mojibake)   cases  restored");
let mixedN = 0;
let mixedOk = 0;
for (const cp of ["browser-windows-1252", ...singleByte]) {
  let n = 0;
  let ok = 0;
  for (const { text } of readTexts("source-texts.txt")) {
    const utf8 = Buffer.from(text, "utf8");
    const broken = cp === "browser-windows-1252" ? browserCp1252(utf8) : iconv.decode(utf8, cp);
    if (broken === text) continue;
    const expected = cp === "browser-windows-1252" ? text : expectedThrough(text, cp);
    const out = repairMojibake(`${text} — ${broken}`).text;
    n++;
    if (
      restoredExactly(out, { expected: `${text} — ${expected}`, original: `${text} — ${text}` }).ok
    )
      ok++;
    else failures.push(`mixed ${cp}: ${JSON.stringify(broken)}\n  → ${JSON.stringify(out)}`);
  }
  console.log(`${cp.padEnd(40)} ${String(n).padStart(5)} ${String(ok).padStart(9)}`);
  mixedN += n;
  mixedOk += ok;
}
console.log(`${"all".padEnd(40)} ${String(mixedN).padStart(5)} ${String(mixedOk).padStart(9)}`);

/** Damaged words, each through a different code page, and what they were. */
const damagedWords: [string, string][] = [
  ["cafÃ©", "café"],
  ["LiĂ¨ge", "Liège"],
  ["вЂњРїСЂРёРІРµС‚вЂќ", "“привет”"],
  ["cr√®me", "crème"],
  ["┼ákoda", "Škoda"],
];
let lines = 0;
let changed = 0;
let missed = 0;
for (const { text } of readTexts("suspicious-texts.txt")) {
  for (const [broken, fixed] of damagedWords) {
    lines++;
    const out = repairMojibake(`${broken} — ${text} — ${broken}`).text;
    const expected = `${fixed} — ${text} — ${fixed}`;
    if (out === expected) continue;
    const keptText = out.includes(` — ${text} — `);
    if (!keptText) changed++;
    else missed++;
    failures.push(`${keptText ? "missed" : "CHANGED"}: ${JSON.stringify(out)}`);
  }
}
console.log(
  `\nreal text beside mojibake: ${lines} lines; correct text changed in ${changed}, damaged words left in ${missed}`,
);
if (showFailures) for (const f of failures) console.log(f);
