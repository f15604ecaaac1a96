/**
 * Recognises romanised Chinese (Hanyu Pinyin without tones), which is how the
 * names of Chinese people and companies reach English text: "Bingyi",
 * "Jinmeng", "Hefeng".
 */

const INITIALS = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?";
const FINALS =
  "(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|an|ei|en|er|ia|ie|in|iu|ou|ua|ue|ui|un|uo|ve|a|e|i|o|u|v)";
const SYLLABLE = `${INITIALS}${FINALS}`;
const GIVEN_NAME = new RegExp(`^(?:${SYLLABLE}){1,2}$`);
const PINYIN_WORD = new RegExp(`^(?:${SYLLABLE}){2,4}$`);

/** "Bingyi", "Xiping", "Bin": one or two syllables, written as one capitalised word. */
export function isPinyinGivenName(word: string): boolean {
  if (!/^[A-Z][a-z]+$/.test(word)) return false;
  return GIVEN_NAME.test(word.toLowerCase());
}

/** A capitalised word of two or more pinyin syllables ("Jinmeng", "Baotou"): likely a name. */
export function isPinyinWord(word: string): boolean {
  if (!/^[A-Z][a-z]+$/.test(word)) return false;
  return PINYIN_WORD.test(word.toLowerCase());
}
