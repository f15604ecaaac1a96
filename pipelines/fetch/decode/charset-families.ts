/**
 * Code pages of one script or language, which can read each other's bytes
 * as text of that script (the single-byte ones without any error): a
 * detector's close runner-up competes within a family (sniff-charset.ts),
 * and a declared language admits its default's family (locale-default.ts).
 */
export const charsetFamilies: readonly (readonly string[])[] = [
  ["windows-1251", "koi8-r", "koi8-u", "cp866", "cp855", "maccyrillic", "iso-8859-5"],
  ["windows-1252", "iso-8859-15", "macintosh", "cp437", "cp850"],
  ["windows-1250", "iso-8859-2"],
  ["windows-1257", "iso-8859-13"],
  ["windows-1253", "iso-8859-7"],
  ["windows-1255", "iso-8859-8"],
  ["shift_jis", "euc-jp"],
];

/** The family a charset belongs to (itself alone when none). */
export function familyOf(charset: string): readonly string[] {
  return charsetFamilies.find((family) => family.includes(charset)) ?? [charset];
}
