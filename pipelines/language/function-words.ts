/**
 * The commonest function words of the Latin-script languages franc may pick.
 * On a short line trigram statistics are dominated by names ("Baotou Ke Rui
 * Micro Magnetic" looks Indonesian to franc); a line that is really in a
 * language uses its articles, prepositions and conjunctions. Single-letter
 * words are left out: mojibake (UTF-8 read as Latin-1) is full of stray
 * single letters, and with `o`/`e` listed it came out Portuguese.
 */
const LISTS: Readonly<Record<string, string>> = {
  eng: "the of and to in is for on with by from at that this are was were has have its it as be will said an not or",
  fra: "le la les de des du et en une un est il elle ne se plus pour dans sur au aux par qui que pas ce cette sont ont avec selon",
  deu: "der die das und ist von mit für den dem des ein eine einer im auf zu sich nicht sind wird werden nach",
  spa: "el la lo los las de del en es por con para una que se al su sus como más",
  por: "os as de do da dos das em no na um uma para com que não ao pelo pela",
  ita: "il lo la le gli del della delle dei di in con una che non nel nella sono",
  nld: "de het een en van is op voor met dat niet zijn wordt bij",
  swe: "och att det som en är för på med av har till den",
  pol: "się na nie jest że oraz przez od po dla jak ten do",
  ces: "se na je že jsou pro od po jako který které také",
  tur: "ve bir bu için ile da de olarak daha çok olan",
  vie: "của và các là có được trong cho với này những một không đã người",
  ind: "yang dan di ini itu dengan untuk dari dalam tidak akan pada adalah",
};

const FUNCTION_WORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(LISTS).map(([code, words]) => [code, new Set(words.split(" "))]),
);

/** The function words of one language in a text, one entry per occurrence. */
export function functionWords(text: string, iso6393: string): string[] {
  const list = FUNCTION_WORDS.get(iso6393);
  if (list === undefined) return [];
  // Apostrophes separate too, so that French elisions (l'usine, d'aimants) leave their word.
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{M}]+/u)
    .filter((token) => list.has(token));
}

/** Whether `word` is a function word of the language. */
export function isFunctionWord(word: string, iso6393: string): boolean {
  return FUNCTION_WORDS.get(iso6393)?.has(word) ?? false;
}
