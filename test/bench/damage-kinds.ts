/**
 * The kinds of damage real sources bring (DESIGN.md, "The seed corpus"),
 * applied to clean text: used by the damage evaluation and the unit tests.
 * Decoders follow the WHATWG Encoding Standard, as browsers and Node do.
 */
import iconv from "iconv-lite";
import { decodeCp1252 } from "../../pipelines/normalize/repair/cp1252.ts";
import { thaiCharOfByte } from "../../pipelines/normalize/repair/thai-code-page.ts";

export type DamageKind =
  | "utf8-as-cp1252"
  | "utf8-as-cp1252-strict"
  | "utf8-as-cp1252-c1-stripped"
  | "utf8-as-cp1252-question-marks"
  | "utf8-as-latin1"
  | "utf8-as-cp1252-twice"
  | "gbk-as-cp1252"
  | "gbk-as-latin1"
  | "utf8-as-gbk"
  | "utf8-as-gbk-lossy"
  | "utf8-as-iso-8859-11-c1-dropped"
  | "utf8-as-windows-874-c1-dropped";

/** The lossy Thai paths (seed 003's damage). */
export const thaiLossyKinds: DamageKind[] = [
  "utf8-as-iso-8859-11-c1-dropped",
  "utf8-as-windows-874-c1-dropped",
];

/** Every kind that loses bytes, so that the repair can only infer what was there. */
export const lossyKinds: DamageKind[] = [
  ...thaiLossyKinds,
  "utf8-as-gbk-lossy",
  "utf8-as-cp1252-strict",
  "utf8-as-cp1252-c1-stripped",
  "utf8-as-cp1252-question-marks",
];

/**
 * A strict GBK decoder, as Python's and most non-browser decoders are: a
 * byte that cannot start a character (0x80, 0xFF) or a lead byte before an
 * invalid trail becomes U+FFFD, one byte each; the next byte is read anew.
 */
function asStrictGbk(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    const t = bytes[i + 1];
    if (b !== 0x80 && b !== 0xff && t !== undefined && t >= 0x40 && t !== 0x7f && t !== 0xff) {
      const ch = iconv.decode(Buffer.from([b, t]), "gbk");
      if (ch.length === 1 && ch !== "\uFFFD") {
        out += ch;
        i += 2;
        continue;
      }
    }
    out += "\uFFFD";
    i++;
  }
  return out;
}

function utf8(text: string): Buffer {
  return Buffer.from(text, "utf8");
}

// Node's TextDecoder treats "windows-1252" as Latin-1; ours follows WHATWG.
const asCp1252 = decodeCp1252;

function asThai(bytes: Uint8Array, variant: "iso-8859-11" | "windows-874"): string {
  let out = "";
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : thaiCharOfByte(b, variant);
  return out;
}

export function damage(text: string, kind: DamageKind): string {
  switch (kind) {
    case "utf8-as-cp1252":
      return asCp1252(utf8(text));
    case "utf8-as-cp1252-strict":
      // A strict decoder (iconv-lite, Python's errors="replace"): 81 8D 8F 90 9D become U+FFFD.
      return iconv.decode(utf8(text), "windows-1252");
    case "utf8-as-cp1252-c1-stripped":
      // As browsers read it (81 8D 8F 90 9D kept as C1 controls), then a sanitiser strips those.
      return asCp1252(utf8(text)).replace(/[\u0080-\u009F]/g, "");
    case "utf8-as-cp1252-question-marks":
      // Then written to Latin-1 by an encoder that puts "?" for what it lacks (a latin1
      // database column, Python's errors="replace"): ’ is "â€™" and then "â??".
      return iconv.decode(utf8(text), "windows-1252").replace(/[\u0100-\u{10FFFF}]/gu, "?");
    case "utf8-as-latin1":
      return utf8(text).toString("latin1");
    case "utf8-as-cp1252-twice":
      return asCp1252(utf8(asCp1252(utf8(text))));
    case "gbk-as-cp1252":
      return asCp1252(iconv.encode(text, "gbk"));
    case "gbk-as-latin1":
      return iconv.encode(text, "gbk").toString("latin1");
    case "utf8-as-gbk":
      return iconv.decode(utf8(text), "gbk");
    case "utf8-as-gbk-lossy":
      return asStrictGbk(utf8(text));
    case "utf8-as-iso-8859-11-c1-dropped":
      return asThai(utf8(text), "iso-8859-11");
    case "utf8-as-windows-874-c1-dropped":
      return asThai(utf8(text), "windows-874");
  }
}

/**
 * Which kinds apply to a text: the GBK ones need Chinese, the "?"-writing
 * encoder Latin text (it leaves nothing of a Han character), the rest
 * anything non-ASCII.
 */
export function kindsFor(language: "en" | "zh"): DamageKind[] {
  const common: DamageKind[] = [
    "utf8-as-cp1252",
    "utf8-as-cp1252-strict",
    "utf8-as-cp1252-c1-stripped",
    "utf8-as-latin1",
    "utf8-as-cp1252-twice",
    "utf8-as-iso-8859-11-c1-dropped",
    "utf8-as-windows-874-c1-dropped",
  ];
  return language === "zh"
    ? [...common, "gbk-as-cp1252", "gbk-as-latin1", "utf8-as-gbk", "utf8-as-gbk-lossy"]
    : [...common, "utf8-as-cp1252-question-marks"];
}
