/**
 * Boilerplate that is not article text: comment widgets (a comment heading
 * and the prompt lines under it), link residue,
 * disclaimers, copyright footers and contact lines. Widget lines are matched
 * whole, anywhere; disclaimers, copyright and contact lines only in the
 * trailing run of the article, so a sentence that merely mentions a
 * disclaimer or an e-mail address in the body is never removed.
 */

const widgetLine =
  /^(leave a (reply|comment)|cancel reply|comments?|\d+ comments?|no comments( yet)?|share( this( article| post)?)?:?|related (articles|posts|news|stories):?|read more|you must be logged in to post a comment\.?|post navigation|发表评论|评论|分享到?[:：]?)$/i;
// The heading that opens a comment widget; the short lines after it are its prompts.
const commentHeading =
  /^(comments?|\d+ comments?|no comments( yet)?|reader comments|评论|网友评论|发表评论)$/i;
// Prompts of comment widgets ("Be the first to comment", "Join the discussion", "We need your insight…").
const commentPrompt =
  /\b(your (insights?|thoughts|opinion|views?|comments?)|be the first|join the (discussion|conversation)|what do you think|share your|log ?in to (comment|reply)|sign in to (comment|reply))\b|写下你的评论|发表你的看法/i;
const sentenceEnd = /[.!?。！？]["”’]?$/;

function isWidgetPrompt(line: string): boolean {
  return line.length <= 100 && (commentPrompt.test(line) || !sentenceEnd.test(line));
}

const tailLine = [
  /^disclaimer\s*[:：]/i,
  // Not a bare 声明 ("声明指出…" is a sentence), only one followed by a colon.
  /^(免责声明|特别声明)|^声明\s*[:：]/,
  /^(©|\(c\)|copyright\b|版权所有|all rights reserved)/i,
  /^for (queries|inquiries|enquiries|more information)\b.*\b(contact|e-?mail)\b/i,
  /^(please )?(contact|e-?mail)\b.*@/i,
  /^(tags?|filed under|责任编辑)\s*[:：]/i,
];

const linkResidue = /\s*\((opens|open) in (a )?new (tab|window)\)/gi;

export interface BoilerplateResult {
  paragraphs: string[];
  removed: number;
}

/** Takes paragraphs and gives them without boilerplate lines, with the count removed. */
export function removeBoilerplate(input: string[]): BoilerplateResult {
  let removed = 0;
  let inCommentWidget = false;
  const paragraphs: string[] = [];
  for (const p of input) {
    const cleaned = p.replace(linkResidue, () => {
      removed++;
      return "";
    });
    const line = cleaned.trim();
    if (widgetLine.test(line)) {
      removed++;
      inCommentWidget ||= commentHeading.test(line);
      continue;
    }
    // Right after a comment heading, short prompt lines belong to the widget; prose ends it.
    if (inCommentWidget && isWidgetPrompt(line)) {
      removed++;
      continue;
    }
    inCommentWidget = false;
    if (cleaned.trim() !== "") paragraphs.push(cleaned.trim());
  }
  while (paragraphs.length > 1) {
    const last = paragraphs[paragraphs.length - 1] ?? "";
    if (!tailLine.some((re) => re.test(last))) break;
    paragraphs.pop();
    removed++;
  }
  return { paragraphs, removed };
}
