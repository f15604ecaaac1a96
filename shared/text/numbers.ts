/**
 * Numbers as written in the two languages (shared by the language stage's
 * alignment anchors and the enrich stage's quantities and dates): "50,000", "1.71", "３０００" (after
 * width folding), "一千五百", "一九八三", and mixed forms such as "1.71亿".
 */

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Character class body for regexes: Chinese numerals and their multipliers. */
export const CHINESE_NUMERAL_CHARS = "零〇一二两兩三四五六七八九十百千万萬亿億";

function parseChineseInteger(text: string): number | null {
  if (text.length === 0) return null;
  const allDigits = [...text].every((ch) => ch in CHINESE_DIGITS);
  if (allDigits && text.length > 1) {
    // Positional digits, as in years: "一九八三".
    return Number([...text].map((ch) => CHINESE_DIGITS[ch]).join(""));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const d = CHINESE_DIGITS[ch];
    const small = SMALL_UNITS[ch];
    const big = BIG_UNITS[ch];
    if (d !== undefined) digit = d;
    else if (small !== undefined) {
      section += (digit ?? 1) * small;
      digit = null;
    } else if (big !== undefined) {
      section += digit ?? 0;
      if (section === 0 && total === 0) section = 1;
      total = big === 1e8 ? (total + section) * big : total + section * big;
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

/** Parses a Chinese numeral with an optional decimal part: "三点五" → 3.5. */
export function parseChineseNumber(text: string): number | null {
  const [whole = "", fraction] = text.split("点");
  const integer = parseChineseInteger(whole);
  if (integer === null) return null;
  if (fraction === undefined) return integer;
  const digits = [...fraction].map((ch) => CHINESE_DIGITS[ch]);
  if (digits.some((d) => d === undefined)) return null;
  return Number(`${integer}.${digits.join("")}`);
}

const MULTIPLIER_WORDS: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  mln: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  百: 100,
  千: 1e3,
  万: 1e4,
  萬: 1e4,
  亿: 1e8,
  億: 1e8,
};

/** Value of a multiplier word or a run of Chinese multipliers ("万亿"); 1 when empty. */
export function multiplierOf(word: string | undefined): number {
  if (!word) return 1;
  const lower = word.toLowerCase();
  const direct = MULTIPLIER_WORDS[lower];
  if (direct !== undefined) return direct;
  let product = 1;
  for (const ch of lower) {
    const m = MULTIPLIER_WORDS[ch];
    if (m === undefined) return 1;
    product *= m;
  }
  return product;
}

/**
 * Parses an Arabic-digit number ("50,000", "1.71") or a Chinese numeral.
 * Expects width-folded text.
 */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/.test(trimmed)) {
    return Number(trimmed.replaceAll(",", ""));
  }
  return parseChineseNumber(trimmed);
}

/** Rounds away binary noise: 1.71 * 1e6 is 1710000.0000000002. */
export function tidy(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}
