/**
 * UTF-8 decoded as ISO-8859-11 (or Windows-874) with the bytes 0x80–0x9F lost
 * — seed 003: "Group’s" → "Groupโs", "m³" → "mยณ". The lost bytes are
 * inferred by looking up every character of the model's vocabulary with the
 * damaged form found (thai-scan.ts) and choosing in context with the
 * character model or, for Chinese, a word lattice (thai-decide.ts).
 *
 * Evidence before repair: a run of Thai characters is repaired only if it
 * parses as damaged UTF-8 with a candidate for every character, and only in
 * a document where most Thai characters do and there are a few of them. Real
 * Thai fails the parse almost at once (vowels after consonants are orphan
 * "continuations"; common letters such as ม are bytes no UTF-8 sequence
 * starts with); runs that fail in a damaged document are flagged.
 */
import type { Repair } from "../../../shared/document.ts";
import { charModel, meanLogProb } from "./char-model.ts";
import type { SpanRepair } from "./span-repair.ts";
import { decideTokens } from "./thai-decide.ts";
import { candidateIndex, scanThaiRuns, type ThaiRun, type ThaiToken } from "./thai-scan.ts";

/** Share of a document's Thai characters that must be repairable mojibake. */
const documentEvidence = 0.75;
/** Fewer damaged characters than this are no evidence at all. */
const minTokens = 3;

function rebuild(text: string, tokens: ThaiToken[], picks: string[]): string {
  let out = "";
  let pos = 0;
  tokens.forEach((tok, k) => {
    out += text.slice(pos, tok.start) + (picks[k] ?? text.slice(tok.start, tok.end));
    pos = tok.end;
  });
  return out + text.slice(pos);
}

const asciiAlnum = /[A-Za-z0-9]/;

/**
 * Share of tokens that touch an ASCII letter or digit ("Groupโs", "โstudy",
 * "mยณ") or sit in a long damaged run (Chinese through the same damage).
 * Thai words in an English text stand between spaces and are short.
 */
function attachedShare(text: string, runs: ThaiRun[]): number {
  let attached = 0;
  let total = 0;
  for (const run of runs) {
    total += run.tokens.length;
    if (run.tokens.length >= 6) {
      attached += run.tokens.length;
      continue;
    }
    const touches =
      asciiAlnum.test(text.charAt(run.start - 1)) || asciiAlnum.test(text.charAt(run.end));
    if (touches) attached += run.tokens.length;
  }
  return total === 0 ? 0 : attached / total;
}

/** Text → text with lossy Thai-code-page mojibake repaired, and its repairs; `explain` collects each repaired run. */
export function repairThaiMojibake(
  text: string,
  explain?: SpanRepair[],
): { text: string; repairs: Repair[] } {
  if (!/[\u0E01-\u0E5B]/.test(text)) return { text, repairs: [] };
  const model = charModel();
  const runs = scanThaiRuns(text, candidateIndex(model));
  const thaiChars = runs.reduce((n, r) => n + r.thaiChars, 0);
  const parseable = runs.filter((r) => r.parseable);
  const parsedChars = parseable.reduce((n, r) => n + r.thaiChars, 0);
  const tokens = parseable.flatMap((r) => r.tokens);
  // A lone damaged-looking word or two could be real Thai ("โลก" parses as
  // "‘š"); it takes a few damaged characters to be sure, most of them where
  // Thai words never stand.
  if (
    parsedChars < documentEvidence * thaiChars ||
    tokens.length < minTokens ||
    attachedShare(text, parseable) < 0.5
  ) {
    return { text, repairs: [] };
  }

  const picks = decideTokens(text, model, tokens);
  const lossy = tokens.filter((t) => t.candidates.length > 1).length;
  // Windows-874 keeps nine C1 bytes as punctuation; seeing one names the code page.
  const via = tokens.some((t) => /[€…‘’“”•–—]/.test(text.slice(t.start + 1, t.end)))
    ? "windows-874"
    : "iso-8859-11";
  const repairs: Repair[] = [
    {
      kind: "mojibake",
      count: tokens.length,
      detail: `utf-8 read as ${via}, C1 bytes dropped; ${lossy} characters inferred from context`,
    },
  ];
  if (parsedChars < thaiChars) {
    repairs.push({
      kind: "mojibake-unrecoverable",
      count: thaiChars - parsedChars,
      detail: `${via} damage left as found`,
    });
  }
  if (explain) {
    const at = new Map(tokens.map((t, k) => [t.start, picks[k] ?? ""]));
    for (const run of parseable) {
      const inRun = run.tokens;
      const after = rebuild(
        text.slice(run.start, run.end),
        inRun.map((t) => ({ ...t, start: t.start - run.start, end: t.end - run.start })),
        inRun.map((t) => at.get(t.start) ?? ""),
      );
      const span = text.slice(run.start, run.end);
      explain.push({
        before: span,
        after,
        path:
          via === "windows-874"
            ? "utf-8 read as windows-874, C1 bytes dropped"
            : "utf-8 read as iso-8859-11, C1 bytes dropped",
        scoreBefore: -meanLogProb(model, text.slice(Math.max(0, run.start - 2), run.start), span),
        scoreAfter: -meanLogProb(model, text.slice(Math.max(0, run.start - 2), run.start), after),
      });
    }
  }
  return { text: rebuild(text, tokens, picks), repairs };
}
