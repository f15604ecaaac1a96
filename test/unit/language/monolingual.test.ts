import { describe, expect, it } from "vitest";
import { detectAndSplit } from "../../../pipelines/language/detect-and-split.ts";
import { languageDocumentSchema } from "../../../shared/document.ts";
import { normalizedFromFile, normalizedFromText } from "./normalized-input.ts";

describe("monolingual documents", () => {
  it.each([
    "000_8ecb7e1744039315",
    "001_52282be795692a14",
    "002_f5b5b04f6f128909",
    "003_f58dcddd2ff7dc9e",
  ])("seed %s is one English document with its own id and body", (name) => {
    const input = normalizedFromFile(name, `seeds/${name}.txt`);
    const docs = detectAndSplit(input);
    expect(docs).toHaveLength(1);
    const [doc] = docs;
    expect(() => languageDocumentSchema.parse(doc)).not.toThrow();
    expect(doc?.id).toBe(name);
    expect(doc?.lang).toBe("en");
    expect(doc?.script).toBe("Latn");
    expect(doc?.lang_confidence).toBeGreaterThan(0.8);
    expect(doc?.body).toBe(input.body);
    expect(doc?.translation).toBeUndefined();
  });

  it("labels a Thai, a French and a German article", () => {
    const cases = [
      [
        "th",
        "Thai",
        "บริษัทผู้ผลิตแม่เหล็กถาวรจากแร่หายากประกาศขยายกำลังการผลิตในจังหวัดระยอง\nราคาออกไซด์ของนีโอดิเมียมปรับตัวสูงขึ้นเป็นสัปดาห์ที่สามติดต่อกัน",
      ],
      [
        "fr",
        "Latn",
        "Le groupe chinois a annoncé une hausse de sa production de terres rares.\nLes aimants permanents au néodyme sont indispensables aux moteurs des véhicules électriques.",
      ],
      [
        "de",
        "Latn",
        "Die chinesische Regierung hat die Exportkontrollen für schwere Seltene Erden weiter verschärft.\nNach Angaben des Verbands ist die deutsche Industrie stark von Lieferungen aus China abhängig.",
      ],
    ] as const;
    for (const [lang, script, text] of cases) {
      const [doc] = detectAndSplit(normalizedFromText(`doc-${lang}`, text));
      expect(doc?.lang).toBe(lang);
      expect(doc?.script).toBe(script);
      expect(doc?.id).toBe(`doc-${lang}`);
    }
  });

  it("says und with zero confidence for a body without words", () => {
    const [doc] = detectAndSplit(normalizedFromText("empty", "1989-01-16\n---\n42"));
    expect(doc?.lang).toBe("und");
    expect(doc?.lang_confidence).toBe(0);
    const [blank] = detectAndSplit(normalizedFromText("blank", ""));
    expect(blank?.lang).toBe("und");
  });

  it("falls back on the title when the body has no words", () => {
    const [doc] = detectAndSplit(
      normalizedFromText("table", "Title: 稀土价格一览\n\n2025-10-09\n559,000 / 1,650,000"),
    );
    expect(doc?.lang).toBe("zh");
  });

  it("keeps one document when a Chinese article quotes one English sentence", () => {
    const text = [
      "北方稀土前三季度净利润同比增长，公司表示稀土产品价格企稳回升，烧结钕铁硼等功能材料产销量同比增长。",
      "公司董事长在业绩说明会上表示，将继续加大研发投入，推动稀土功能材料向高端化发展。",
      '一位外资分析师评论说："The results beat expectations."',
      "据介绍，公司与包钢股份签订的稀土精矿关联交易价格已按季度调整，第四季度价格将根据市场情况确定。",
    ].join("\n");
    const docs = detectAndSplit(normalizedFromText("zh-quote", text));
    expect(docs).toHaveLength(1);
    expect(docs[0]?.lang).toBe("zh");
  });
});

describe("full-width digits", () => {
  it("are folded to ASCII in a monolingual Chinese document, with a repair record", () => {
    const input = normalizedFromText(
      "fw",
      "Title: １７个单位合力发展高技术产业\n\n钕铁硼是１９８３年才问世的具有极广阔应用前景的新材料，目前我国在这方面的技术水平与美国、日本同处国际领先地位。",
    );
    const [doc] = detectAndSplit(input);
    expect(doc?.title).toBe("17个单位合力发展高技术产业");
    expect(doc?.body).toContain("1983年");
    expect(doc?.repairs).toContainEqual(
      expect.objectContaining({ kind: "fullwidth-alnum", count: 6 }),
    );
  });
});
