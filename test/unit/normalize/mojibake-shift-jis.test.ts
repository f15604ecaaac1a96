import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { repairMojibake } from "../../../pipelines/normalize/repair/repair-text.ts";

/** UTF-8 bytes read as Shift_JIS, as a Japanese-locale program reads an undeclared UTF-8 page. */
const asShiftJis = (text: string) => iconv.decode(Buffer.from(text, "utf8"), "shift_jis");

describe("UTF-8 read as Shift_JIS", () => {
  it("restores Japanese that lost nothing", () => {
    const text = "中国による輸出規制の強化を受けて";
    const broken = asShiftJis(text);
    expect(broken).toBe("荳ｭ蝗ｽ縺ｫ繧医ｋ霈ｸ蜃ｺ隕丞宛縺ｮ蠑ｷ蛹悶ｒ蜿励￠縺ｦ");
    const repaired = repairMojibake(broken);
    expect(repaired.text).toBe(text);
    expect(repaired.repairs[0]?.detail).toBe("utf-8 read as shift_jis");
  });

  it("marks what the decoder lost in Japanese as U+FFFD, and guesses no kanji", () => {
    // 省 (E7 9C 81) and は (E3 81 AF): "81 E3" paired as √, and は lost its
    // lead byte; the last byte of 達 (E9 81 94) was a lead byte with no trail.
    const text = "経済産業省は二十日、レアアースの安定調達";
    const broken = asShiftJis(text);
    expect(broken).toContain("\uFFFD");
    const repaired = repairMojibake(broken);
    expect(repaired.text).toBe("経済産業省\uFFFD二十日、レアアースの安定調\uFFFD");
    expect(repaired.repairs[0]?.detail).toBe(
      "utf-8 read as shift_jis, 2 lost characters kept as U+FFFD",
    );
  });

  it("restores Chinese, its lost bytes inferred by the character model", () => {
    for (const text of ["稀土价格持续上涨", "专家认为，新能源汽车的需求仍在增长。"])
      expect(repairMojibake(asShiftJis(text)).text).toBe(text);
  });

  it("leaves real Japanese and Chinese alone", () => {
    for (const text of [
      "東京都は二十日、新しい計画を発表した。",
      "ﾚｱｱｰｽの価格が上昇している",
      "臺灣稀土產業協會表示，價格上漲。",
      "稀土价格持续上涨，市场供应紧张。",
    ])
      expect(repairMojibake(text).text).toBe(text);
  });
});
