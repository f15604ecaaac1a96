/**
 * Mojibake whose code page lost some bytes to U+FFFD (a strict decoder):
 * a lost character is read back when the evidence is strong, and otherwise
 * stays U+FFFD (pipelines/normalize/repair/lost-chars.ts).
 */
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeCp1252 } from "../../../pipelines/normalize/repair/cp1252.ts";
import { repairMojibake, repairText } from "../../../pipelines/normalize/repair/repair-text.ts";
import { c1StrippedCp1252 } from "../../bench/mojibake-corpus-build.ts";

/** UTF-8 read by a strict decoder of `codePage`: its undefined bytes become U+FFFD. */
const strictlyReadAs = (text: string, codePage: string) =>
  iconv.decode(Buffer.from(text, "utf8"), codePage);

describe("mojibake with lost bytes", () => {
  it("reads back a character its lead byte and the code page's one undefined byte spell", () => {
    // windows-1251 leaves only 0x98 undefined: И is D0 98.
    const damaged = strictlyReadAs("Италия и Китай", "windows-1251");
    expect(damaged).toContain("\uFFFD");
    const out = repairMojibake(damaged);
    expect(out.text).toBe("Италия и Китай");
    expect(out.repairs[0]?.detail).toBe("utf-8 read as windows-1251, lost bytes read back");
  });

  it("reads back a ” lost one layer on, the only option that keeps a middle layer decodable", () => {
    // Windows-1252 twice, the second time strict: "—" is "â€”", whose ” (E2 80 9D) lost
    // its 9D; after "â€" or a two-byte lead such as "×", only ” completes a sequence.
    for (const text of ["Prices rose — sharply.", "הודעה חדשה"]) {
      const damaged = strictlyReadAs(decodeCp1252(Buffer.from(text, "utf8")), "windows-1252");
      expect(damaged).toContain("\uFFFD");
      expect(repairMojibake(damaged).text).toBe(text);
    }
  });

  it("reads back a Han character between Han characters when the character model is sure", () => {
    // 中 (E4 B8 AD) keeps its bytes; 土 (E5 9C 9F) and 场 (E5 9C BA) too; 不 (E4 B8 8D)
    // loses 8D: 丁 不 丏 丐 丝 are its options, and "价格不断" says which.
    const text = "稀土价格不断上涨";
    const damaged = strictlyReadAs(text, "windows-1252");
    expect(damaged).toContain("\uFFFD");
    const out = repairMojibake(damaged);
    expect(out.text).toBe(text);
    expect(out.repairs[0]?.detail).toBe("utf-8 read as windows-1252, lost bytes read back");
    // Korean has no Han neighbours: its lost syllable stays marked.
    expect(repairMojibake(strictlyReadAs("희토류 가격", "windows-1252")).text).toContain("\uFFFD");
  });

  it("reads Chinese whose undefined bytes were dropped, not replaced, marking what it cannot read back", () => {
    // As a browser reads windows-1252 (C1 controls for 81 8D 8F 90 9D), then a sanitiser
    // strips the controls: 不 (E4 B8 8D) is "ä¸" cut by the next lead, 十 (E5 8D 81) a lone
    // "å". Where the byte was is not known, so each has up to twelve options: the character
    // model reads one back only by a wide margin (来, E6 9D A5, after 年 before 最), and
    // marks the others lost.
    const text = "稀土价格不断上涨，十年来最高。";
    const damaged = decodeCp1252(Buffer.from(text, "utf8")).replace(/[\u0080-\u009F]/g, "");
    const out = repairMojibake(damaged).text;
    expect(out).toBe("稀土价格\uFFFD断上涨，\uFFFD年来最高。");
    // Inari Sami writes "ášá", the same shape, and is left alone.
    expect(repairMojibake("Juáhháá, kote lii ášáškuttum rikosist").text).toBe(
      "Juáhháá, kote lii ášáškuttum rikosist",
    );
  });

  it("reads Greek, Cyrillic, Hebrew, Korean and Japanese whose undefined bytes were dropped", () => {
    const stripped = (text: string) =>
      decodeCp1252(Buffer.from(text, "utf8")).replace(/[\u0080-\u009F]/g, "");
    // с and я (D1 81, D1 8F) lose their second byte: "РоÑÑии" was left as it was.
    expect(repairMojibake(stripped("Правительство России объявило о мерах")).text).toBe(
      "Правитель\uFFFDтво Ро\uFFFD\uFFFDии объ\uFFFDвило о мерах",
    );
    // ρ (CF 81) before the next letter's lead; я at the end of the line.
    expect(repairMojibake(stripped("Η Ελλάδα εξετάζει την εξόρυξη")).text).toBe(
      "Η Ελλάδα εξετάζει την εξό\uFFFDυξη",
    );
    expect(repairMojibake(stripped("Компания увеличила добычу")).text).toBe(
      "Компани\uFFFD увеличила добычу",
    );
    // A hyphen (E2 80 90) cut short before a Cyrillic lead is lost too, and the line is
    // not taken for GBK ("ҥи‐да" had come out "谣懈鈥写邪").
    expect(repairMojibake(stripped("Ирэк‐да бэй, ҥи‐да бими, эрэк.")).text).toBe(
      "Ир\uFFFDк\uFFFDда б\uFFFDй, ҥи\uFFFDда бими, \uFFFDр\uFFFDк.",
    );
    // א (D7 90) before the next lead, final ם (D7 9D) at the end.
    expect(repairMojibake(stripped("ישראל חותמת על הסכם")).text).toBe(
      "ישר\uFFFDל חותמת על הסכ\uFFFD",
    );
    // Where bytes were dropped, a lead before a space lost its last byte: 을 (EC 9D 84)
    // ends the word, where a lost no-break space would have made 선 (EC 84 A0) of it.
    expect(
      repairMojibake(stripped("한국 정부는 희토류 비축량을 늘리고 공급망을 다변화한다")).text,
    ).toBe("한국 정부는 \uFFFD토류 비축량\uFFFD 늘리고 공급\uFFFD\uFFFD 다변화한다");
    // Kana cut short as Han is: ネ (E3 83 8D) is "ãƒ" before the next lead, へ (E3 81 B8)
    // "ã¸" at the end of the line.
    expect(repairMojibake(stripped("住友金属鉱山、ネオジム磁石の新工場を建設へ")).text).toBe(
      "\uFFFD\uFFFD金属鉱山\uFFFD\uFFFDオジム\uFFFD石\uFFFD新工場を建設\uFFFD",
    );
  });

  it("reads a Latin letter that lost its second byte where the line's alphabet says so", () => {
    const stripped = (text: string) =>
      decodeCp1252(Buffer.from(text, "utf8")).replace(/[\u0080-\u009F]/g, "");
    // č (C4 8D) is "Ä" before "n": no alphabet holds Ä with ř, Czech holds č and ď.
    const czech = repairMojibake(stripped("Česká vláda: těžba lithia začne příští rok."));
    expect(czech.text).toBe("Česká vláda: těžba lithia za\uFFFDne příští rok.");
    expect(czech.repairs.map((r) => r.detail)).toContain(
      "utf-8 read as windows-1252, lost bytes kept as U+FFFD",
    );
    // Đ (C4 90) is the one letter of ā č ď Đ ĝ that Vietnamese writes.
    expect(repairMojibake(stripped("Khảo sát Địa chất")).text).toBe("Khảo sát Địa chất");
    // Decomposed text: "ó" is o + U+0301 (CC 81), so "oÌ" lost the accent's second byte.
    const catalan = "l’aspiració més elevada, què hi farem".normalize("NFD");
    expect(repairMojibake(stripped(catalan)).text).toBe(
      "l’aspiracio\uFFFD me\uFFFDs elevada, qu\u00E8 hi farem".normalize("NFD"),
    );
    // A German "Ä" in a line repaired elsewhere stays: German holds Ä with ü.
    expect(repairMojibake("Änderung: MÃ¼ller sagt Ja").text).toBe("Änderung: Müller sagt Ja");
    // Nor does French make it a lost letter: none of ā č ď Đ ĝ is French.
    expect(repairMojibake("Änderung: Ã©conomie").text).toBe("Änderung: économie");
  });

  // As a browser decodes windows-1252 (undefined bytes as C1 controls), then stripped.
  it.each([
    // Slovak holds ä, but not a capital glued after a small letter: č (C4 8D) or ď.
    [
      "a capital cut after a small letter",
      "že vybudovanie sveta, presvedčenia ľudí",
      "že vybudovanie sveta, presved\uFFFDenia ľudí",
    ],
    // Latvian ā or č before "Å¡" (š), which decodes once the cut is marked; the line's
    // other letters are Latvian once the "Å" of that "Å¡" is not counted among them.
    [
      "the damage beside a cut",
      "vērā to, ka noniecināšanas dēļ",
      "vēr\uFFFD to, ka noniecin\uFFFDšanas dēļ",
    ],
    // Yoruba ọ (E1 BB 8D) lost its last byte: of ề ọ ỏ Ố ờ only ọ is Yoruba.
    [
      "a three-byte letter cut before a letter",
      "Ijọba Naijiria ṣe ifilọlẹ eto tuntun",
      "Ijọba Naijiria ṣe ifilọlẹ eto tuntun",
    ],
    // Vietnamese chờ (E1 BB 9D) cut before a space: not Ỡ (E1 BB A0, a lost no-break
    // space), a capital glued to "ch"; Vietnamese writes several of ề ọ ỏ Ố ờ.
    [
      "a three-byte letter cut before a space",
      "các nhà đầu tư đang chờ đợi chính sách",
      "các nhà đầu tư đang ch\uFFFD đợi chính sách",
    ],
    // Icelandic Ð (C3 90) cut before "Ã³" (ó): not cp850's "Ǣ" for what is left, "Ãó".
    [
      "a cut before another letter's mojibake",
      "Þórður og Ðóra stýra verkefninu.",
      "Þórður og \uFFFDóra stýra verkefninu.",
    ],
    // Spanish "á»" before a space is á and a closing guillemet: the line writes no
    // other letter of ề's block.
    ["a real guillemet after á", "«Esto está» dijo él", "«Esto está» dijo él"],
  ])("reads C1-stripped Latin: %s", (_name, original, expected) => {
    expect(repairMojibake(c1StrippedCp1252(Buffer.from(original, "utf8"))).text).toBe(expected);
  });

  it("reads the words with no signature of their own beside a lost letter", () => {
    // Đ (C4 90) lost its second byte, so the line does not decode whole; "á»¥" (ụ) and
    // "á»³" (ỳ) hold "»" and "³" inside a word, where they are only mojibake.
    const stripped = decodeCp1252(Buffer.from("Theo Cục Khảo sát Địa chất Hoa Kỳ.", "utf8"));
    expect(repairMojibake(stripped.replace(/[\u0080-\u009F]/g, "")).text).toBe(
      "Theo Cục Khảo sát Địa chất Hoa Kỳ.",
    );
  });

  it("leaves a Latin line alone where a two-byte lead only looks cut short", () => {
    // Real Spanish and German: a lead before an ASCII letter, no Greek or Cyrillic around.
    for (const text of ["ESPAÑA Y PORTUGAL", "Änderung der Ölpreise", "Ñoño Ðuro ÏÎ"])
      expect(repairMojibake(text).text).toBe(text);
  });

  it("keeps the mark of a lost character through the cleanup of the stored text", () => {
    // с (D1 81), я (D1 8F) and Ł (C5 81) end in bytes windows-1252 leaves undefined.
    const damaged = strictlyReadAs("Русский язык, Łódź", "windows-1252");
    expect(damaged.split("\uFFFD").length - 1).toBe(4);
    expect(repairText(damaged).text).toBe("Ру\uFFFD\uFFFDкий \uFFFDзык, \uFFFDódź");
  });

  it("closes an open quote with ” where its last byte was lost", () => {
    const damaged = strictlyReadAs("“a record,” its chief executive said", "windows-1252");
    expect(damaged).toBe("â€œa record,â€\uFFFD its chief executive said");
    expect(repairMojibake(damaged).text).toBe("“a record,” its chief executive said");
  });

  it("keeps U+FFFD where no quote is open, or several letters could have been lost", () => {
    expect(repairMojibake("Lynas â€” the miner â€\uFFFD said").text).toBe(
      "Lynas — the miner \uFFFD said",
    );
    // Ł, ō, ŏ, Ő and ŝ all end in a byte windows-1252 does not define.
    const out = repairMojibake(strictlyReadAs("Łódź i Kraków", "windows-1252"));
    expect(out.text).toBe("\uFFFDódź i Kraków");
    expect(out.repairs[0]?.detail).toMatch(/, lost bytes kept as U\+FFFD$/);
  });

  it("does not read the U+FFFD it left for a lost character as a lost byte again", () => {
    // "ẞ" (E1 BA 9E) through windows-1252, its last byte lost by a strict decoder somewhere.
    const damaged = "ÃœBERNAHME: GRÃ–áº\uFFFDTER MAGNETHERSTELLER";
    // A second layer would read "Ö" (D6 in Latin-1) and the U+FFFD as one more lost character.
    expect(repairMojibake(damaged).text).toBe("ÜBERNAHME: GRÖ\uFFFDTER MAGNETHERSTELLER");
  });

  it("reads any code page's lead image before U+FFFD as a character whose bytes were lost", () => {
    // ê is C3 AA; windows-1253 leaves AA undefined, and C3 is its "Γ".
    const out = repairMojibake(strictlyReadAs("Atena uê kubanga ioso", "windows-1253"));
    expect(out.text).toBe("Atena u\uFFFD kubanga ioso");
    expect(out.repairs[0]?.detail).toMatch(/^utf-8 read as windows-1253/);
  });
});
