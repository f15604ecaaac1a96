/**
 * Scoring of main-content extraction against the HTML corpus
 * (test/fixtures/html): each page's gold lists snippets that must appear in
 * the extracted text and boilerplate snippets that must not, compared after
 * whitespace is collapsed. Shared by the bench and the unit test that keeps
 * the corpus F1 from falling.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeBytes } from "../../pipelines/fetch/decode/decode-bytes.ts";

export interface GoldPage {
  name: string;
  html: string;
  lang: string;
  must: string[];
  mustNot: string[];
}

export interface ExtractScore {
  pages: number;
  kept: number;
  dropped: number;
  precision: number;
  recall: number;
  f1: number;
  /** Pages where not one must-snippet came out. */
  nothingFound: string[];
  medianMs: number;
}

const corpusDir = fileURLToPath(new URL("../fixtures/html/", import.meta.url));

/** Reads every gold page of the corpus, decoding its bytes through the fetch stage's decoder. */
export function loadCorpus(dir = corpusDir): GoldPage[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}-.*\.json$/.test(f))
    .sort()
    .map((f) => {
      const gold = JSON.parse(readFileSync(join(dir, f), "utf8")) as {
        lang: string;
        must: string[];
        mustNot: string[];
      };
      const bytes = readFileSync(join(dir, f.replace(/\.json$/, ".html")));
      const html = decodeBytes(bytes, { contentType: "text/html" }).text;
      return { name: f.replace(/\.json$/, ""), html, ...gold };
    });
}

const squash = (s: string): string => s.replace(/\s+/g, " ").trim();

/** Runs an extractor over the pages and scores its text against the gold snippets. */
export async function scoreExtractor(
  pages: readonly GoldPage[],
  extract: (html: string) => string | Promise<string>,
): Promise<ExtractScore> {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  let tn = 0;
  const nothingFound: string[] = [];
  const times: number[] = [];
  for (const page of pages) {
    const start = performance.now();
    const text = squash(await extract(page.html));
    times.push(performance.now() - start);
    let found = 0;
    for (const s of page.must) {
      if (text.includes(squash(s))) found++;
      else fn++;
    }
    tp += found;
    if (found === 0) nothingFound.push(page.name);
    for (const s of page.mustNot) {
      if (text.includes(squash(s))) fp++;
      else tn++;
    }
  }
  times.sort((a, b) => a - b);
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return {
    pages: pages.length,
    kept: recall,
    dropped: tn / Math.max(1, tn + fp),
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    nothingFound,
    medianMs: times[Math.floor(times.length / 2)] ?? 0,
  };
}

/** Lists, per page, the must-snippets missed and the must-not snippets kept. */
export async function pageErrors(
  pages: readonly GoldPage[],
  extract: (html: string) => string | Promise<string>,
): Promise<Array<{ name: string; missed: string[]; kept: string[] }>> {
  const out: Array<{ name: string; missed: string[]; kept: string[] }> = [];
  for (const page of pages) {
    const text = squash(await extract(page.html));
    const missed = page.must.filter((s) => !text.includes(squash(s)));
    const kept = page.mustNot.filter((s) => text.includes(squash(s)));
    if (missed.length + kept.length > 0) out.push({ name: page.name, missed, kept });
  }
  return out;
}
