import { describe, expect, it } from "vitest";
import { unescapeHtmlEntities } from "../../../pipelines/normalize/clean/html-entities.ts";
import { normalize } from "../../../pipelines/normalize/normalize.ts";
import { repairText } from "../../../pipelines/normalize/repair/repair-text.ts";
import type { FetchedDocument } from "../../../shared/document.ts";

describe("HTML character references in text", () => {
  it("decodes named and numeric references, and counts them", () => {
    const out = unescapeHtmlEntities(
      "Lynas &amp; MP Materials: caf&eacute; &#8220;Nd&#8221; &#x2019;",
    );
    expect(out.text).toBe("Lynas & MP Materials: café “Nd” ’");
    expect(out.repairs).toEqual([
      { kind: "html-entities", count: 5, detail: "character references decoded" },
    ]);
  });

  it("reads only complete references with their semicolon", () => {
    const text = "AT&T and &copy2024, R&D; &bogus; & more";
    expect(unescapeHtmlEntities(text)).toEqual({ text, repairs: [] });
  });

  it("leaves text with a '<' alone: it may be markup or code shown as text", () => {
    const text = "Use <b>&amp;</b> for an ampersand";
    expect(unescapeHtmlEntities(text)).toEqual({ text, repairs: [] });
  });

  it("keeps a reference to a control character, a line break or nothing a browser shows", () => {
    const text = "a&#10;b &#0; &#xD800;";
    expect(unescapeHtmlEntities(text)).toEqual({ text, repairs: [] });
    // A C1 reference is read as a browser reads it: as windows-1252.
    expect(unescapeHtmlEntities("wait&#x85; &#150; done").text).toBe("wait… – done");
  });

  it("decodes before the mojibake repair, which then reads what they stood for", () => {
    const out = repairText("The caf&Atilde;&copy; sold &amp; bought");
    expect(out.text).toBe("The café sold & bought");
    expect(out.repairs.map((r) => r.kind)).toEqual(["html-entities", "mojibake"]);
  });

  it("decodes a plain-text document's title and body in the normalize stage", () => {
    const doc: FetchedDocument = {
      id: "entities-1",
      source: { id: "entities-1", uri: "file:///entities.txt" },
      media_type: "text/plain",
      text: "Title: Rare Earths &amp; Magnets\n\nPrices of NdPr &mdash; the magnet metal &mdash; rose.",
      repairs: [],
      encoding: { detected: "utf-8" },
      content_hash: "0".repeat(64),
      fetched_at: "2026-12-01T00:00:00Z",
    };
    const out = normalize(doc);
    expect(`${out.title} | ${out.body}`).toBe(
      "Rare Earths & Magnets | Prices of NdPr — the magnet metal — rose.",
    );
    expect(out.repairs).toContainEqual({
      kind: "html-entities",
      count: 3,
      detail: "character references decoded",
    });
  });
});
