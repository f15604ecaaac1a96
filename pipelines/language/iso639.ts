/**
 * franc speaks ISO 639-3; the document contract speaks BCP-47, whose primary
 * subtag is the ISO 639-1 code where one exists (RFC 5646 §2.2.1) and the
 * 639-3 code otherwise. Macrolanguage members collapse to their macrolanguage
 * (cmn → zh, arb → ar, pes → fa) because that is how the web tags them.
 */
const TO_BCP47: Readonly<Record<string, string>> = {
  cmn: "zh",
  zho: "zh",
  yue: "yue",
  eng: "en",
  sco: "en",
  fra: "fr",
  deu: "de",
  spa: "es",
  por: "pt",
  ita: "it",
  nld: "nl",
  swe: "sv",
  dan: "da",
  nob: "nb",
  fin: "fi",
  pol: "pl",
  ces: "cs",
  slk: "sk",
  hun: "hu",
  ron: "ro",
  tur: "tr",
  vie: "vi",
  ind: "id",
  zlm: "ms",
  tgl: "tl",
  rus: "ru",
  ukr: "uk",
  bel: "be",
  bul: "bg",
  srp: "sr",
  mkd: "mk",
  kaz: "kk",
  khk: "mn",
  arb: "ar",
  pes: "fa",
  urd: "ur",
  hin: "hi",
  mar: "mr",
  npi: "ne",
  tha: "th",
  jpn: "ja",
  kor: "ko",
  ell: "el",
  heb: "he",
  kat: "ka",
  hye: "hy",
  lao: "lo",
  khm: "km",
  mya: "my",
  bod: "bo",
  amh: "am",
};

/** An ISO 639-3 code (franc's) → its BCP-47 primary subtag ("cmn" → "zh"). */
export function toBcp47(iso6393: string): string {
  if (iso6393 === "und") return "und";
  return TO_BCP47[iso6393] ?? iso6393;
}
