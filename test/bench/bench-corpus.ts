/**
 * A benchmark corpus of any size made from the seeds: file i is seed i mod 5
 * with one paragraph no other file has, so every file is processed in full
 * (no content hash repeats) while the mix of layouts, languages and damage
 * stays that of the seeds (one in five is mojibake, one in five bilingual).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const seedsDir = fileURLToPath(new URL("../../seeds/", import.meta.url));
const seedFiles = [
  "000_8ecb7e1744039315.txt",
  "001_52282be795692a14.txt",
  "002_f5b5b04f6f128909.txt",
  "003_f58dcddd2ff7dc9e.txt",
  "004_17ef80d675522a88.txt",
];

/** A paragraph that makes file `i` unique, in the language of the paragraph it follows. */
function uniqueParagraph(i: number, chinese: boolean): string {
  return chinese
    ? `（第${i}号简报）本期编号${i}，记录稀土市场第${(i % 97) + 1}周的价格与产量变化。`
    : `Bulletin ${i}: market notes for week ${(i % 52) + 1}, covering prices and output of rare-earth oxides in batch ${i}.`;
}

/**
 * Writes `count` files into `dir`; returns their paths. `first` numbers the
 * unique paragraphs, so corpora with different `first` share no file.
 */
export function writeBenchCorpus(dir: string, count: number, first = 0): string[] {
  mkdirSync(dir, { recursive: true });
  const seeds = seedFiles.map((name) => readFileSync(join(seedsDir, name), "utf8"));
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const seed = seeds[i % seeds.length] ?? "";
    const lines = seed.split("\n");
    // After the first non-empty line: inside the article, in the language it opens with.
    const at = lines.findIndex((line) => line.trim() !== "") + 1;
    const chinese = /[\u4e00-\u9fff]/.test(lines[at - 1] ?? "");
    lines.splice(at, 0, "", uniqueParagraph(first + i, chinese), "");
    const path = join(dir, `bench-${String(i).padStart(5, "0")}.txt`);
    writeFileSync(path, lines.join("\n"));
    paths.push(path);
  }
  return paths;
}
