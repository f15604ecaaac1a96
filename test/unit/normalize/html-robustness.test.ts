import { describe, expect, it } from "vitest";
import { capNesting, parseHtml, textOf } from "../../../pipelines/normalize/clean/html-dom.ts";
import { extractHtml } from "../../../pipelines/normalize/clean/html-extract.ts";
import { PermanentError } from "../../../shared/errors.ts";

// Generous for a busy shared 2-core machine; the bound is 2 s per page.
const budgetMs = 2000;

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

describe("extractHtml on hostile input", () => {
  it("reads text under 100,000 nested <div>s without overflowing the stack", () => {
    const html = `<html><body>${"<div>".repeat(100_000)}Deep inside, the text survives.${"</div>".repeat(100_000)}</body></html>`;
    const { value, ms } = timed(() => extractHtml(html));
    expect(value.paragraphs).toEqual(["Deep inside, the text survives."]);
    expect(ms).toBeLessThan(budgetMs);
  });

  it("handles 50,000 unclosed nested elements", () => {
    const html = `<html><body>${"<div><span>".repeat(50_000)}Unclosed but readable.</body></html>`;
    const { value, ms } = timed(() => extractHtml(html));
    expect(value.paragraphs.join(" ")).toContain("Unclosed but readable.");
    expect(ms).toBeLessThan(budgetMs);
  });

  it("handles a 5 MB page on a single line", () => {
    const html = `<html><body><nav><a href="/">Home</a></nav><p>${"Rare earth prices rose again, traders said. ".repeat(115_000)}</p></body></html>`;
    expect(html.length).toBeGreaterThan(5_000_000);
    expect(html.includes("\n")).toBe(false);
    const { value, ms } = timed(() => extractHtml(html));
    expect(value.paragraphs).toHaveLength(1);
    expect(value.paragraphs[0]?.startsWith("Rare earth prices rose again")).toBe(true);
    expect(ms).toBeLessThan(budgetMs);
  });

  it("refuses a page that is all script with a PermanentError", () => {
    const html = `<html><head><script>${"var x = 1;".repeat(100_000)}</script></head><body><script>run()</script></body></html>`;
    const start = performance.now();
    expect(() => extractHtml(html)).toThrow(PermanentError);
    expect(performance.now() - start).toBeLessThan(budgetMs);
  });

  it("refuses a page larger than any article with a PermanentError", () => {
    expect(() => extractHtml(`<p>${"x".repeat(9_000_000)}</p>`)).toThrow(PermanentError);
  });

  it("reads malformed markup the way a browser would", () => {
    const html =
      "<html><body><p>Open <b>bold <i>italic</p></b> text<div><p>An unclosed paragraph, with a sentence.<table><tr><td>A cell that holds a sentence of its own.</table></body>";
    const text = extractHtml(html).paragraphs.join("\n");
    expect(text).toContain("An unclosed paragraph, with a sentence.");
    expect(text).toContain("A cell that holds a sentence of its own.");
  });

  it("stays linear on unterminated tags, deep or not", () => {
    for (const html of [
      "<".repeat(1_000_000),
      "<a ".repeat(300_000),
      `${"<div>".repeat(1000)}${"<a ".repeat(300_000)}`,
      `${"<div>".repeat(1000)}<script>${"x<y ".repeat(200_000)}`,
    ]) {
      const start = performance.now();
      try {
        extractHtml(html);
      } catch (error) {
        // A page with no text is refused; any other error is a bug.
        if (!(error instanceof PermanentError)) throw error;
      }
      expect(performance.now() - start).toBeLessThan(budgetMs);
    }
  });

  it("does not throw on empty or text-only input", () => {
    expect(extractHtml("Just a line of text, no markup.").paragraphs).toEqual([
      "Just a line of text, no markup.",
    ]);
    expect(() => extractHtml("")).toThrow(PermanentError);
  });
});

describe("html-dom", () => {
  it("caps nesting in markup but keeps every piece of text", () => {
    const html = `${"<div>".repeat(1000)}a<b>b</b>${"</div>".repeat(1000)}<p>c</p>`;
    const capped = capNesting(html, 50);
    expect((capped.match(/<div>/g) ?? []).length).toBe(50);
    // A dropped tag leaves a space, so words it separated stay apart.
    expect(textOf(parseHtml(capped).dom)).toBe("a b c");
  });

  it("leaves ordinary pages untouched", () => {
    const html = "<html><body><div><p>One.</p></div></body></html>";
    expect(capNesting(html)).toBe(html);
    expect(parseHtml(html).capped).toBe(html);
  });
});
