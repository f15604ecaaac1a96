/**
 * `npm run models:build`: rebuilds every shipped model. The four from our
 * own training text are built by build-models.ts; the alphabets come from
 * Unicode CLDR (shared/text/alphabets-build.ts, the `cldr-misc-full`
 * package), written beside shared/text/alphabets.ts, which the repair and
 * the charset sniffer read; the
 * news word bigrams come from ansj_seg's dictionaries (build-news-bigrams.ts),
 * read from its jar in the local Maven repository, fetched with Maven when
 * missing.
 *
 *   npm run models:build [-- --exclude train-zh-3]
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildAlphabetsJson } from "../../../../shared/text/alphabets-build.ts";
import { buildRepairModels } from "./build-models.ts";
import { buildNewsBigramFile, ensureAnsjJar } from "./build-news-bigrams.ts";

const at = process.argv.indexOf("--exclude");
const exclude = at >= 0 ? process.argv[at + 1] : undefined;
const here = (file: string) => fileURLToPath(new URL(`./${file}`, import.meta.url));

const alphabets = fileURLToPath(
  new URL("../../../../shared/text/alphabet-data.json", import.meta.url),
);
const built: [string, string][] = [
  ...Object.entries(buildRepairModels(exclude)).map(([file, json]): [string, string] => [
    here(file),
    json,
  ]),
  [alphabets, buildAlphabetsJson()],
];
for (const [path, json] of built) {
  writeFileSync(path, json);
  console.log(`wrote ${path}: ${Buffer.byteLength(json).toLocaleString("en")} bytes`);
}
if (!process.argv.includes("--no-news")) {
  const json = await buildNewsBigramFile(await ensureAnsjJar());
  writeFileSync(here("news-bigram-data.json"), json);
  console.log(`wrote news-bigram-data.json: ${Buffer.byteLength(json).toLocaleString("en")} bytes`);
}
