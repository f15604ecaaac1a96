import { describe, expect, it } from "vitest";
import {
  classifyParagraph,
  splitLeadingLabel,
} from "../../../pipelines/language/paragraph-kinds.ts";
import { parseDateLine } from "../../../shared/text/dates.ts";

describe("classifyParagraph", () => {
  it.each([
    ["<hr />", {}],
    ["<hr>", {}],
    ["---", {}],
    ["* * *", {}],
    ["Original:", { role: "original" }],
    ["Original: ", { role: "original" }],
    ["原文", { role: "original" }],
    ["原文：", { role: "original" }],
    ["Chinese original:", { role: "original", lang: "zh" }],
    ["译文", { role: "translation" }],
    ["譯文：", { role: "translation" }],
    ["English translation:", { role: "translation", lang: "en" }],
    ["英文译文：", { role: "translation", lang: "en" }],
    ["Translation", { role: "translation" }],
  ])("%s is a divider", (line, extra) => {
    expect(classifyParagraph(line)).toEqual({ kind: "divider", ...extra });
  });

  it("does not take a sentence that starts like a label for a divider", () => {
    expect(classifyParagraph("Original estimates put the deposit at 40 million tonnes.").kind).toBe(
      "text",
    );
    expect(classifyParagraph("译文质量有待提高，专家建议由人工复核。").kind).toBe("text");
    expect(
      classifyParagraph("People's Daily reports: Facing the increasingly fierce competition").kind,
    ).toBe("text");
  });

  it("splits a Markdown heading into title and subtitle at the wide gap", () => {
    expect(
      classifyParagraph(
        "### １７个单位合力发展高技术产业  中国稀土永磁创业集团优势联合开拓海外市场",
      ),
    ).toEqual({
      kind: "heading",
      title: "１７个单位合力发展高技术产业",
      subtitle: "中国稀土永磁创业集团优势联合开拓海外市场",
    });
    expect(
      classifyParagraph("### 17个单位合力发展高技术产业 中国稀土永磁创业集团优势联合开拓海外市场"),
    ).toEqual({
      kind: "heading",
      title: "17个单位合力发展高技术产业",
      subtitle: "中国稀土永磁创业集团优势联合开拓海外市场",
    });
    expect(classifyParagraph("## Rare earth quotas")).toEqual({
      kind: "heading",
      title: "Rare earth quotas",
      subtitle: null,
    });
  });

  it("reads People's Daily edition lines", () => {
    expect(classifyParagraph("第3版(科教·文化·体育)")).toEqual({
      kind: "edition",
      edition: "第3版",
      section: "科教·文化·体育",
    });
    expect(classifyParagraph("第１２版（经济）")).toEqual({
      kind: "edition",
      edition: "第12版",
      section: "经济",
    });
    expect(classifyParagraph("第4版")).toEqual({ kind: "edition", edition: "第4版" });
  });

  it("reads labelled fields, empty ones included", () => {
    expect(classifyParagraph("专栏：")).toEqual({ kind: "field", name: "column", value: "" });
    expect(classifyParagraph("Edition: 3")).toEqual({ kind: "field", name: "edition", value: "3" });
    expect(classifyParagraph("Date: 1989-01-16")).toEqual({ kind: "date", iso: "1989-01-16" });
  });
});

describe("parseDateLine", () => {
  it.each([
    ["1989-01-16", "1989-01-16"],
    ["1989/1/16", "1989-01-16"],
    ["2025年9月30日", "2025-09-30"],
    ["２０２５年９月３０日", "2025-09-30"],
  ])("%s → %s", (line, iso) => {
    expect(parseDateLine(line)).toBe(iso);
  });

  it("rejects what is not a date line", () => {
    expect(parseDateLine("1989-13-16")).toBeNull();
    expect(parseDateLine("On 1989-01-16 the group met")).toBeNull();
    expect(parseDateLine("8272")).toBeNull();
  });
});

describe("splitLeadingLabel", () => {
  it("separates a label written on the line it introduces", () => {
    expect(splitLeadingLabel("Original: １７个单位合力发展高技术产业")).toEqual([
      "Original:",
      "１７个单位合力发展高技术产业",
    ]);
    expect(splitLeadingLabel("译文：MIIT issues first batch of quotas")).toEqual([
      "译文:",
      "MIIT issues first batch of quotas",
    ]);
  });

  it("leaves ordinary lines with a colon alone", () => {
    for (const line of [
      "People's Daily reports: Facing the increasingly fierce competition",
      "Original estimates: 40 million tonnes",
      "Note: prices are in yuan",
    ]) {
      expect(splitLeadingLabel(line)).toEqual([line]);
    }
  });
});
