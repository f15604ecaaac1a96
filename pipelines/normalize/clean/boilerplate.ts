/**
 * Boilerplate that is not article text: comment widgets, link residue,
 * disclaimers, copyright footers and contact lines. Widget lines are matched
 * whole, anywhere; disclaimers, copyright and contact lines only in the
 * trailing run of the article, so a sentence that merely mentions a
 * disclaimer or an e-mail address in the body is never removed.
 */

const widgetLine =
  /^(leave a (reply|comment)|cancel reply|comments?|\d+ comments?|no comments( yet)?|we need your insight to fill this gap|share( this( article| post)?)?:?|related (articles|posts|news|stories):?|read more|you must be logged in to post a comment\.?|post navigation|发表评论|评论|分享到?[:：]?)$/i;

const tailLine = [
  /^disclaimer\s*[:：]/i,
  /^免责声明/,
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

export function removeBoilerplate(input: string[]): BoilerplateResult {
  let removed = 0;
  const paragraphs: string[] = [];
  for (const p of input) {
    const cleaned = p.replace(linkResidue, () => {
      removed++;
      return "";
    });
    if (widgetLine.test(cleaned.trim())) {
      removed++;
      continue;
    }
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
