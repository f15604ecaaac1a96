import { describe, expect, it } from "vitest";
import { removeBoilerplate } from "../../../pipelines/normalize/clean/boilerplate.ts";
import { removeRepeatedSentences } from "../../../pipelines/normalize/clean/repeated-sentences.ts";
import { cleanupText } from "../../../pipelines/normalize/clean/text-cleanup.ts";
import { findIsoDate } from "../../../shared/text/dates.ts";

describe("cleanupText", () => {
  it("composes to NFC", () => {
    expect(cleanupText("Caf\u0065\u0301 Zu\u0308rich").text).toBe("Café Zürich");
  });

  it("removes control, zero-width and stray replacement characters, and counts them", () => {
    const out = cleanupText(
      "Rare\u0007 earth\u200B oxide\uFEFF (\uFFFD) price 锟斤拷锟斤拷up\u0085",
    );
    expect(out.text).toBe("Rare earth oxide () price up");
    expect(out.repairs).toEqual([
      { kind: "control-chars", count: 2 },
      { kind: "zero-width", count: 2 },
      { kind: "replacement-char", count: 2, detail: "removed" },
    ]);
  });

  it("keeps U+FFFD in a word, where it marks characters whose bytes were lost", () => {
    const out = cleanupText(
      "Ру\uFFFD\uFFFDкий \uFFFDзык \uFFFD, 稀\uFFFD土, 5\uFFFD0 t\uFFFD. \uFFFD\uFFFD",
    );
    expect(out.text).toBe("Ру\uFFFD\uFFFDкий \uFFFDзык , 稀\uFFFD土, 5\uFFFD0 t\uFFFD.");
    expect(out.repairs).toEqual([{ kind: "replacement-char", count: 2, detail: "removed" }]);
  });

  it("keeps the joiners that emoji and scripts need", () => {
    const family = "👨\u200D👩\u200D👧";
    expect(cleanupText(family).text).toBe(family);
  });

  it("turns exotic spaces into spaces and full-width digits and letters into ASCII", () => {
    const out = cleanupText("\u3000\u3000１９８３年，ＮｄＦｅＢ\u00A0magnets，２０％");
    expect(out.text).toBe("  1983年，NdFeB magnets，20％");
    expect(out.repairs).toContainEqual({
      kind: "full-width",
      count: 11,
      detail: "folded to ASCII",
    });
  });

  it("removes a terminal's colour codes whole, not only their escape character", () => {
    const out = cleanupText("\u001b[1;36mNdPr\u001b[0m up 3% \u001b]0;title\u0007today");
    expect(out.text).toBe("NdPr up 3% today");
    expect(out.repairs).toEqual([{ kind: "terminal-escapes", count: 3, detail: "removed" }]);
  });

  it("marks half a surrogate pair as a lost character, and keeps whole pairs", () => {
    const out = cleanupText("Lyna\uD835s (\uDE00) ok 😀");
    expect(out.text).toBe("Lyna\uFFFDs () ok 😀");
    expect(out.repairs).toEqual([
      { kind: "lone-surrogates", count: 2, detail: "marked lost" },
      { kind: "replacement-char", count: 1, detail: "removed" },
    ]);
  });

  it("ends lines at Unicode's line and paragraph separators", () => {
    expect(cleanupText("first\u2028second\u2029third").text).toBe("first\nsecond\nthird");
  });

  it("spells out Latin ligatures, so that search finds the words", () => {
    const out = cleanupText("\uFB01nancial \uFB02ows, e\uFB00ect, o\uFB03ce");
    expect(out.text).toBe("financial flows, effect, office");
    expect(out.repairs).toEqual([{ kind: "ligatures", count: 4, detail: "spelled out" }]);
  });

  it("normalises line endings, trailing spaces and runs of blank lines", () => {
    expect(cleanupText("\r\n\r\nOne  \r\nTwo\r\n\r\n\r\n\r\nThree\n\n\n").text).toBe(
      "One\nTwo\n\nThree",
    );
  });
});

describe("removeBoilerplate", () => {
  it("removes widget lines anywhere and link residue inline", () => {
    const out = removeBoilerplate([
      "Prices rose (opens in a new tab) sharply.",
      "Share this:",
      "Body text continues.",
      "Leave a Reply",
      "0 Comments",
    ]);
    expect(out.paragraphs).toEqual(["Prices rose sharply.", "Body text continues."]);
    expect(out.removed).toBe(4);
  });

  it("removes disclaimers, copyright and contact lines only at the end", () => {
    const body = [
      "Disclaimer: the company said its earlier disclaimer had been misread.",
      "For more information, analysts said, please email the ministry — none did.",
      "The plant opened in 2022.",
      "Disclaimer: This is not financial advice.",
      "© 2025 Rare Earth Exchanges™ – Accelerating Transparency.",
      "For queries, please contact Lemon Zhao at lemonzhao@smm.cn",
    ];
    expect(removeBoilerplate(body).paragraphs).toEqual(body.slice(0, 3));
  });

  it("never empties an article made of one boilerplate-looking line", () => {
    expect(
      removeBoilerplate(["Copyright law changes in 2025 affect rare earth patents."]).paragraphs,
    ).toHaveLength(1);
  });
});

describe("removeRepeatedSentences", () => {
  const long =
    "The industry chain of rare earth permanent magnet materials has been formed, with Tianjiao Qingmei as the leading enterprise.";

  it("keeps the first exact repeat of a long sentence and drops the rest", () => {
    const out = removeRepeatedSentences([`${long} Then prices rose.`, `Later: ${long}`, long]);
    expect(out.paragraphs).toEqual([
      `${long} Then prices rose.`,
      "Later: The industry chain of rare earth permanent magnet materials has been formed, with Tianjiao Qingmei as the leading enterprise.",
    ]);
    expect(out.removed).toBe(1);
  });

  it("leaves short repeated sentences alone", () => {
    const out = removeRepeatedSentences(["Prices rose.", "Prices rose."]);
    expect(out.paragraphs).toEqual(["Prices rose.", "Prices rose."]);
  });
});

describe("findIsoDate", () => {
  it.each([
    ["Deep News2025-11-21", "2025-11-21"],
    ["Date: 1989-01-16", "1989-01-16"],
    ["October 15, 2020", "2020-10-15"],
    ["15 Oct 2020", "2020-10-15"],
    ["2020年10月15日", "2020-10-15"],
    ["２０２０年１０月１５日", "2020-10-15"],
    ["2024-03-05T08:00:00Z", "2024-03-05T08:00:00Z"],
    ["2020/02/30", null],
    ["no date here", null],
  ])("%s → %s", (input, expected) => {
    expect(findIsoDate(input)).toBe(expected);
  });
});
