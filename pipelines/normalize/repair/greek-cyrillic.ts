/**
 * Greek and Cyrillic, the scripts of the code pages whose images of UTF-8
 * lead bytes are letters of real words (windows-1251, windows-1253, KOI8,
 * ISO-8859-5/7): several repair rules turn on whether a character is one.
 */
export function isGreekOrCyrillic(code: number): boolean {
  return code >= 0x370 && code < 0x530;
}
