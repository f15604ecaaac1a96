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
  koi8r: "koi8-r",
  "koi8-u": "koi8-u",
  "koi8-ru": "koi8-u",
  "utf-32": "utf-32le",
  "utf-32le": "utf-32le",
  "utf-32be": "utf-32be",
  ibm866: "cp866",
  cp866: "cp866",
  "866": "cp866",
  csibm866: "cp866",
  ibm855: "cp855",
  cp855: "cp855",
  maccyrillic: "maccyrillic",
  "x-mac-cyrillic": "maccyrillic",
  "mac-cyrillic": "maccyrillic",
  mac: "macintosh",
  macintosh: "macintosh",
  macroman: "macintosh",
  "x-mac-roman": "macintosh",
  "iso-8859-9": "windows-1254",
  latin5: "windows-1254",
  "iso-8859-15": "iso-8859-15",
  latin9: "iso-8859-15",
  "iso-2022-jp": "iso-2022-jp",
  csiso2022jp: "iso-2022-jp",
  "iso-2022-kr": "iso-2022-kr",
  csiso2022kr: "iso-2022-kr",
  "x-euc-jp": "euc-jp",
  "windows-1250": "windows-1250",
  "windows-1251": "windows-1251",
  "windows-1253": "windows-1253",
  "windows-1254": "windows-1254",
  "windows-1255": "windows-1255",
  "windows-1256": "windows-1256",
  "windows-1257": "windows-1257",
  "windows-1258": "windows-1258",
  "x-cp1250": "windows-1250",
  "x-cp1251": "windows-1251",
  cp1251: "windows-1251",
  cp1250: "windows-1250",
  "iso-8859-8-i": "iso-8859-8",
  cp932: "shift_jis",
  cp949: "euc-kr",
  uhc: "euc-kr",
  cp874: "windows-874",
  johab: "johab",
  cp1361: "johab",
  "iso-ir-138": "iso-8859-8",
};

/** Encodings decoded here rather than by iconv-lite. */
const ownDecoders = new Set(["iso-2022-jp", "iso-2022-kr", "johab"]);

/** Canonical decoder name for a label, or null when no decoder knows it. */
export function canonicalCharset(label: string): string | null {
  const key = label
    .trim()
    .replace(/^["']|["']$/g, "")
    .toLowerCase()
    .replace(/^iso8859-/, "iso-8859-");
  if (key === "") return null;
  const mapped = aliases[key] ?? key;
  return ownDecoders.has(mapped) || iconv.encodingExists(mapped) ? mapped : null;
}

/** Whether a charset is a legacy multi-byte one (a wrong one leaves invalid sequences behind). */
export function isMultiByteLegacy(charset: string): boolean {
  return ["gb18030", "big5", "shift_jis", "euc-kr", "euc-jp", "johab"].includes(charset);
}
