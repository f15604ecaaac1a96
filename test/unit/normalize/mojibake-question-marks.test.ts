/**
 * Mojibake that an encoder then wrote to Latin-1 with "?" for what Latin-1
 * lacks: quotation marks and dashes read back by position
 * (pipelines/normalize/repair/question-mark-quotes.ts).
 */
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { repairMojibake } from "../../../pipelines/normalize/repair/repair-text.ts";

/** UTF-8 read as windows-1252, then written to Latin-1 with "?" for the rest. */
const questionMarked = (text: string) =>
  iconv.decode(Buffer.from(text, "utf8"), "windows-1252").replace(/[\u0100-\u{10FFFF}]/gu, "?");

describe("quotation marks through a “?”-writing encoder", () => {
  it("reads apostrophes, paired quotes and dashes back by where they stand", () => {
    const text =
      "“We didn’t expect it,” the miner’s chief said — prices rose 5–7% in 2024—again. Café “Noël”.";
    const damaged = questionMarked(text);
    expect(damaged).toContain("didnâ??t");
    const out = repairMojibake(damaged);
    expect(out.text).toBe(text);
    expect(out.repairs).toContainEqual({
      kind: "mojibake",
      count: 9,
      detail: "utf-8 read as windows-1252, then “?” for what latin-1 lacks",
    });
  });

  it("reads the symbols whose last byte survived", () => {
    const text = "It’s €30/kg… Lynas™ • rare earths";
    expect(repairMojibake(questionMarked(text)).text).toBe(text);
  });

  it("reads a euro sign beside an amount, with no other proof", () => {
    expect(repairMojibake("Oxide rose to â?¬78 a kilo; 5 â?¬ more").text).toBe(
      "Oxide rose to €78 a kilo; 5 € more",
    );
  });

  it("leaves a real double question mark alone", () => {
    for (const text of ["Sâ?? Vraiment?", "Why?? Nobody knows??", "Ã?? â?¬"])
      expect(repairMojibake(text).text).toBe(text);
  });
});
