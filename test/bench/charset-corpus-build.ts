/**
 * Builds the charset corpus (test/fixtures/charset/files/ and manifest.json):
 * the texts of texts.txt encoded in 40 encodings with iconv-lite (ISO-2022
 * by their escape rules, from EUC; Johab by its bit fields), each as a long undeclared text, a long
 * HTML page with <meta charset>, a short undeclared text, a short text with
 * a Content-Type header, and a short text with only the source's previous
 * encoding as a hint. Run: npx tsx test/bench/charset-corpus-build.ts
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { encodeJohab } from "../../pipelines/fetch/decode/johab.ts";

const dir = fileURLToPath(new URL("../fixtures/charset/", import.meta.url));

/** One file of the corpus and what decoding it must give. */
export interface CharsetCase {
  file: string;
  encoding: string;
  lang: string;
  variant: "long" | "html-meta" | "short" | "short-header" | "short-previous";
  contentType?: string;
  previousEncoding?: string;
  /** The text the bytes must decode to. */
  expected: string;
}

/** Encoding → the languages whose text it carries. "+bom" / "-nobom" choose the byte-order mark. */
const plan: Record<string, string[]> = {
  "utf-8": ["en", "ru", "zh-hans", "ja", "ar"],
  "utf-8+bom": ["fr", "ko"],
  "utf-16le+bom": ["de", "zh-hans"],
  "utf-16be+bom": ["ru", "ja"],
  "utf-16le-nobom": ["en", "ko", "zh-hant"],
  "utf-16be-nobom": ["fr", "zh-hans", "el"],
  "utf-32le+bom": ["es", "th"],
  "utf-32be+bom": ["pt", "he"],
  "utf-32le-nobom": ["de", "ja"],
  "utf-32be-nobom": ["ru", "zh-hans"],
  "windows-1252": ["en", "fr", "de", "es", "pt"],
  "iso-8859-1": ["fr", "de"],
  "iso-8859-15": ["fr", "es"],
  "windows-1250": ["pl", "cs", "hu"],
  "iso-8859-2": ["pl", "cs", "hu"],
  "windows-1251": ["ru", "uk", "bg"],
  "koi8-r": ["ru", "bg"],
  "koi8-u": ["uk"],
  ibm866: ["ru", "bg"],
  ibm855: ["ru", "bg"],
  maccyrillic: ["ru", "bg"],
  "iso-8859-5": ["ru", "bg"],
  "windows-1253": ["el"],
  "iso-8859-7": ["el"],
  "windows-1254": ["tr"],
  "iso-8859-9": ["tr"],
  "windows-1255": ["he"],
  "iso-8859-8": ["he"],
  "windows-1256": ["ar"],
  "windows-1257": ["lt"],
  "iso-8859-13": ["lt"],
  "windows-874": ["th"],
  "tis-620": ["th"],
  macintosh: ["fr", "de"],
  cp437: ["de", "fr"],
  cp850: ["de", "es"],
  gb18030: ["zh-hans"],
  gbk: ["zh-hans"],
  big5: ["zh-hant"],
  shift_jis: ["ja"],
  "euc-jp": ["ja"],
  "iso-2022-jp": ["ja"],
  "euc-kr": ["ko"],
  "iso-2022-kr": ["ko"],
  johab: ["ko"],
};

const esc = 0x1b;

/** ISO-2022-JP from EUC-JP: JIS X 0208 pairs between ESC $ B and ESC ( B. */
function iso2022jp(text: string): Buffer {
  const euc = iconv.encode(text, "euc-jp");
  const out: number[] = [];
  let wide = false;
  for (let i = 0; i < euc.length; i++) {
    const b = euc[i] ?? 0;
    if (b < 0x80) {
      if (wide) out.push(esc, 0x28, 0x42);
      wide = false;
      out.push(b);
      continue;
    }
    if (!wide) out.push(esc, 0x24, 0x42);
    wide = true;
    out.push(b - 0x80, (euc[i + 1] ?? 0x80) - 0x80);
    i++;
  }
  if (wide) out.push(esc, 0x28, 0x42);
  return Buffer.from(out);
}

/** ISO-2022-KR from EUC-KR: the ESC $ ) C header, KS X 1001 pairs between SO and SI. */
function iso2022kr(text: string): Buffer {
  const euc = iconv.encode(text, "euc-kr");
  const out: number[] = [esc, 0x24, 0x29, 0x43];
  let wide = false;
  for (let i = 0; i < euc.length; i++) {
    const b = euc[i] ?? 0;
    if (b < 0x80) {
      if (wide) out.push(0x0f);
      wide = false;
      out.push(b);
      continue;
    }
    if (!wide) out.push(0x0e);
    wide = true;
    out.push(b - 0x80, (euc[i + 1] ?? 0x80) - 0x80);
    i++;
  }
  if (wide) out.push(0x0f);
  return Buffer.from(out);
}

function encode(text: string, spec: string): Buffer | null {
  const [name = spec, bomFlag] = spec.split(/(?=[+-](?:bom|nobom)$)/);
  if (name === "iso-2022-jp") return iso2022jp(text);
  if (name === "iso-2022-kr") return iso2022kr(text);
  if (name === "johab") return encodeJohab(text);
  const body = iconv.encode(text, name);
  if (iconv.decode(body, name) !== text) return null;
  if (bomFlag !== "+bom") return body;
  return Buffer.concat([iconv.encode("\uFEFF", name), body]);
}

function label(spec: string): string {
  return spec.replace(/[+-](bom|nobom)$/, "");
}

export function buildCharsetCases(): { cases: CharsetCase[]; files: Map<string, Buffer> } {
  const texts = new Map<string, string>();
  for (const line of readFileSync(`${dir}texts.txt`, "utf8").split("\n")) {
    const tab = line.indexOf("\t");
    if (tab > 0) texts.set(line.slice(0, tab), line.slice(tab + 1));
  }
  const cases: CharsetCase[] = [];
  const files = new Map<string, Buffer>();
  for (const [spec, langs] of Object.entries(plan)) {
    for (const lang of langs) {
      const text = texts.get(lang);
      if (!text) throw new Error(`no text for ${lang}`);
      const sentences = text.split(/(?<=[.。!?])\s*/u);
      const short = [...(sentences[0] ?? text)].slice(0, 24).join("").trim();
      const html = `<!doctype html>\n<html><head><meta charset="${label(spec)}"><title>${[...short].slice(0, 12).join("")}</title></head>\n<body><p>${text}</p></body></html>\n`;
      const variants: [CharsetCase["variant"], string, Partial<CharsetCase>][] = [
        ["long", `${text}\n${text}\n`, {}],
        ["html-meta", html, {}],
        ["short", short, {}],
        ["short-header", short, { contentType: `text/plain; charset=${label(spec)}` }],
        ["short-previous", short, { previousEncoding: label(spec) }],
      ];
      for (const [variant, content, hints] of variants) {
        const bytes = encode(content, spec);
        if (!bytes) continue;
        const file = `${spec}.${lang}.${variant}.bin`;
        files.set(file, bytes);
        cases.push({ file, encoding: label(spec), lang, variant, ...hints, expected: content });
      }
    }
  }
  return { cases, files };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { cases, files } = buildCharsetCases();
  rmSync(`${dir}files`, { recursive: true, force: true });
  mkdirSync(`${dir}files`, { recursive: true });
  for (const [file, bytes] of files) writeFileSync(`${dir}files/${file}`, bytes);
  writeFileSync(`${dir}manifest.json`, `${JSON.stringify(cases, null, 1)}\n`);
  const encodings = new Set(cases.map((c) => c.encoding)).size;
  console.log(`${cases.length} files in ${encodings} encodings`);
}
