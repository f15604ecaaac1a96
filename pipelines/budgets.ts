/**
 * What a CPU-bound stage accepts before it starts: its input's size in
 * characters, HTML elements and entity mentions. A document over a budget
 * fails for good at once, with the budget's name, instead of holding a
 * thread; the time limit (enforced by the runtime's thread pool) catches
 * what a size cannot foresee.
 */
import type { Config } from "../shared/config.ts";
import { BudgetExceededError } from "../shared/errors.ts";

export interface StageBudgets {
  /** Characters of text a stage takes (STAGE_MAX_CHARS). */
  maxChars: number;
  /** HTML elements (start tags) a page may have (STAGE_MAX_ELEMENTS). */
  maxElements: number;
  /** Entity mentions recognised in one text (STAGE_MAX_MENTIONS). */
  maxMentions: number;
  /** Characters of a document's body after cleaning (MAX_DOCUMENT_CHARS). */
  maxDocumentChars: number;
}

/** The defaults of shared/config.ts: far above any news article (100 KB is long), far below a stall. */
export const DEFAULT_STAGE_BUDGETS: StageBudgets = {
  maxChars: 500_000,
  maxElements: 50_000,
  maxMentions: 50_000,
  maxDocumentChars: 500_000,
};

/** Throws a BudgetExceededError naming the stage, the count, the limit and its setting. */
export function checkBudget(
  stage: string,
  what: string,
  count: number,
  limit: number,
  setting: string,
): void {
  if (count <= limit) return;
  throw new BudgetExceededError(
    `${stage}: ${count} ${what}, over the budget of ${limit} (${setting})`,
  );
}

/** Start tags in an HTML text, counted without parsing it (one linear scan). */
export function countElements(html: string): number {
  let count = 0;
  for (const _ of html.matchAll(/<[A-Za-z]/g)) count += 1;
  return count;
}

/** The budgets the configuration sets. */
export function stageBudgetsOf(
  config: Pick<
    Config,
    "STAGE_MAX_CHARS" | "STAGE_MAX_ELEMENTS" | "STAGE_MAX_MENTIONS" | "MAX_DOCUMENT_CHARS"
  >,
): StageBudgets {
  return {
    maxChars: config.STAGE_MAX_CHARS,
    maxElements: config.STAGE_MAX_ELEMENTS,
    maxMentions: config.STAGE_MAX_MENTIONS,
    maxDocumentChars: config.MAX_DOCUMENT_CHARS,
  };
}
