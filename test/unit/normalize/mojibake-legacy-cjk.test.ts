import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeCp1252 } from "../../../pipelines/normalize/repair/cp1252.ts";
import { repairLegacyCjkBytes } from "../../../pipelines/normalize/repair/legacy-cjk.ts";
import type { SpanRepair } from "../../../pipelines/normalize/repair/repair-text.ts";
import { repairMojibake } from "../../../pipelines/normalize/repair/repair-text.ts";

const asCp1252 = (text: string, codePage: string) => decodeCp1252(iconv.encode(text, codePage));
const asLatin1 = (text: string, codePage: string) =>
  iconv.encode(text, codePage).toString("latin1");

const lines: [codePage: string, text: string][] = [
  ["euc-kr", "정부는 희토류 공급망 안정을 위한 새로운 대책을 발표했다."],
  ["shift_jis", "経済産業省は、レアアースの安定調達に向けた支援策を発表した。"],
  ["euc-jp", "ネオジムの価格は三日続けて上昇している。"],
  ["big5", "臺灣稀土產業協會表示，價格上漲。"],
  ["gbk", "稀土价格持续上涨，市场供应紧张。"],
];

describe("East Asian legacy bytes read as windows-1252 or Latin-1", () => {
  it.each(lines)("restores %s read both ways", (codePage, text) => {
    expect(repairMojibake(asCp1252(text, codePage)).text).toBe(text);
    expect(repairMojibake(asLatin1(text, codePage)).text).toBe(text);
  });

  it("names the code page, and windows-1252 only when its own characters show", () => {
    const explain: SpanRepair[] = [];
    const broken = asCp1252("東京都は二十日、新しい計画を発表した。", "shift_jis");
    expect(broken.startsWith("“Œ‹ž")).toBe(true);
    const repaired = repairMojibake(broken, explain);
    expect(repaired.repairs[0]?.detail).toBe("shift_jis read as windows-1252");
    expect(explain[0]).toMatchObject({ path: "shift_jis read as windows-1252", scoreAfter: 0 });
    expect(repairMojibake(asLatin1("한국 정부", "euc-kr")).repairs[0]?.detail).toBe(
      "euc-kr read as latin-1",
    );
  });

  it("reads a lone character between digits once the document's long runs have shown the code page", () => {
    for (const [codePage, text] of [
      ["gbk", "稀土价格在2024年3月上涨了5%，市场供应紧张。"],
      ["big5", "臺灣在2024年3月表示，價格上漲。"],
      ["euc-kr", "정부는 20일. 희토류 가격이 3월에 5% 올랐다."],
    ] as const)
      expect(repairMojibake(asLatin1(text, codePage)).text).toBe(text);
    // Without a long run there is no evidence: "Äê" alone may be Latin.
    expect(repairMojibake(asLatin1("2024年", "gbk")).text).toBe("2024Äê");
  });

  it("does not read Korean bytes as Chinese, nor as UTF-8 through MacRoman", () => {
    // "ÈñÅ" is 閁 through MacRoman, and EUC-KR's syllable rows are GB2312's commonest Han.
    const text = "희토류 가격이 계속 오르고 있다";
    expect(repairMojibake(asCp1252(text, "euc-kr")).text).toBe(text);
  });

  it("reads GB2312 bytes as GBK, not as the Big5 characters they also spell", () => {
    const text = "中国稀土集团发布年度报告";
    expect(repairMojibake(asCp1252(text, "gbk")).text).toBe(text);
  });

  it("leaves real Latin text alone, accented runs and all", () => {
    for (const text of [
      "Þjóðhátíð í Vestmannaeyjum",
      "ÀÉÎÕÜ are the vowels with marks; ÆØÅ æøå are Danish",
      "CRÉÉE À PARIS — ÉTÉ",
      "Größe, Ölförderung, Übermaß",
      "«Ça ira» — señor Núñez",
    ]) {
      expect(repairLegacyCjkBytes(text).text).toBe(text);
      expect(repairMojibake(text).text).toBe(text);
    }
  });

  it("leaves pieces of another code page's mojibake to the single-byte repair", () => {
    // Greek UTF-8 through cp850: "¤à¤Ç" reads as kana through EUC-JP, but as "υπ" through cp850.
    const greek = iconv.decode(Buffer.from("Ο υπουργός δήλωσε", "utf8"), "cp850");
    expect(repairLegacyCjkBytes(greek).text).toBe(greek);
    expect(repairMojibake(greek).text).toBe("Ο υπουργός δήλωσε");
  });
});
