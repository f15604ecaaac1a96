/**
 * One repaired stretch of text, as `lodestone repair --explain` prints it:
 * what was found, what replaced it, through which code-page path, and the
 * scores that accepted the repair (lower is more plausible: implausibility
 * for the code-page repairs, negative mean log-probability per character
 * under the character model for the GBK and Thai ones).
 */
export interface SpanRepair {
  before: string;
  after: string;
  /** The code-page path, e.g. "utf-8 read as windows-1252". */
  path: string;
  scoreBefore: number;
  scoreAfter: number;
}
