import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../../pipelines/fetch/decode/decode-bytes.ts";
import { buildCharsetCases, type CharsetCase } from "../../bench/charset-corpus-build.ts";

const dir = new URL("../../fixtures/charset/", import.meta.url);
const cases = JSON.parse(readFileSync(new URL("manifest.json", dir), "utf8")) as CharsetCase[];

describe("the project's charset corpus", () => {
  it("is what the builder makes, in 30 encodings or more", () => {
    const built = buildCharsetCases();
    expect(built.cases).toEqual(cases);
    for (const c of cases.slice(0, 40))
      expect(
        readFileSync(new URL(`files/${c.file}`, dir)).equals(
          built.files.get(c.file) ?? Buffer.alloc(0),
        ),
      ).toBe(true);
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cases.map((c) => c.encoding)).size).toBeGreaterThanOrEqual(30);
  });

  it("decodes at least 99 percent of it to the text that was encoded", () => {
    const right = cases.filter((c) => {
      const bytes = readFileSync(new URL(`files/${c.file}`, dir));
      const hints = {
        ...(c.contentType ? { contentType: c.contentType } : {}),
        ...(c.previousEncoding ? { previousEncoding: c.previousEncoding } : {}),
      };
      return decodeBytes(bytes, hints).text === c.expected;
    }).length;
    expect(right / cases.length).toBeGreaterThanOrEqual(0.99);
  });
});

describe("charset evidence", () => {
  it("reads UTF-32 byte-order marks before UTF-16's", () => {
    const le = Buffer.concat([
      Buffer.from([0xff, 0xfe, 0, 0]),
      iconv.encode("稀土 rare earth", "utf-32le"),
    ]);
    expect(decodeBytes(le)).toMatchObject({
      text: "稀土 rare earth",
      encoding: { detected: "utf-32le" },
    });
    const be = Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), iconv.encode("稀土", "utf-32be")]);
    expect(decodeBytes(be).text).toBe("稀土");
  });

  it("keeps a declared TIS-620 page that decodes clean", () => {
    const thai = "ราคาแร่หายากปรับตัวสูงขึ้นอีกครั้งในสัปดาห์นี้";
    const page = `<html><head><meta charset="tis-620"></head><body>${thai}</body></html>`;
    const out = decodeBytes(iconv.encode(page, "tis-620"));
    expect(out.text).toContain(thai);
    expect(out.repairs).toEqual([]);
  });

  it("decodes ISO-2022-KR escapes instead of passing them through", () => {
    const kr = Buffer.from([
      0x1b, 0x24, 0x29, 0x43, 0x0e, 0x48, 0x71, 0x45, 0x64, 0x37, 0x79, 0x0f, 0x21,
    ]);
    expect(decodeBytes(kr).text).toBe("희토류!");
  });

  it("takes the source's previous charset as the prior for a short undeclared text", () => {
    const bytes = iconv.encode("Цены выросли", "koi8-r");
    expect(decodeBytes(bytes, { previousEncoding: "koi8-r" }).text).toBe("Цены выросли");
  });
});

describe("Johab", () => {
  it("decodes Hangul syllables by their bit fields, and the detectors find it", async () => {
    const { encodeJohab } = await import("../../../pipelines/fetch/decode/johab.ts");
    const text = "이번 주 희토류 가격이 다시 올랐다. 연휴가 끝나고 구매자들이 시장으로 돌아왔다.";
    expect(decodeBytes(encodeJohab(text))).toMatchObject({ text, encoding: { detected: "johab" } });
  });
});
