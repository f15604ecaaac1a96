/**
 * UTF-8 bytes decoded with a double-byte code page: GBK ("涓枃" for 中文)
 * or Shift_JIS ("譁�蟄怜喧" for 文字化): runs of characters that re-encode
 * to bytes forming valid UTF-8, lost bytes inferred where the character
 * model knows what fits (utf8-as-double-byte.ts). Accepted when the result
 * spells Japanese (Shift_JIS only; see spellsJapanese) or the character model
 * finds it clearly more probable than the text as found; real Chinese and
 * Japanese fail the UTF-8 structure at once and stay as they are. (The other
 * direction, legacy bytes read as windows-1252, is legacy-cjk.ts's.)
 */
import type { Repair } from "../../../shared/document.ts";
import { type CharModel, charModel, meanLogProb } from "./char-model.ts";
import { scriptCounts } from "./east-asian-scripts.ts";
import type { SpanRepair } from "./span-repair.ts";
import { type DoubleByteCodePage, decodeUtf8AsDoubleByte } from "./utf8-as-double-byte.ts";

// Runs of non-ASCII characters, U+FFFD (a byte the decoder lost) included.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range bounds a run
const nonAsciiRun = /[^\u0000-\u007F]{2,}/g;

/** Tried in this order: GBK first, the code page of most Chinese mojibake. */
const doubleBytePages: DoubleByteCodePage[] = ["gbk", "shift_jis"];

/**
 * The character model has read Chinese and English, not kana: a Shift_JIS
 * repair that spells Japanese (kana and Han only, kana a fifth of the letters
 * at least, a lost character at most in three) is taken on that evidence, as
 * no real text mixes kanji with half-width katakana the way the mojibake does.
 */
function spellsJapanese(repaired: { text: string; lost: number }): boolean {
  const { letters, kana, han } = scriptCounts(repaired.text);
  // A lost character is U+FFFD, a letter of no script here.
  const lost = repaired.text.split("\uFFFD").length - 1;
  return (
    letters >= 4 && kana + han + lost === letters && kana >= 0.2 * letters && lost * 3 <= letters
  );
}

interface Tally {
  /** Characters repaired and lost characters kept, by code page. */
  counts: Map<DoubleByteCodePage, { count: number; lost: number }>;
  explain?: SpanRepair[];
}

/** A repaired run, the code page it went through and the character model's scores. */
interface RunRepair {
  text: string;
  lost: number;
  codePage: DoubleByteCodePage;
  scoreBefore: number;
  scoreAfter: number;
}

/** The run through the first code page whose repair reads as Chinese or (Shift_JIS) Japanese, or null. */
function bestRepair(text: string, run: string, offset: number, model: CharModel): RunRepair | null {
  const before = text.slice(Math.max(0, offset - 2), offset);
  const after = text.slice(offset + run.length, offset + run.length + 2);
  // Scored only once a decode holds: most runs are real text that decodes as nothing.
  let scoreBefore: number | null = null;
  const scored = (codePage: DoubleByteCodePage, repaired: { text: string; lost: number }) => {
    scoreBefore ??= -meanLogProb(model, before, run + after);
    return {
      ...repaired,
      codePage,
      scoreBefore,
      scoreAfter: -meanLogProb(model, before, repaired.text + after),
    };
  };
  for (const codePage of doubleBytePages) {
    if (codePage === "shift_jis") {
      // Japanese first, which the model cannot score: its lost bytes are not
      // guessed (the model would put a Chinese character where a kana was).
      const japanese = decodeUtf8AsDoubleByte(run, before, model, codePage, false);
      if (japanese && spellsJapanese(japanese)) return scored(codePage, japanese);
    }
    const best = decodeUtf8AsDoubleByte(run, before, model, codePage);
    if (!best || best.text === "") continue;
    const chinese = scored(codePage, best);
    // The repair must make the text clearly more probable than it was found.
    if (chinese.scoreAfter < chinese.scoreBefore - 1) return chinese;
  }
  return null;
}

function repairRun(
  text: string,
  run: string,
  offset: number,
  model: CharModel,
  tally: Tally,
): string {
  const best = bestRepair(text, run, offset, model);
  if (!best) return run;
  const held = tally.counts.get(best.codePage) ?? { count: 0, lost: 0 };
  tally.counts.set(best.codePage, {
    count: held.count + [...best.text].length,
    lost: held.lost + best.lost,
  });
  tally.explain?.push({
    before: run,
    after: best.text,
    path: `utf-8 read as ${best.codePage}`,
    scoreBefore: best.scoreBefore,
    scoreAfter: best.scoreAfter,
  });
  return best.text;
}

/** Text → text with UTF-8 read as GBK or Shift_JIS repaired, and its repairs; `explain` collects each repaired run. */
export function repairDoubleByteMojibake(
  text: string,
  explain?: SpanRepair[],
): { text: string; repairs: Repair[] } {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (!/[^\u0000-\u007F]/.test(text)) return { text, repairs: [] };
  const model = charModel();
  const tally: Tally = { counts: new Map(), explain };
  const out = text.replace(nonAsciiRun, (run: string, offset: number) =>
    repairRun(text, run, offset, model, tally),
  );
  if (tally.counts.size === 0) return { text, repairs: [] };
  const repairs: Repair[] = [...tally.counts].map(([codePage, { count, lost }]) => ({
    kind: "mojibake",
    count,
    detail:
      lost > 0
        ? `utf-8 read as ${codePage}, ${lost} lost characters kept as U+FFFD`
        : `utf-8 read as ${codePage}`,
  }));
  return { text: out, repairs };
}
