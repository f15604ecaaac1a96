import { describe, expect, it } from "vitest";
import { toBcp47 } from "../../../pipelines/language/iso639.ts";

describe("toBcp47", () => {
  it.each([
    ["cmn", "zh"],
    ["eng", "en"],
    ["fra", "fr"],
    ["deu", "de"],
    ["tha", "th"],
    ["jpn", "ja"],
    ["kor", "ko"],
    ["rus", "ru"],
    ["arb", "ar"],
    ["und", "und"],
  ])("%s → %s", (code, tag) => {
    expect(toBcp47(code)).toBe(tag);
  });

  it("keeps a 639-3 code that has no two-letter form, as BCP-47 allows", () => {
    expect(toBcp47("yue")).toBe("yue");
    expect(toBcp47("hat")).toBe("hat");
  });
});
