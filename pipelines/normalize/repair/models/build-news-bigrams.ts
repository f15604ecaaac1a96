/**
 * Rebuilds pipelines/normalize/repair/models/news-bigram-data.json: word and word-boundary
 * character bigram counts of Chinese news prose, which the word lattice of
 * the Chinese mojibake repair uses as context (word-lattice.ts). The counts
 * are those ansj_seg ships in its dictionaries (core.dic, bigramdict.dic;
 * Apache License 2.0), read from its jar in the local Maven repository:
 *
 *   mvn dependency:get -Dartifact=org.ansj:ansj_seg:5.1.6 -Dtransitive=false
 *   npx tsx pipelines/normalize/repair/models/build-news-bigrams.ts [path/to/ansj_seg-5.1.6.jar]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import extract from "extract-zip";
import { buildNewsBigramData } from "./news-bigram-build.ts";

const version = "5.1.6";
const jar =
  process.argv[2] ??
  join(homedir(), `.m2/repository/org/ansj/ansj_seg/${version}/ansj_seg-${version}.jar`);
if (!existsSync(jar)) {
  console.error(
    `ansj_seg jar not found at ${jar}\n` +
      `fetch it with: mvn dependency:get -Dartifact=org.ansj:ansj_seg:${version} -Dtransitive=false`,
  );
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), "ansj-"));
try {
  await extract(jar, { dir });
  const data = buildNewsBigramData(
    readFileSync(join(dir, "core.dic"), "utf8"),
    readFileSync(join(dir, "bigramdict.dic"), "utf8"),
    { source: `ansj_seg ${version} (core.dic, bigramdict.dic), Apache License 2.0` },
  );
  const out = fileURLToPath(new URL("./news-bigram-data.json", import.meta.url));
  writeFileSync(out, JSON.stringify(data));
  console.log(
    `wrote ${out}: ${Object.keys(data.words).length} words, ${Object.values(data.next).reduce((n, row) => n + Object.keys(row).length, 0)} word pairs, ${Object.keys(data.boundary.next).length} characters before a boundary`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
