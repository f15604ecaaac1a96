import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../../pipelines/language/detect-language.ts";
import { isAccepted, loadLabelledSet } from "./labelled-set.ts";

const cases = loadLabelledSet();

describe("detectLanguage on the labelled paragraph set", () => {
  it.each(
    cases.map(
      (c) =>
        [
          c.expected.map((e) => [e.lang, e.script].filter(Boolean).join("/")).join("|"),
          c.text,
          c,
        ] as const,
    ),
  )("%s: %s", (_label, _text, testCase) => {
    const guess = detectLanguage(testCase.text);
    expect(isAccepted(testCase, guess), JSON.stringify(guess)).toBe(true);
    expect(guess.confidence).toBeGreaterThanOrEqual(0);
    expect(guess.confidence).toBeLessThanOrEqual(1);
  });

  it("covers every language the issue names, with real-length paragraphs", () => {
    const langs = new Set(
      cases.flatMap((c) => (c.expected.length === 1 ? [c.expected[0]?.lang] : [])),
    );
    for (const lang of ["en", "zh", "th", "fr", "de"]) expect(langs).toContain(lang);
  });
});

describe("detectLanguage decisions", () => {
  it("answers und with zero confidence for text without letters", () => {
    expect(detectLanguage("2,000 / 30% — 1989-01-16")).toEqual({ lang: "und", confidence: 0 });
    expect(detectLanguage("2,000 t / 30%")).toMatchObject({ lang: "und", confidence: 0 });
    expect(detectLanguage("")).toEqual({ lang: "und", confidence: 0 });
  });

  it("does not let an inline Chinese name change an English sentence", () => {
    const guess = detectLanguage(
      "Baotou (包头) and Ganzhou (赣州) are the two capitals of China's rare earth industry.",
    );
    expect(guess.lang).toBe("en");
    expect(guess.script).toBe("Latn");
  });

  it("does not let inline English names change a Chinese sentence", () => {
    const guess = detectLanguage(
      "北方稀土（China Northern Rare Earth）与Lynas、MP Materials同为全球主要供应商。",
    );
    expect(guess.lang).toBe("zh");
    expect(guess.script).toBe("Hans");
  });

  it("tells Traditional from Simplified by the characters", () => {
    expect(detectLanguage("中國稀土永磁創業集團擴大聯合").script).toBe("Hant");
    expect(detectLanguage("中国稀土永磁创业集团扩大联合").script).toBe("Hans");
  });

  it("says Hani when no character takes a side", () => {
    expect(detectLanguage("稀土永磁").script).toBe("Hani");
  });

  it("labels Han with Kana Japanese, not Chinese", () => {
    expect(detectLanguage("北方稀土は価格を引き上げた。").lang).toBe("ja");
  });

  it("is less sure of a short line than of a paragraph", () => {
    const short = detectLanguage("Rare earth prices rose in the first quarter");
    const long = detectLanguage(
      "Rare earth prices rose sharply this week as traders in Shanghai rushed to secure material ahead of new export rules.",
    );
    expect(short.lang).toBe("en");
    expect(long.lang).toBe("en");
    expect(long.confidence).toBeGreaterThan(short.confidence);
  });

  it("does not mistake UTF-8-as-Thai mojibake for Thai", () => {
    const guess = detectLanguage(
      "Baogang Groupโs Party Committee met to โstudy and implementโ recent directives.",
    );
    expect(guess.lang).toBe("en");
  });
});

describe("unrepaired mojibake is not a language", () => {
  const chinese = [
    "商务部周四宣布，自4月4日起，对钐、钆、铽、镝等7种中重稀土相关物项实施出口管制。",
    "上海一家咨询机构的分析师预计，多数客户的许可申请将获批准，但警告称，审批延误可能影响下半年新能源汽车电机的生产。",
  ];
  // Short and long: a long one goes past the function-word gate of short lines.
  const damaged = [...chinese, chinese.join("")].flatMap((text) => [
    ["UTF-8 read as Windows-1252", iconv.decode(Buffer.from(text, "utf8"), "win1252")],
    ["UTF-8 read as Latin-1", iconv.decode(Buffer.from(text, "utf8"), "latin1")],
    ["GBK read as Latin-1", iconv.decode(iconv.encode(text, "gbk"), "latin1")],
  ]);

  it.each(damaged)("%s: und", (_how, text) => {
    expect(detectLanguage(text ?? "").lang).toBe("und");
  });
});
