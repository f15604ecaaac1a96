import { describe, expect, it } from "vitest";
import { detectAndSplit } from "../../../pipelines/language/detect-and-split.ts";
import type { LanguageDocument, NormalizedDocument } from "../../../shared/document.ts";
import { languageDocumentSchema } from "../../../shared/document.ts";
import { normalizedFromFile, normalizedFromText } from "./normalized-input.ts";

const ID = "17ef80d675522a88";
const seed = (): NormalizedDocument =>
  normalizedFromFile(ID, "seeds/004_17ef80d675522a88.txt", "People's Daily");

function byLang(docs: LanguageDocument[], lang: string): LanguageDocument {
  const doc = docs.find((d) => d.lang === lang);
  if (doc === undefined)
    throw new Error(`no ${lang} document in ${docs.map((d) => d.id).join(", ")}`);
  return doc;
}

const paragraphs = (doc: LanguageDocument): string[] => doc.body.split("\n\n");
const asciiDigits = (text: string | null | undefined): string | undefined =>
  text?.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

function expectSeedPair(docs: LanguageDocument[]): void {
  expect(docs).toHaveLength(2);
  const en = byLang(docs, "en");
  const zh = byLang(docs, "zh");
  for (const doc of docs) expect(() => languageDocumentSchema.parse(doc)).not.toThrow();

  expect(en.id).toBe(`${ID}-en`);
  expect(zh.id).toBe(`${ID}-zh`);
  expect(en.translation).toEqual({
    pair_id: ID,
    role: "translation",
    counterpart_id: `${ID}-zh`,
    aligned_paragraphs: [
      [0, 0],
      [1, 1],
      [2, 2],
    ],
  });
  expect(zh.translation).toEqual({
    pair_id: ID,
    role: "original",
    counterpart_id: `${ID}-en`,
    aligned_paragraphs: [
      [0, 0],
      [1, 1],
      [2, 2],
    ],
  });

  expect(en.title).toBe(
    "17 Units Join Forces to Develop High-Tech Industry: China Rare Earth Permanent Magnet Entrepreneurial Group Leverages Strengths to Expand Overseas Market",
  );
  expect(en.subtitle).toBe(
    "China Rare Earth Permanent Magnet Entrepreneurial Group Leverages Strengths to Expand Overseas Market",
  );
  expect(asciiDigits(zh.title)).toBe("17个单位合力发展高技术产业");
  expect(zh.subtitle).toBe("中国稀土永磁创业集团优势联合开拓海外市场");
  expect(en.published_at).toBe("1989-01-16");
  expect(zh.published_at).toBe("1989-01-16");
  expect(en.fields?.edition).toBe("3");
  expect(zh.fields?.edition).toBe("第3版");
  expect(zh.fields?.section).toBe("科教·文化·体育");
  expect(en.source.publisher).toBe("People's Daily");
  expect(zh.source.publisher).toBe("People's Daily");

  expect(paragraphs(en)).toHaveLength(3);
  expect(paragraphs(zh)).toHaveLength(3);
  expect(paragraphs(en)[0]).toMatch(/^People's Daily reports: Facing/);
  expect(paragraphs(zh)[0]).toMatch(/^本报讯/);
  expect(paragraphs(zh)[2]).toMatch(/^在(1|１)月(14|１４)日结束/);
  for (const doc of docs) {
    expect(doc.body).not.toMatch(/<hr|Original:|###|第3版|专栏|1989-01-16/);
    expect(doc.body.normalize("NFC")).toBe(doc.body);
  }
  expect(en.script).toBe("Latn");
  expect(zh.script).toBe("Hans");
  expect(en.lang_confidence).toBeGreaterThan(0.8);
  expect(zh.lang_confidence).toBeGreaterThan(0.8);
}

describe("seed 004 (People's Daily, translation then <hr /> Original:)", () => {
  it("becomes two linked documents whose three paragraphs align 1:1", () => {
    expectSeedPair(detectAndSplit(seed()));
  });

  it("makes the Chinese title searchable with ASCII digits", () => {
    const zh = byLang(detectAndSplit(seed()), "zh");
    expect(zh.title).toBe("17个单位合力发展高技术产业");
    expect(zh.body).toContain("1983年");
  });

  it("works when normalize already folded the full-width digits", () => {
    const doc = seed();
    expectSeedPair(detectAndSplit({ ...doc, body: asciiDigits(doc.body) ?? "" }));
  });

  it("works when a cleaner collapsed the heading's wide gap to one space", () => {
    const doc = seed();
    const body = doc.body.replace(/(产业)\s+(中国稀土)/, "$1 $2");
    expect(body).toContain("### １７个单位合力发展高技术产业 中国稀土");
    expectSeedPair(detectAndSplit({ ...doc, body }));
  });

  it("matches an English heading run together with its subtitle against the headline lines", () => {
    const text = [
      "### Ganzhou Opens Rare Earth Trading Centre Heavy rare earth prices expected to become more transparent",
      "Ganzhou Opens Rare Earth Trading Centre",
      "Heavy rare earth prices expected to become more transparent",
      "Ganzhou in Jiangxi province opened a rare earth trading centre on Tuesday, aiming to handle 50,000 tonnes of medium and heavy rare earth products a year.",
      "Traders said the centre could make prices for dysprosium and terbium more transparent, although most volume is still sold under long-term contracts.",
      "原文：",
      "赣州稀土交易中心开业",
      "江西赣州稀土交易中心周二正式开业，目标是每年交易中重稀土产品5万吨。",
      "贸易商表示，该中心有望提高镝、铽价格的透明度，但大部分交易量仍通过长期合同销售。",
    ].join("\n");
    const docs = detectAndSplit(normalizedFromText("gz", text));
    const en = byLang(docs, "en");
    expect(en.title).toBe("Ganzhou Opens Rare Earth Trading Centre");
    expect(en.subtitle).toBe("Heavy rare earth prices expected to become more transparent");
    expect(paragraphs(en)).toHaveLength(2);
    expect(byLang(docs, "zh").translation?.role).toBe("original");
  });

  it("works without the Markdown heading and the empty column line", () => {
    const doc = seed();
    const body = doc.body
      .split("\n\n")
      .filter((p) => !p.startsWith("###") && p !== "专栏：")
      .join("\n\n");
    expectSeedPair(detectAndSplit({ ...doc, body }));
  });

  it("works when the header fields are still in the body", () => {
    const doc = seed();
    const header = [`Title: ${doc.title ?? ""}`, "Author:", "Date: 1989-01-16", "Edition: 3"];
    const docs = detectAndSplit({
      ...doc,
      title: null,
      published_at: null,
      fields: {},
      body: [...header, doc.body].join("\n\n"),
    });
    expectSeedPair(docs);
  });

  it.each([
    ["原文：", ["<hr />", "Original:"]],
    ["Chinese original:", ["Original:"]],
    ["* * *", ["<hr />"]],
  ])("accepts the divider %s", (divider, replaced) => {
    const doc = seed();
    const body = doc.body
      .split("\n\n")
      .filter((p) => !replaced.slice(1).includes(p))
      .map((p) => (p === replaced[0] ? divider : p))
      .join("\n\n");
    expectSeedPair(detectAndSplit({ ...doc, body }));
  });

  it("takes the roles from the edition line when no divider names them", () => {
    const doc = seed();
    const body = doc.body
      .split("\n\n")
      .filter((p) => p !== "<hr />" && p !== "Original:")
      .join("\n\n");
    expectSeedPair(detectAndSplit({ ...doc, body }));
  });

  it("leaves the role out when nothing in the layout says which half is the original", () => {
    const doc = seed();
    const body = doc.body
      .split("\n\n")
      .filter((p) => !["<hr />", "Original:", "第3版(科教·文化·体育)"].includes(p))
      .join("\n\n");
    const docs = detectAndSplit({ ...doc, body });
    expect(docs).toHaveLength(2);
    for (const d of docs) expect(d.translation?.role).toBeUndefined();
    expect(byLang(docs, "zh").fields?.edition).toBe("3");
  });

  it("keeps other documents' ids untouched: same input, same ids", () => {
    const first = detectAndSplit(seed()).map((d) => d.id);
    const second = detectAndSplit(seed()).map((d) => d.id);
    expect(second).toEqual(first);
  });
});
