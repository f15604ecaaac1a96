/**
 * Rebuilds pipelines/normalize/repair/models/char-model-data.json, the character model the
 * mojibake repair scores candidates with. Run after changing the training
 * texts: npx tsx pipelines/normalize/repair/models/build-models.ts
 * Training data: the clean seeds (as they are and typeset by
 * typographize.ts), test/fixtures/damage/train-*.txt (never the
 * eval-*.txt texts the damage evaluation measures on) and the word
 * frequencies of the jieba dictionary shipped with @node-rs/jieba.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Jieba } from "@node-rs/jieba";
import { dict as jiebaDict } from "@node-rs/jieba/dict.js";
import { buildHanBigramData } from "../han-bigram.ts";
import { buildHanPosData } from "../han-pos.ts";
import { buildHanPunctData } from "../han-punct.ts";
import { buildCharModelData, type WeightedText } from "./char-model-build.ts";
import { typographize } from "./typographize.ts";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, "utf8");

// Seed 003 is the damaged one: it must never teach the model.
const cleanSeeds = [
  "seeds/000_8ecb7e1744039315.txt",
  "seeds/001_52282be795692a14.txt",
  "seeds/002_f5b5b04f6f128909.txt",
  "seeds/004_17ef80d675522a88.txt",
];
// Chinese prose the model may learn from; eval-*.txt and dev-zh.txt (tuning) never.
// `--exclude train-zh-3` leaves one text out, to measure on it (cross-validation).
const excluded = process.argv[process.argv.indexOf("--exclude") + 1];
const chineseTraining = Array.from({ length: 9 }, (_, i) =>
  i === 0 ? "train-zh" : `train-zh-${i + 1}`,
)
  .filter((name) => !process.argv.includes("--exclude") || name !== excluded)
  .map((name) => `test/fixtures/damage/${name}.txt`);
const texts: WeightedText[] = [
  ...cleanSeeds.map((p) => ({ text: read(p), weight: 2 })),
  { text: read("test/fixtures/damage/train-en.txt"), weight: 4 },
  ...[
    "seeds/000_8ecb7e1744039315.txt",
    "seeds/001_52282be795692a14.txt",
    "seeds/002_f5b5b04f6f128909.txt",
  ].map((p, i) => ({ text: typographize(read(p), i + 1), weight: 2 })),
  // Chinese prose carries the punctuation and cross-word pairs the dictionary lacks.
  ...chineseTraining.map((p) => ({ text: read(p), weight: 200 })),
];

const require = createRequire(import.meta.url);
const dictPath = require.resolve("@node-rs/jieba/dict.txt");
const dict = readFileSync(dictPath, "utf8")
  .split("\n")
  .map((line) => line.split(" "))
  .map(([word, freq]) => ({ word: word ?? "", freq: Number(freq ?? 0) }));

// Domain vocabulary for the word lattice: the words (and CJK punctuation) of the Chinese prose.
const jieba = Jieba.withDict(jiebaDict);
const chineseProse = [...chineseTraining, "seeds/004_17ef80d675522a88.txt"].map(read).join("\n");
const domainWords = jieba
  .cut(chineseProse)
  .filter((w) =>
    /^(?:[\u4e00-\u9fff]{2,}|[\u3001\u3002\uff0c\uff1a\uff1b\uff1f\uff01\u201c\u201d\uff08\uff09\u300a\u300b])$/u.test(
      w,
    ),
  );

const data = buildCharModelData(texts, dict, { dictMass: 600_000, minCount: 2 }, domainWords);
const out = `${root}pipelines/normalize/repair/models/char-model-data.json`;
writeFileSync(out, JSON.stringify(data));
console.log(
  `wrote ${out}: ${Object.keys(data.uni).length} unigrams, ${Object.keys(data.bi).length} bigrams, ${Object.keys(data.tri).length} trigrams, ${Object.keys(data.words).length} domain words`,
);

const bigramOut = `${root}pipelines/normalize/repair/models/han-bigram-data.json`;
const bigrams = buildHanBigramData(chineseProse);
writeFileSync(bigramOut, JSON.stringify(bigrams));
console.log(`wrote ${bigramOut}: ${Object.keys(bigrams.uni).length} characters`);

const posOut = `${root}pipelines/normalize/repair/models/han-pos-data.json`;
const paragraphs = chineseProse.split(/\n+/).map((p) => jieba.tag(p, false));
writeFileSync(posOut, JSON.stringify(buildHanPosData(paragraphs)));
console.log(`wrote ${posOut}: ${paragraphs.length} paragraphs`);

const punctOut = `${root}pipelines/normalize/repair/models/han-punct-data.json`;
writeFileSync(punctOut, JSON.stringify(buildHanPunctData(chineseProse)));
console.log(`wrote ${punctOut}`);
