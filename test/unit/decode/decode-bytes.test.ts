import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../../pipelines/fetch/decode/decode-bytes.ts";
import { localeDefaultCharset } from "../../../pipelines/fetch/decode/locale-default.ts";
import { udhrDeclarations } from "../../bench/udhr-paragraphs.ts";

const zh = readFileSync(new URL("../../fixtures/damage/eval-zh.txt", import.meta.url), "utf8");
const zhHant =
  "台灣稀土產業協會今天發表報告指出，全球稀土永磁材料需求持續成長，電動車與風力發電是主要動力。" +
  "報告說，國內業者應加強研發，提高產品附加價值，並與國際夥伴建立穩定的供應鏈關係。" +
  "專家表示，稀土資源的開採與分離技術門檻很高，環境保護的要求也越來越嚴格，因此回收再利用將成為重要的發展方向。";

function page(body: string, head = ""): string {
  return `<!doctype html><html><head>${head}<title>稀土</title></head><body><p>${body}</p></body></html>`;
}

describe("decodeBytes: declarations", () => {
  it("honours a UTF-8 byte-order mark and strips it", () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("Group’s 稀土", "utf8"),
    ]);
    const out = decodeBytes(bytes);
    expect(out.text).toBe("Group’s 稀土");
    expect(out.encoding.detected).toBe("utf-8");
  });

  it("honours a UTF-16LE byte-order mark", () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("稀土 rare earth", "utf16le"),
    ]);
    expect(decodeBytes(bytes).text).toBe("稀土 rare earth");
  });

  it("uses the HTTP Content-Type charset", () => {
    const bytes = iconv.encode("Société Générale à Zürich", "windows-1252");
    const out = decodeBytes(bytes, { contentType: "text/plain; charset=windows-1252" });
    expect(out.text).toBe("Société Générale à Zürich");
    expect(out.encoding).toMatchObject({ detected: "windows-1252", declared: "windows-1252" });
    expect(out.repairs).toEqual([]);
  });

  it("reads <meta charset> and treats gb2312 as GB18030", () => {
    const out = decodeBytes(iconv.encode(page(zh, '<meta charset="gb2312">'), "gb18030"));
    expect(out.text).toContain("稀土永磁产业迎来新一轮调整");
    expect(out.encoding).toMatchObject({ detected: "gb18030", declared: "gb2312" });
  });

  it("reads a http-equiv Content-Type meta", () => {
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=big5">';
    const out = decodeBytes(iconv.encode(page(zhHant, head), "big5"));
    expect(out.text).toContain("台灣稀土產業協會");
    expect(out.encoding.detected).toBe("big5");
  });

  it("decodes EUC-KR declared in the header", () => {
    const bytes = iconv.encode("희토류 자석 생산", "euc-kr");
    const out = decodeBytes(bytes, { contentType: "text/html; charset=ks_c_5601-1987" });
    expect(out.text).toBe("희토류 자석 생산");
    expect(out.encoding.detected).toBe("euc-kr");
  });

  it("reads an XML declaration", () => {
    const xml = `<?xml version="1.0" encoding="Shift_JIS"?><doc>レアアース磁石の生産</doc>`;
    const out = decodeBytes(iconv.encode(xml, "shift_jis"));
    expect(out.text).toContain("レアアース磁石の生産");
    expect(out.encoding.detected).toBe("shift_jis");
  });
});

describe("decodeBytes: sniffing undeclared bytes", () => {
  it("decodes a GBK page without a charset declaration", () => {
    const out = decodeBytes(iconv.encode(page(zh), "gbk"));
    expect(out.text).toContain("记者从中国稀土行业协会获悉");
    expect(out.encoding.detected).toBe("gb18030");
    expect(out.encoding.declared).toBeUndefined();
  });

  it("decodes a Big5 page without a charset declaration", () => {
    const out = decodeBytes(iconv.encode(page(zhHant), "big5"));
    expect(out.text).toContain("專家表示，稀土資源的開採與分離技術門檻很高");
    expect(out.encoding.detected).toBe("big5");
  });

  it("takes undeclared valid UTF-8 as UTF-8", () => {
    const out = decodeBytes(Buffer.from("Ærø and SÃO PAULO, 稀土", "utf8"));
    expect(out.text).toBe("Ærø and SÃO PAULO, 稀土");
    expect(out.encoding.detected).toBe("utf-8");
  });
});

describe("decodeBytes: short and symbol-rich undeclared text", () => {
  const english =
    "Lynas Rare Earths’ quarterly revenue rose to A$254 million — “a record,” its chief executive said.";

  it("takes a short English line with curly quotes as windows-1252, not MacRoman", () => {
    const out = decodeBytes(iconv.encode(english, "windows-1252"));
    expect(out.text).toBe(english);
  });

  it("reads an all-caps headline as Latin when jschardet has no opinion", () => {
    const headline = "NÃO HÁ ACORDO: SÃO PAULO E BRASÍLIA DISCUTEM ROYALTIES";
    expect(decodeBytes(iconv.encode(headline, "windows-1252")).text).toBe(headline);
  });

  it("does not take a short French line for Cyrillic, which would put а in a Latin word", () => {
    // Byte statistics read the lone 0xE0 as windows-1251 "а" ("Voilа") and 0xC9 as "и".
    for (const text of ["Voilà le travail", "L’ÉTÉ DES MÉTAUX"])
      expect(decodeBytes(iconv.encode(text, "windows-1252")).text).toBe(text);
  });

  it("reads œ from ISO-8859-15, where windows-1252 would put ½ inside words", () => {
    const text = "Le cœur du projet : une œuvre de sœurs, un vœu tenu, 12 € le kilo.";
    expect(decodeBytes(iconv.encode(text, "iso-8859-15")).text).toBe(text);
  });

  it("recognises UTF-16 without a BOM when the text has ™, € and emoji", () => {
    const text = "Prices: €35, €40, €52 a kilo 🚀🚀 NdFeB™ ≥ N52, up ≈ 12 %.\n".repeat(4);
    for (const encoding of ["utf-16le", "utf-16be"]) {
      const out = decodeBytes(iconv.encode(text, encoding));
      expect(out.text).toBe(text);
      expect(out.encoding.detected).toBe(encoding);
    }
  });
});

describe("decodeBytes: all-caps headlines, whose case fools byte statistics", () => {
  // In KOI8-R the capitals of windows-1251 are lowercase letters, and the
  // reverse: the detectors' statistics read a plausible lowercase text.
  const russian = "ЦЕНЫ НА НЕОДИМ ВЫРОСЛИ НА ПЯТЬ ПРОЦЕНТОВ ЗА НЕДЕЛЮ";
  const ukrainian = "УКРАЇНА ПОЧИНАЄ ВИДОБУТОК ЛІТІЮ НА ШЕВЧЕНКІВСЬКОМУ РОДОВИЩІ";
  it.each([
    [russian, "windows-1251"],
    [russian, "koi8-r"],
    [russian, "cp866"],
    ["КИТАЙ ОГРАНИЧИЛ ВЫВОЗ ГАЛЛИЯ И ГЕРМАНИЯ", "windows-1251"],
    ["КИТАЙ ОГРАНИЧИЛ ВЫВОЗ ГАЛЛИЯ И ГЕРМАНИЯ", "koi8-r"],
    [ukrainian, "koi8-u"],
    [ukrainian, "windows-1251"],
  ])("reads %s in %s", (text, charset) => {
    expect(decodeBytes(iconv.encode(text, charset)).text).toBe(text);
  });

  it("reads MacCyrillic capitals, which IBM866 spells the same", () => {
    expect(decodeBytes(iconv.encode(russian, "maccyrillic")).text).toBe(russian);
  });

  it.each([
    ["Lynas says its Malaysian plant’s output rose 12% — a record", "windows-1252"],
    ["Société Générale cuts its forecast for Nouvelle-Calédonie’s nickel", "windows-1252"],
    ["Η Ελλάδα εξετάζει κοιτάσματα σπάνιων γαιών στη Θράκη", "windows-1253"],
    ["Polska inwestuje w przetwórstwo metali ziem rzadkich", "windows-1250"],
  ])("leaves mixed-case text to the detectors: %s", (text, charset) => {
    expect(decodeBytes(iconv.encode(text, charset)).text).toBe(text);
  });

  it("keeps Icelandic, which franc has no model of, against a better-spelled Baltic reading", () => {
    // Through windows-1257 the opening of the Icelandic declaration spells
    // "Sameinušo Žjóšanna": letters franc knows, but no alphabet holds š, ž and ó together.
    const icelandic = udhrDeclarations().find((d) => d.file === "isl.html");
    const text = (icelandic?.paragraphs ?? []).join("\n").slice(0, 80);
    expect(text).toContain("Þjóðanna");
    expect(decodeBytes(iconv.encode(text, "windows-1252")).text).toBe(text);
  });
});

describe("decodeBytes: the declared language of short, undeclared bytes", () => {
  it("takes the language's default charset when the sniffed one gives another script", () => {
    const text = "Η Ελλάδα ε";
    const out = decodeBytes(iconv.encode(text, "windows-1253"), { contentLanguage: "el, en" });
    expect(out.text).toBe(text);
  });

  it("reads the language from <html lang>", () => {
    const text = "Česká ";
    const page = `<html lang="cs-CZ"><p>${text}</p></html>`;
    const out = decodeBytes(iconv.encode(page, "iso-8859-2"));
    expect(out.text).toBe(page);
  });

  it("keeps a sniffed charset that already reads the language's script", () => {
    const text = "Цены на редкоземельные металлы растут";
    const out = decodeBytes(iconv.encode(text, "koi8-r"), { contentLanguage: "ru" });
    expect(out.text).toBe(text);
    expect(out.encoding.detected).toBe("koi8-r");
  });

  it("maps Chinese by region or script", () => {
    expect(localeDefaultCharset("zh-TW")).toBe("big5");
    expect(localeDefaultCharset("zh-Hant-HK")).toBe("big5");
    expect(localeDefaultCharset("zh")).toBe("gb18030");
    expect(localeDefaultCharset("pt-BR")).toBe("windows-1252");
    expect(localeDefaultCharset("*")).toBeNull();
  });
});

describe("decodeBytes: declarations the bytes contradict", () => {
  it("lets GBK bytes overrule a UTF-8 declaration, and records it", () => {
    const out = decodeBytes(iconv.encode(page(zh, '<meta charset="utf-8">'), "gbk"));
    expect(out.text).toContain("稀土永磁产业迎来新一轮调整");
    expect(out.encoding).toMatchObject({ detected: "gb18030", declared: "utf-8" });
    expect(out.repairs).toContainEqual(
      expect.objectContaining({ kind: "charset-override", count: 1 }),
    );
  });

  it("lets valid UTF-8 overrule a Latin-1 header", () => {
    const out = decodeBytes(Buffer.from("Group’s “study”", "utf8"), {
      contentType: "text/html; charset=ISO-8859-1",
    });
    expect(out.text).toBe("Group’s “study”");
    expect(out.encoding.detected).toBe("utf-8");
    expect(out.repairs.map((r) => r.kind)).toEqual(["charset-override"]);
  });
});

describe("decodeBytes: bad input", () => {
  it("refuses random bytes as not text, whatever the declaration says", () => {
    let seed = 7;
    const bytes = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return (seed >> 16) & 0xff;
    });
    expect(() => decodeBytes(bytes, { contentType: "text/plain; charset=utf-8" })).toThrow(
      /^not text: /,
    );
  });

  it("counts undecodable bytes under a declared charset that fits otherwise", () => {
    const bytes = Buffer.concat([Buffer.from("caf", "ascii"), Buffer.from([0xe9])]);
    const out = decodeBytes(bytes, { contentType: "text/plain; charset=windows-1252" });
    expect(out.text).toBe("café");
    const broken = decodeBytes(Buffer.from([0x61, 0xff, 0xfe, 0xfd, 0x62]), {
      contentType: "charset=utf-8",
    });
    expect(
      broken.repairs.some((r) => r.kind === "charset-override" || r.kind === "invalid-bytes"),
    ).toBe(true);
  });

  it("ignores a charset label nobody knows", () => {
    const out = decodeBytes(Buffer.from("plain text", "ascii"), {
      contentType: "text/plain; charset=x-unknown",
    });
    expect(out.text).toBe("plain text");
    expect(out.encoding.detected).toBe("utf-8");
  });
});
