/**
 * Editor and source lines of Chinese portals ("责任编辑：赵小军", "(责任编辑：杨光)",
 * "来源：新华网", "本文来源：上海证券报 责任编辑：王晓_NF5619", "原标题：…") at the
 * start or end of an article: metadata, not article text. Only short lines
 * near the edges are taken, and only lines made of such fields alone, so a
 * sentence that mentions a source in the body stays.
 */

const labels = "责任编辑|责编|编辑|来源|文章来源|本文来源|原标题";
// One line of one or more "label：value" fields, optionally in brackets.
const portalLine = new RegExp(
  `^[(（【[]?\\s*(?:(?:${labels})\\s*[:：]\\s*[^:：]{1,40}?\\s*)+[)）】\\]]?$`,
);
const field = new RegExp(
  `(${labels})\\s*[:：]\\s*(.+?)\\s*(?=(?:${labels})\\s*[:：]|[)）】\\]]?$)`,
  "g",
);
const fieldOf: Record<string, string> = {
  责任编辑: "editor",
  责编: "editor",
  编辑: "editor",
  来源: "source",
  文章来源: "source",
  本文来源: "source",
  原标题: "original_title",
};
// Portals append a staff code to the editor's name: "王晓_NF5619", "赵小军 SN225".
const staffCode = /[_\s]+[A-Z]{1,4}\d{2,6}$/;
const maxLength = 80;
const edge = 3;

/** Whether a line is a portal's editor or source line. */
export function isPortalLine(line: string): boolean {
  return line.length <= maxLength && portalLine.test(line);
}

/** Takes portal metadata lines off the edges of the paragraphs; gives the rest and the fields found. */
export function takePortalLines(paragraphs: string[]): {
  paragraphs: string[];
  fields: Record<string, string>;
} {
  const fields: Record<string, string> = {};
  const kept = paragraphs.filter((p, i) => {
    if (i >= edge && i < paragraphs.length - edge) return true;
    if (!isPortalLine(p)) return true;
    for (const m of p.matchAll(field)) {
      const name = m[1] === undefined ? undefined : fieldOf[m[1]];
      const value = m[2]?.replace(staffCode, "").trim();
      if (name !== undefined && value) fields[name] ??= value;
    }
    return false;
  });
  return { paragraphs: kept, fields };
}
