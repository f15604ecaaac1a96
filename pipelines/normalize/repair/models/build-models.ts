/**
 * Builds the four repair models that come from the project's own training
 * text (char-model, han-bigram, han-pos, han-punct), in memory, as the JSON
 * text shipped beside this module. `npm run models:build` writes them
 * (write-models.ts); test/unit/normalize/repair-models.test.ts checks that the
 * shipped files are exactly what this produces.
 *
 * Training data: the clean seeds (as they are and typeset by typographize.ts),
 * test/fixtures/damage/train-*.txt (never the eval-*.txt texts the damage
 * evaluation measures on) and the word frequencies of the jieba dictionary
 * shipped with @node-rs/jieba.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Jieba } from "@node-rs/jieba";
import { dict as jiebaDict } from "@node-rs/jieba/dict.js";
import { CJK_PUNCTUATION, HAN_RANGES } from "../../../../shared/text/han.ts";
import { buildCharModelData, type WeightedText } from "./char-model-build.ts";
import { buildHanBigramData } from "./han-bigram-build.ts";
import { buildHanPosData } from "./han-pos-build.ts";
import { buildHanPunctData } from "./han-punct-build.ts";
import { typographize } from "./typographize.ts";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, "utf8");

/** A word of two Han characters or more, or one CJK punctuation mark. */
const domainWord = new RegExp(`^(?:[${HAN_RANGES}]{2,}|[${CJK_PUNCTUATION}])$`, "u");

/** The model files this module builds, by file name (beside this module). */
export type RepairModelFiles = Record<
  "char-model-data.json" | "han-bigram-data.json" | "han-pos-data.json" | "han-punct-data.json",
  string
>;

// Seed 003 is the damaged one: it must never teach the model.
const cleanSeeds = [
  "seeds/000_8ecb7e1744039315.txt",
  "seeds/001_52282be795692a14.txt",
  "seeds/002_f5b5b04f6f128909.txt",
  "seeds/004_17ef80d675522a88.txt",
];

/** The Chinese training texts; `exclude` leaves one out (cross-validation, test/bench/damage-cv.ts). */
export function chineseTrainingFiles(exclude?: string): string[] {
  return Array.from({ length: 9 }, (_, i) => (i === 0 ? "train-zh" : `train-zh-${i + 1}`))
    .filter((name) => name !== exclude)
    .map((name) => `test/fixtures/damage/${name}.txt`);
}

function jiebaDictionary(): { word: string; freq: number }[] {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve("@node-rs/jieba/dict.txt"), "utf8")
    .split("\n")
    .map((line) => line.split(" "))
    .map(([word, freq]) => ({ word: word ?? "", freq: Number(freq ?? 0) }));
}

/** Builds the four models from the training texts; `exclude` names a Chinese text to leave out. */
export function buildRepairModels(exclude?: string): RepairModelFiles {
  const chineseTraining = chineseTrainingFiles(exclude);
  const texts: WeightedText[] = [
    ...cleanSeeds.map((p) => ({ text: read(p), weight: 2 })),
    { text: read("test/fixtures/damage/train-en.txt"), weight: 4 },
    ...cleanSeeds.slice(0, 3).map((p, i) => ({ text: typographize(read(p), i + 1), weight: 2 })),
    // Chinese prose carries the punctuation and cross-word pairs the dictionary lacks.
    ...chineseTraining.map((p) => ({ text: read(p), weight: 200 })),
  ];
  // Domain vocabulary for the word lattice: the words (and CJK punctuation) of the Chinese prose.
  const jieba = Jieba.withDict(jiebaDict);
  const chineseProse = [...chineseTraining, "seeds/004_17ef80d675522a88.txt"].map(read).join("\n");
  const domainWords = jieba.cut(chineseProse).filter((w) => domainWord.test(w));
  const charModel = buildCharModelData(
    texts,
    jiebaDictionary(),
    { dictMass: 600_000, minCount: 2 },
    domainWords,
  );
  const paragraphs = chineseProse.split(/\n+/).map((p) => jieba.tag(p, false));
  return {
    "char-model-data.json": JSON.stringify(charModel),
    "han-bigram-data.json": JSON.stringify(buildHanBigramData(chineseProse)),
    "han-pos-data.json": JSON.stringify(buildHanPosData(paragraphs)),
    "han-punct-data.json": JSON.stringify(buildHanPunctData(chineseProse)),
  };
}
