/**
 * Builds news-bigram-data.json: word and word-boundary character bigram
 * counts of Chinese news prose, which the word lattice of the Chinese
 * mojibake repair uses as context (word-lattice.ts). The counts are those
 * ansj_seg ships in its dictionaries (core.dic, bigramdict.dic; Apache
 * License 2.0), read from its jar in the local Maven repository; the jar is
 * fetched with `mvn dependency:get` when it is not there yet.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import extract from "extract-zip";
import { buildNewsBigramData } from "./news-bigram-build.ts";

const version = "5.1.6";
const artifact = `org.ansj:ansj_seg:${version}`;

/** The path of the ansj_seg jar in the local Maven repository, fetched once with Maven. */
export async function ensureAnsjJar(): Promise<string> {
  const jar = join(
    homedir(),
    `.m2/repository/org/ansj/ansj_seg/${version}/ansj_seg-${version}.jar`,
  );
  if (!existsSync(jar)) {
    console.error(`fetching ${artifact} with Maven`);
    execFileSync("mvn", ["-q", "dependency:get", `-Dartifact=${artifact}`, "-Dtransitive=false"], {
      stdio: ["ignore", "inherit", "inherit"],
    });
  }
  if (!existsSync(jar)) throw new Error(`${artifact} not found at ${jar} after mvn dependency:get`);
  return jar;
}

/** Reads the two dictionaries out of the jar and builds the shipped JSON text. */
export async function buildNewsBigramFile(jar: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "ansj-"));
  try {
    await extract(jar, { dir });
    const data = buildNewsBigramData(
      readFileSync(join(dir, "core.dic"), "utf8"),
      readFileSync(join(dir, "bigramdict.dic"), "utf8"),
      { source: `ansj_seg ${version} (core.dic, bigramdict.dic), Apache License 2.0` },
    );
    return JSON.stringify(data);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
