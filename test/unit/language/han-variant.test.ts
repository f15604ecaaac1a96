import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import {
  hanVariant,
  hanVariantEvidence,
  toSimplified,
  toTraditional,
} from "../../../pipelines/language/han-variant.ts";

describe("Simplified or Traditional", () => {
  it("reads every Han character as OpenCC's full converters do", () => {
    const fullTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
    const fullSimplified = OpenCC.Converter({ from: "tw", to: "cn" });
    const han = /\p{Script=Han}/u;
    const differing: string[] = [];
    let checked = 0;
    for (let cp = 0x2e80; cp <= 0x323af; cp++) {
      const char = String.fromCodePoint(cp);
      if (!han.test(char)) continue;
      checked++;
      if (
        toTraditional(char) !== fullTraditional(char) ||
        toSimplified(char) !== fullSimplified(char)
      )
        differing.push(char);
    }
    expect(checked).toBeGreaterThan(90_000);
    expect(differing).toEqual([]);
  });

  it("tells the orthographies apart and leaves shared characters undecided", () => {
    expect(hanVariant(hanVariantEvidence("稀土价格上涨，出口管制收紧"))).toBe("Hans");
    expect(hanVariant(hanVariantEvidence("稀土價格上漲，出口管制收緊"))).toBe("Hant");
    expect(hanVariant(hanVariantEvidence("稀土"))).toBe("Hani");
    // A compatibility ideograph counts as the character it stands for.
    expect(hanVariantEvidence("\uF902").traditional).toBe(1);
  });
});
