import { describe, expect, it } from "vitest";
import { detectAndSplit } from "../../../pipelines/language/detect-and-split.ts";
import type { LanguageDocument } from "../../../shared/document.ts";
import { languageDocumentSchema } from "../../../shared/document.ts";
import { normalizedFromFile, normalizedFromText } from "./normalized-input.ts";

function split(name: string, publisher = "Test Wire"): LanguageDocument[] {
  const docs = detectAndSplit(
    normalizedFromFile(name, `test/fixtures/bilingual/${name}.txt`, publisher),
  );
  for (const doc of docs) expect(() => languageDocumentSchema.parse(doc)).not.toThrow();
  return docs;
}

function pair(
  docs: LanguageDocument[],
  id: string,
): { en: LanguageDocument; zh: LanguageDocument } {
  expect(docs.map((d) => d.id).sort()).toEqual([`${id}-en`, `${id}-zh`]);
  const en = docs.find((d) => d.lang === "en");
  const zh = docs.find((d) => d.lang === "zh");
  if (en === undefined || zh === undefined) throw new Error("pair incomplete");
  expect(en.translation?.pair_id).toBe(id);
  expect(zh.translation?.pair_id).toBe(id);
  expect(en.translation?.counterpart_id).toBe(zh.id);
  expect(zh.translation?.counterpart_id).toBe(en.id);
  expect(en.source.publisher).toBe("Test Wire");
  expect(zh.source.publisher).toBe("Test Wire");
  const mirrored = (zh.translation?.aligned_paragraphs ?? []).map(([i, j]) => [j, i]);
  expect(mirrored.sort((p, q) => (p[0] ?? 0) - (q[0] ?? 0) || (p[1] ?? 0) - (q[1] ?? 0))).toEqual(
    en.translation?.aligned_paragraphs,
  );
  return { en, zh };
}

const count = (doc: LanguageDocument): number => doc.body.split("\n\n").length;

describe("original first, then a 译文： label", () => {
  const { en, zh } = pair(split("zh-first-yiwen"), "zh-first-yiwen");

  it("marks the Chinese as original and the English as translation", () => {
    expect(zh.translation?.role).toBe("original");
    expect(en.translation?.role).toBe("translation");
  });

  it("gives each half its own title and the header date", () => {
    expect(zh.title).toBe("工信部下达2024年第一批稀土开采、冶炼分离总量控制指标");
    expect(en.title).toBe("MIIT Issues First Batch of 2024 Rare Earth Mining and Smelting Quotas");
    expect(zh.published_at).toBe("2024-02-06");
    expect(en.published_at).toBe("2024-02-06");
  });

  it("keeps three paragraphs a side, aligned 1:1, without the label", () => {
    expect(count(zh)).toBe(3);
    expect(count(en)).toBe(3);
    expect(en.translation?.aligned_paragraphs).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(zh.body).not.toContain("译文");
    expect(en.body.startsWith("The Ministry of Industry")).toBe(true);
  });
});

describe("a label on the same line as the text it introduces", () => {
  it("still splits, with roles", () => {
    const input = normalizedFromFile(
      "zh-first-yiwen",
      "test/fixtures/bilingual/zh-first-yiwen.txt",
    );
    const body = input.body.replace("译文：\n\nMIIT", "译文：MIIT");
    expect(body).toContain("译文：MIIT Issues");
    const { en, zh } = pair(
      detectAndSplit({ ...input, body, source: { ...input.source, publisher: "Test Wire" } }),
      "zh-first-yiwen",
    );
    expect(en.title).toBe("MIIT Issues First Batch of 2024 Rare Earth Mining and Smelting Quotas");
    expect(en.translation?.role).toBe("translation");
    expect(zh.translation?.role).toBe("original");
    expect(count(en)).toBe(3);
  });
});

describe("Traditional Chinese original, --- and English translation:", () => {
  const { en, zh } = pair(
    split("hant-first-english-translation"),
    "hant-first-english-translation",
  );

  it("labels the Chinese half Hant and the roles from the label", () => {
    expect(zh.script).toBe("Hant");
    expect(zh.translation?.role).toBe("original");
    expect(en.translation?.role).toBe("translation");
  });

  it("splits titles and paragraphs", () => {
    expect(zh.title).toBe("經濟部推動稀土回收　工研院技術轉移國內廠商");
    expect(en.title).toMatch(/^Ministry of Economic Affairs Promotes Rare Earth Recycling/);
    expect(count(zh)).toBe(3);
    expect(count(en)).toBe(3);
    expect(en.body).not.toMatch(/English translation|---/);
  });
});

describe("interleaved paragraph pairs", () => {
  const { en, zh } = pair(split("interleaved"), "interleaved");

  it("leaves the role out: the layout does not say which is the original", () => {
    expect(en.translation?.role).toBeUndefined();
    expect(zh.translation?.role).toBeUndefined();
  });

  it("takes each half's headline as its title and pairs the paragraphs in order", () => {
    expect(en.title).toBe(
      "Baotou Rare Earth High-tech Zone Signs 18 Magnet Projects Worth 21 Billion Yuan",
    );
    expect(zh.title).toMatch(/^包头稀土高新区签约18个磁材项目/);
    expect(count(en)).toBe(4);
    expect(count(zh)).toBe(4);
    expect(en.translation?.aligned_paragraphs).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(zh.published_at).toBe("2025-03-12");
  });

  it("keeps the inline Chinese name in the English paragraph", () => {
    expect(en.body).toContain("Baotou (包头) Rare Earth High-tech Zone held");
  });
});

describe("two blocks without a divider", () => {
  const { en, zh } = pair(split("no-divider"), "no-divider");

  it("splits at the change of language, the date line going with the Chinese block", () => {
    expect(en.title).toBe("Lynas Begins Heavy Rare Earth Separation in Malaysia");
    expect(zh.title).toBe("莱纳斯在马来西亚启动重稀土分离");
    expect(zh.published_at).toBe("2025-09-30");
    expect(zh.body).not.toContain("2025年9月30日");
    expect(count(en)).toBe(3);
    expect(count(zh)).toBe(4);
    expect(en.translation?.role).toBeUndefined();
  });

  it("aligns the English paragraph that covers two Chinese ones as 1-2", () => {
    expect(en.translation?.aligned_paragraphs).toEqual([
      [0, 0],
      [1, 1],
      [1, 2],
      [2, 3],
    ]);
  });
});

describe("monolingual articles stay one document", () => {
  it("an English article with Chinese names and a short Chinese quote", () => {
    const docs = split("monolingual-with-quote");
    expect(docs).toHaveLength(1);
    const [doc] = docs;
    expect(doc?.id).toBe("monolingual-with-quote");
    expect(doc?.lang).toBe("en");
    expect(doc?.script).toBe("Latn");
    expect(doc?.translation).toBeUndefined();
    expect(doc?.body).toContain("稀土价格回升");
  });

  it("a Chinese article with English names", () => {
    const docs = split("monolingual-zh");
    expect(docs).toHaveLength(1);
    expect(docs[0]?.lang).toBe("zh");
    expect(docs[0]?.script).toBe("Hans");
    expect(docs[0]?.lang_confidence).toBeGreaterThan(0.8);
  });
});

describe("bodies the contract did not promise", () => {
  it("splits a block whose lines were joined by single newlines", () => {
    const doc = normalizedFromFile("seed-lines", "seeds/004_17ef80d675522a88.txt");
    const paragraphs = doc.body.split("\n\n");
    const chineseStart = paragraphs.indexOf("Original:") + 1;
    const body = [
      ...paragraphs.slice(0, chineseStart),
      paragraphs.slice(chineseStart).join("\n"),
    ].join("\n\n");
    const docs = detectAndSplit({ ...doc, body });
    const zh = docs.find((d) => d.lang === "zh");
    expect(zh?.title).toBe("17个单位合力发展高技术产业");
    expect(zh?.fields?.section).toBe("科教·文化·体育");
    expect(zh?.body.split("\n\n")).toHaveLength(3);
  });

  it("keeps crossheads inside the body and aligns around them", () => {
    const text = [
      "Ganzhou Opens Rare Earth Trading Centre",
      "Ganzhou in Jiangxi province opened a rare earth trading centre on Tuesday, aiming to handle 50,000 tonnes of medium and heavy rare earth products a year.",
      "## Market reaction",
      "Traders said the centre could make prices for dysprosium and terbium more transparent, although most volume is still sold under long-term contracts.",
      "---",
      "赣州稀土交易中心开业",
      "江西赣州稀土交易中心周二正式开业，目标是每年交易中重稀土产品5万吨。",
      "## 市场反应",
      "贸易商表示，该中心有望提高镝、铽价格的透明度，但大部分交易量仍通过长期合同销售。",
    ].join("\n");
    const docs = detectAndSplit(normalizedFromText("crossheads", text));
    const en = docs.find((d) => d.lang === "en");
    const zh = docs.find((d) => d.lang === "zh");
    expect(en?.title).toBe("Ganzhou Opens Rare Earth Trading Centre");
    expect(zh?.title).toBe("赣州稀土交易中心开业");
    expect(en?.body.split("\n\n")).toEqual([
      expect.stringMatching(/^Ganzhou in Jiangxi/),
      "## Market reaction",
      expect.stringMatching(/^Traders said/),
    ]);
    expect(en?.translation?.aligned_paragraphs).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });
});

describe("a longer article: one paragraph split in translation, one left out (中文原文：)", () => {
  const { en, zh } = pair(split("long-with-split-and-drop"), "long-with-split-and-drop");

  it("splits with roles and titles", () => {
    expect(zh.translation?.role).toBe("original");
    expect(en.translation?.role).toBe("translation");
    expect(en.title).toBe("China Tightens Export Controls on Seven Heavy Rare Earths");
    expect(zh.title).toBe("商务部对7种中重稀土实施出口管制");
    expect(count(en)).toBe(7);
    expect(count(zh)).toBe(7);
  });

  it("aligns the split paragraph 1-2 and leaves the untranslated one unpaired", () => {
    expect(en.translation?.aligned_paragraphs).toEqual([
      [0, 0],
      [1, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [5, 5],
      [6, 6],
    ]);
  });
});
