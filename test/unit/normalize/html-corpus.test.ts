import { describe, expect, it } from "vitest";
import { extractHtml } from "../../../pipelines/normalize/clean/html-extract.ts";
import { loadCorpus, scoreExtractor } from "../../bench/extract-score.ts";

// The figures test/bench/extract-eval.ts prints; the README beside html-extract.ts quotes them.
describe("HTML extraction on the corpus (test/fixtures/html)", () => {
  it("keeps the article and drops the boilerplate of every page", async () => {
    const pages = loadCorpus();
    expect(pages.length).toBeGreaterThanOrEqual(80);
    const score = await scoreExtractor(pages, (html) => extractHtml(html).paragraphs.join("\n"));
    expect(score.nothingFound).toEqual([]);
    expect(score.f1).toBeGreaterThanOrEqual(0.98);
    expect(score.recall).toBeGreaterThanOrEqual(0.98);
  });

  it("covers the languages and layouts the issue names", () => {
    const pages = loadCorpus();
    const langs = new Set(pages.map((p) => p.lang));
    for (const lang of ["en", "zh", "de", "fr", "es", "ja", "ru"]) expect(langs).toContain(lang);
    for (const layout of ["blogger", "wordpress", "news-rail", "amp", "zh-portal", "zh-paged"]) {
      expect(pages.some((p) => p.name.includes(`-${layout}-`))).toBe(true);
    }
  });
});
