/**
 * The commonest function words of the Latin-script languages we expect. On a
 * short line trigram statistics are dominated by names ("Baotou Ke Rui Micro
 * Magnetic" looks Indonesian to franc); a line that is really in a language
 * almost always contains one of its articles, prepositions or conjunctions.
 * Lists are deliberately short and avoid words shared across the languages
 * where possible.
 */
const FUNCTION_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  eng: new Set(
    "the of and to in is for on with by from at that this are was were has have its it as be will said an not or".split(
      " ",
    ),
  ),
  fra: new Set(
    "le la les des du et une un est pour dans sur au aux par qui que pas ce cette sont ont avec selon".split(
      " ",
    ),
  ),
  deu: new Set(
    "der die das und ist von mit für den dem des ein eine einer im auf zu sich nicht sind wird werden nach".split(
      " ",
    ),
  ),
  spa: new Set("el los las del y es por con para una que se al su sus como más".split(" ")),
  por: new Set("o os as do da dos das e é em um uma para com que não ao pelo pela".split(" ")),
  ita: new Set("il lo gli della delle dei è di con una che non nel nella sono".split(" ")),
  nld: new Set("de het een en van is op voor met dat niet zijn wordt bij".split(" ")),
};

/** Function-word hits of one language in a text, or null when we keep no list for it. */
export function functionWordHits(text: string, iso6393: string): number | null {
  const words = FUNCTION_WORDS[iso6393];
  if (words === undefined) return null;
  let hits = 0;
  for (const token of text.toLowerCase().split(/[^\p{L}']+/u)) if (words.has(token)) hits += 1;
  return hits;
}
