/**
 * Cross-validation of the Chinese lossy-Thai repair on the training prose:
 * each test/fixtures/damage/train-zh*.txt in turn is left out of the model
 * data (`npm run models:build -- --exclude`), damaged and repaired. Nine held-out
 * texts measure far more characters than eval-*.txt alone. The shipped model
 * data is rebuilt from all texts at the end (the build is deterministic).
 * Run: npx tsx test/bench/damage-cv.ts
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { repairMojibake } from "../../pipelines/normalize/repair/repair-text.ts";
import { damage, thaiLossyKinds } from "./damage-kinds.ts";
import { restoreScore } from "./damage-score.ts";

const dir = fileURLToPath(new URL("../fixtures/damage/", import.meta.url));
const build = fileURLToPath(
  new URL("../../pipelines/normalize/repair/models/write-models.ts", import.meta.url),
);
const self = fileURLToPath(import.meta.url);
const folds = Array.from({ length: 9 }, (_, i) => (i === 0 ? "train-zh" : `train-zh-${i + 1}`));

type Scores = Record<string, { damaged: number; restored: number }>;

/** In a child process: the model data on disk is what was just built. */
function scoreFold(name: string): Scores {
  const text = readFileSync(`${dir}${name}.txt`, "utf8");
  const scores: Scores = {};
  for (const kind of thaiLossyKinds) {
    const broken = damage(text, kind);
    scores[kind] = restoreScore(text, broken, repairMojibake(broken).text);
  }
  return scores;
}

function run(args: string[]): string {
  const result = spawnSync(process.execPath, ["--import", "tsx", ...args], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stderr}`);
  return result.stdout;
}

const scoreArg = process.argv.indexOf("--score");
if (scoreArg > 0) {
  console.log(JSON.stringify(scoreFold(process.argv[scoreArg + 1] ?? "")));
} else {
  const totals: Scores = {};
  try {
    console.log("held-out text   kind                              damaged  restored   share");
    for (const name of folds) {
      run([build, "--no-news", "--exclude", name]);
      const scores = JSON.parse(run([self, "--score", name])) as Scores;
      for (const [kind, s] of Object.entries(scores)) {
        const t = totals[kind] ?? { damaged: 0, restored: 0 };
        totals[kind] = { damaged: t.damaged + s.damaged, restored: t.restored + s.restored };
        console.log(line(name, kind, s.damaged, s.restored));
      }
    }
  } finally {
    run([build, "--no-news"]);
  }
  console.log("\npooled over the held-out texts:");
  for (const [kind, t] of Object.entries(totals))
    console.log(line("all", kind, t.damaged, t.restored));
}

function line(name: string, kind: string, damaged: number, restored: number): string {
  const share = damaged ? (100 * restored) / damaged : 100;
  return `${name.padEnd(15)} ${kind.padEnd(33)} ${String(damaged).padStart(7)} ${String(restored).padStart(9)} ${share.toFixed(2).padStart(7)}%`;
}
