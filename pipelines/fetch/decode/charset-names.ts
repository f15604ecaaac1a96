/**
 * Charset labels as found in headers and markup, mapped to the decoder we
 * actually use. Follows the WHATWG Encoding Standard where it differs from the
 * IANA names: browsers decode "iso-8859-1" and "ascii" as windows-1252 and any
 * GB2312/GBK label as GB18030 (a strict superset), and so do we, because pages
 * labelled that way were written against browsers.
 */
import iconv from "iconv-lite";

const aliases: Record<string, string> = {
  utf8: "utf-8",
  "utf-8": "utf-8",
  "unicode-1-1-utf-8": "utf-8",
  "utf-16": "utf-16le",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be",
  ascii: "windows-1252",
  "us-ascii": "windows-1252",
  "iso-8859-1": "windows-1252",
  "iso8859-1": "windows-1252",
  latin1: "windows-1252",
  l1: "windows-1252",
  cp1252: "windows-1252",
  gb2312: "gb18030",
  gbk: "gb18030",
  "x-gbk": "gb18030",
  "gb_2312-80": "gb18030",
  chinese: "gb18030",
  csgb2312: "gb18030",
  gb18030: "gb18030",
  "euc-cn": "gb18030",
  big5: "big5",
  "big5-hkscs": "big5",
  "x-x-big5": "big5",
  "cn-big5": "big5",
  shift_jis: "shift_jis",
  "shift-jis": "shift_jis",
  sjis: "shift_jis",
  ms_kanji: "shift_jis",
  "windows-31j": "shift_jis",
  "x-sjis": "shift_jis",
  "euc-kr": "euc-kr",
  "ks_c_5601-1987": "euc-kr",
  "windows-949": "euc-kr",
  "euc-jp": "euc-jp",
  "iso-8859-11": "windows-874",
  "tis-620": "windows-874",
  "windows-874": "windows-874",
  "koi8-r": "koi8-r",
};

/** Canonical decoder name for a label, or null when no decoder knows it. */
export function canonicalCharset(label: string): string | null {
  const key = label
    .trim()
    .replace(/^["']|["']$/g, "")
    .toLowerCase();
  if (key === "") return null;
  const mapped = aliases[key] ?? key;
  return iconv.encodingExists(mapped) ? mapped : null;
}

/** Multi-byte legacy charsets, whose bytes chardet recognises with real confidence. */
export function isMultiByteLegacy(charset: string): boolean {
  return ["gb18030", "big5", "shift_jis", "euc-kr", "euc-jp"].includes(charset);
}
