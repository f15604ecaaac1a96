/**
 * One damaged word alone in an English line: the hardest evidence the
 * repair gets, with no other span of the line to confirm a code page. Each
 * accented letter of the Latin alphabets (and the West African and
 * Vietnamese ones) opens, sits inside or ends a made-up word ("řbcd",
 * "abřcd", "abcř") in "The word … appears here.", or opens the line as a
 * capital ("Řbcd appears here."), and the line goes once through
 * each code page; a case counts when the line comes back exactly. Cases
 * the code page cannot encode, or whose damage loses bytes, are left out.
 *
 * Run: npx tsx test/bench/single-word-eval.ts [--failures]
 */
import iconv from "iconv-lite";
import { repairMojibake } from "../../pipelines/normalize/repair/repair-text.ts";

const showFailures = process.argv.includes("--failures");
const codePages = [
  "windows-1252",
  "iso-8859-1",
  "windows-1250",
  "windows-1251",
  "windows-1257",
  "macintosh",
  "cp437",
];
const letters = [
  ..."àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿāăąćčďđēėęěğīįıķļľłńňōőœŕřśşšţťūůűųźżžșț",
  ..."ơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹɓɗɛɔŋ",
];
/** Where the letter stands: the whole damaged line for each place. */
const places = [
  ["opening", (c: string) => `The word ${c}bcd appears here.`],
  ["inside", (c: string) => `The word ab${c}cd appears here.`],
  ["ending", (c: string) => `The word abc${c} appears here.`],
  // Its capital opening a headline, where sibling code pages part ("Ãšltima": Ú or è).
  ["capital", (c: string) => `${c.toUpperCase()}bcd appears here.`],
] as const;

/** The line through `cp`, or null when some byte has no character there. */
function damaged(line: string, cp: string): string | null {
  const bytes = Buffer.from(line, "utf8");
  const text = iconv.decode(bytes, cp);
  return text.includes("\uFFFD") || !iconv.encode(text, cp).equals(bytes) ? null : text;
}

console.log("code page        opening   inside   ending  capital    all");
const failures: string[] = [];
let total = 0;
let right = 0;
for (const cp of codePages) {
  const cells: string[] = [];
  let cpTotal = 0;
  let cpRight = 0;
  for (const [place, word] of places) {
    let n = 0;
    let ok = 0;
    for (const c of letters) {
      // Letters with no capital of their own (ĸ-like) add nothing to the capital column.
      if (place === "capital" && c.toUpperCase() === c) continue;
      const line = word(c);
      const broken = damaged(line, cp);
      if (broken === null) continue;
      n++;
      const out = repairMojibake(broken).text;
      if (out === line) ok++;
      else failures.push(`${cp} ${place}: ${JSON.stringify(broken)} → ${JSON.stringify(out)}`);
    }
    cells.push(`${ok}/${n}`.padStart(8));
    cpTotal += n;
    cpRight += ok;
  }
  total += cpTotal;
  right += cpRight;
  console.log(`${cp.padEnd(14)} ${cells.join(" ")} ${`${cpRight}/${cpTotal}`.padStart(8)}`);
}
console.log(`\nrestored exactly: ${right}/${total} (${((100 * right) / total).toFixed(1)}%)`);
if (showFailures) for (const f of failures) console.log(f);
