import { describe, expect, it } from "vitest";
import { foldCase, foldWidth } from "../../../pipelines/enrich/fold.ts";

/** The definition: each code unit lower-cased on its own, kept when that would change the length. */
function perCharacter(text: string): string {
  return foldWidth(text)
    .split("")
    .map((ch) => {
      const lower = ch.toLowerCase();
      return lower.length === 1 ? lower : ch;
    })
    .join("");
}

describe("case folding", () => {
  it.each([
    "Baotou Steel ＲＡＲＥ Earth 包頭稀土",
    "ΟΔΟΣ ΠΡΟΣ ΤΗΝ ΑΘΗΝΑ", // Greek capital sigma: no final-sigma context rule
    "İSTANBUL and Iİ", // a capital whose lower case is two code units
    "Ünal Şahin 𐐀 emoji 😀 done",
  ])("folds %s one character at a time, keeping its length", (text) => {
    expect(foldCase(text)).toBe(perCharacter(text));
    expect(foldCase(text)).toHaveLength(text.length);
  });
});
