/**
 * compromise's own lexicon (some 14,000 words with their tags), read as a
 * dictionary: which brands it knows, and which words are grammar rather
 * than names.
 */
import nlp from "compromise";

const lexicon = (
  nlp as unknown as { model: () => { one: { lexicon: Record<string, string | string[]> } } }
).model().one.lexicon;

function tagsOf(word: string): string[] {
  const tag = lexicon[word.toLowerCase()];
  return tag === undefined ? [] : Array.isArray(tag) ? tag : [tag];
}

/** compromise's own lexicon lists brands ("Seagate"); its other organisation guesses are fragments. */
export function isKnownBrand(name: string): boolean {
  return tagsOf(name).includes("Organization");
}

/** Word classes that never start a name: "It", "Through", "Once", "Take", "Reported", "Teams". */
const GRAMMAR_TAGS = new Set([
  "Pronoun",
  "Preposition",
  "Conjunction",
  "Determiner",
  "Adverb",
  "QuestionWord",
  "Modal",
  "Auxiliary",
  "Copula",
  "Negative",
  "Infinitive",
  "PastTense",
  "PresentTense",
  "Gerund",
  "Adjective",
  "Plural",
]);

/** A word the lexicon knows only as grammar (every tag it has is a word class no name takes). */
export function isGrammarWord(word: string): boolean {
  const tags = tagsOf(word);
  return tags.length > 0 && tags.every((tag) => GRAMMAR_TAGS.has(tag));
}
