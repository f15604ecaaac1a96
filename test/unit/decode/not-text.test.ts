import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../../pipelines/fetch/decode/decode-bytes.ts";
import { PermanentError } from "../../../shared/errors.ts";
import type { CharsetCase } from "../../bench/charset-corpus-build.ts";

const seed = readFileSync(new URL("../../../seeds/001_52282be795692a14.txt", import.meta.url));
const charsetDir = new URL("../../fixtures/charset/", import.meta.url);
const corpus = JSON.parse(
  readFileSync(new URL("manifest.json", charsetDir), "utf8"),
) as CharsetCase[];

function refusal(bytes: Uint8Array): string {
  try {
    decodeBytes(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(PermanentError);
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error("decoded as text");
}

describe("bytes that are not text stop at decoding", () => {
  it("refuses 2 MB of random bytes with the share of control bytes", () => {
    expect(refusal(randomBytes(2 * 1024 * 1024))).toMatch(/^not text: \d+% control bytes$/);
  });

  it("refuses a NUL-filled file", () => {
    expect(refusal(new Uint8Array(10_000))).toMatch(/^not text: 100% NUL bytes/);
  });

  it("refuses a PNG header with its binary body", () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      randomBytes(4096),
    ]);
    expect(refusal(png)).toMatch(/^not text: /);
  });
});

describe("text passes, however damaged or encoded", () => {
  it("decodes a seed with flipped bytes, keeping the rest", () => {
    const flipped = Buffer.from(seed);
    for (let i = 100; i < flipped.length; i += 997) flipped[i] = (flipped[i] ?? 0) ^ 0x80;
    const out = decodeBytes(flipped);
    expect(out.text.length).toBeGreaterThan(seed.length * 0.9);
    expect(out.text).toContain("Baotou");
  });

  it.each(corpus.filter((c) => c.variant === "long" || c.variant === "short"))(
    "decodes $file as text",
    (c) => {
      const bytes = readFileSync(new URL(`files/${c.file}`, charsetDir));
      expect(() => decodeBytes(bytes)).not.toThrow();
    },
  );

  it("decodes UTF-16 and UTF-32 without a byte-order mark", () => {
    const text = "Rare earths 稀土 — редкие земли\n";
    for (const enc of ["utf-16le", "utf-16be", "utf-32le", "utf-32be"]) {
      const out = decodeBytes(iconv.encode(text, enc));
      expect(out.text).toBe(text);
      expect(out.encoding.detected).toBe(enc);
    }
  });
});
