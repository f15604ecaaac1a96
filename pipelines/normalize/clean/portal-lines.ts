/**
 * Editor and source lines of Chinese portals ("责任编辑：赵小军", "(责任编辑：杨光)",
 * "来源：新华网", "原标题：…") at the start or end of an article: metadata, not
 * article text. Only short lines near the edges are taken, so a sentence that
 * mentions a source in the body stays.
 */

const portalLine =
  /^[(（【[]?\s*(责任编辑|责编|编辑|来源|文章来源|原标题|本文来源)\s*[:：]\s*(.{1,40}?)\s*[)）】\]]?$/;
const fieldOf: Record<string, string> = {
  责任编辑: "editor",
  责编: "editor",
  编辑: "editor",
  来源: "source",
  文章来源: "source",
  本文来源: "source",
  原标题: "original_title",
};
const edge = 3;

/** Whether a line is a portal's editor or source line. */
export function isPortalLine(line: string): boolean {
  const m = portalLine.exec(line);
  return m?.[1] !== undefined && fieldOf[m[1]] !== undefined;
}

/** Takes portal metadata lines off the edges of the paragraphs; gives the rest and the fields found. */
export function takePortalLines(paragraphs: string[]): {
  paragraphs: string[];
  fields: Record<string, string>;
} {
  const fields: Record<string, string> = {};
  const kept = paragraphs.filter((p, i) => {
    if (i >= edge && i < paragraphs.length - edge) return true;
    const m = portalLine.exec(p);
    const name = m?.[1] ? fieldOf[m[1]] : undefined;
    if (!m?.[2] || name === undefined) return true;
    fields[name] ??= m[2].replace(/\s+SN\d+$/, "");
    return false;
  });
  return { paragraphs: kept, fields };
}
