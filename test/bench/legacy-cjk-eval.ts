/**
 * East Asian legacy bytes read as windows-1252 or Latin-1 (legacy-cjk.ts):
 * news lines in Japanese and Korean (test/fixtures/legacy-cjk/), and the
 * Chinese evaluation texts of the damage bench in Simplified (GBK) and, through
 * OpenCC, Traditional (Big5) characters, each line encoded with its code
 * page and decoded as browsers decode windows-1252 (the five undefined bytes
 * kept as C1 controls) and as Latin-1. Prints, per path, the lines restored
 * exactly and the lines changed into anything else; the mojibake, real-text
 * and damage benches watch the text that must stay as it is. Then the other
 * direction, UTF-8 read as Shift_JIS (mojibake-double-byte.ts), on the
 * Japanese and Simplified Chinese lines: characters restored, marked lost
 * (U+FFFD), wrong, and in lines left unrepaired.
 * Run: npx tsx test/bench/legacy-cjk-eval.ts
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import * as OpenCC from "opencc-js/cn2t";
import { decodeCp1252 } from "../../pipelines/normalize/repair/cp1252.ts";
import { repairMojibake } from "../../pipelines/normalize/repair/repair-text.ts";

const fixture = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), "utf8");
const lines = (text: string) => text.split("\n").filter((line) => line.trim() !== "");

const simplified = [
  ...lines(fixture("damage/eval-zh.txt")),
  ...lines(fixture("damage/eval-zh-2.txt")),
];
const toTraditional: (text: string) => string = OpenCC.Converter({ from: "cn", to: "tw" });
const sets = [
  {
    language: "ja",
    codePages: ["shift_jis", "euc-jp"],
    lines: lines(fixture("legacy-cjk/ja.txt")),
  },
  { language: "ko", codePages: ["euc-kr"], lines: lines(fixture("legacy-cjk/ko.txt")) },
  {
    language: "zh-Hant",
    codePages: ["big5"],
    lines: simplified.map((line) => toTraditional(line)),
  },
  { language: "zh-Hans", codePages: ["gbk"], lines: simplified },
];
const readers = {
  "windows-1252": decodeCp1252,
  "latin-1": (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1"),
};

/** Every damaged line once, with what it was: the same for both rounds below. */
const cases = sets.flatMap((set) =>
  set.codePages.flatMap((codePage) =>
    Object.entries(readers).map(([reader, read]) => ({
      path: `${set.language} ${codePage} read as ${reader}`,
      pairs: set.lines
        .map((line) => ({ line, bytes: iconv.encode(line, codePage) }))
        // A line the code page cannot hold whole is no test of reading it back.
        .filter(({ line, bytes }) => iconv.decode(bytes, codePage) === line)
        .map(({ line, bytes }) => ({ line, broken: read(bytes) })),
    })),
  ),
);
// The character model and the code tables load on first use: a first round loads them, untimed.
for (const { pairs } of cases) for (const { broken } of pairs) repairMojibake(broken);

console.log("path                                   lines  restored  changed wrongly");
const timedRounds = 5;
let chars = 0;
let cpuMicros = 0;
const all = { lines: 0, restored: 0, wrong: 0 };
for (const { path, pairs } of cases) {
  let restored = 0;
  let wrong = 0;
  for (const { line, broken } of pairs) {
    let repaired = "";
    // A line takes well under a millisecond: timed over a few rounds.
    const started = process.cpuUsage();
    for (let round = 0; round < timedRounds; round++) repaired = repairMojibake(broken).text;
    const used = process.cpuUsage(started);
    cpuMicros += used.user + used.system;
    chars += timedRounds * broken.length;
    if (repaired === line) restored++;
    else if (repaired !== broken) wrong++;
  }
  all.lines += pairs.length;
  all.restored += restored;
  all.wrong += wrong;
  console.log(
    `${path.padEnd(38)} ${String(pairs.length).padStart(5)} ${String(restored).padStart(9)} ${String(wrong).padStart(16)}`,
  );
}
const share = ((100 * all.restored) / all.lines).toFixed(1);
console.log(
  `\nrestored exactly: ${all.restored}/${all.lines} lines (${share}%); changed into something else: ${all.wrong}`,
);
console.log(`speed: ${(chars / cpuMicros).toFixed(2)} M characters/s`);

console.log("\nUTF-8 read as Shift_JIS   characters  restored  marked lost  wrong  in lines left");
const japanese = sets.find((set) => set.language === "ja")?.lines ?? [];
for (const [language, texts] of [
  ["ja", japanese],
  ["zh-Hans", simplified],
] as const) {
  const tally = { chars: 0, restored: 0, lost: 0, wrong: 0, left: 0 };
  for (const line of texts) {
    const original = [...line];
    const repaired = [...repairMojibake(iconv.decode(Buffer.from(line, "utf8"), "shift_jis")).text];
    tally.chars += original.length;
    // A line whose length changed was not repaired whole: its characters cannot be lined up.
    if (repaired.length !== original.length) {
      tally.left += original.length;
      continue;
    }
    original.forEach((ch, i) => {
      if (repaired[i] === ch) tally.restored++;
      else if (repaired[i] === "\uFFFD") tally.lost++;
      else tally.wrong++;
    });
  }
  const cells = [tally.chars, tally.restored, tally.lost, tally.wrong, tally.left];
  const widths = [10, 9, 12, 6, 14];
  console.log(
    `${language.padEnd(25)} ${cells.map((n, k) => String(n).padStart(widths[k] ?? 8)).join(" ")}`,
  );
}
