/** The checkers themselves: they must catch what would break in Dashboards. */
import { describe, expect, it } from "vitest";
import { indexTemplate } from "../../../infra/opensearch/index-template.ts";
import { parseNdjson, type SavedObject } from "../../../workers/dashboards/saved-object.ts";
import {
  fieldProblems,
  fieldUses,
  mappingFields,
  templateMappings,
} from "../../../workers/dashboards/saved-object-fields.ts";
import { referenceProblems } from "../../../workers/dashboards/saved-object-references.ts";

const fields = mappingFields(templateMappings(indexTemplate("x")));

function vis(id: string, field: string, aggType = "terms", refs = true): SavedObject {
  return {
    id,
    type: "visualization",
    attributes: {
      title: id,
      visState: JSON.stringify({
        title: id,
        type: "table",
        params: {},
        aggs: [{ id: "2", type: aggType, schema: "bucket", params: { field } }],
      }),
      kibanaSavedObjectMeta: {
        searchSourceJSON: JSON.stringify({ filter: [], indexRefName: "ip" }),
      },
    },
    references: refs ? [{ name: "ip", type: "index-pattern", id: "p" }] : [],
  };
}

const pattern: SavedObject = {
  id: "p",
  type: "index-pattern",
  attributes: { title: "x", timeFieldName: "published_at" },
  references: [],
};

describe("mappingFields", () => {
  it("lists fields, sub-fields and nested properties with their types", () => {
    expect(fields.get("title")).toEqual({ type: "text", aggregatable: false });
    expect(fields.get("title.en")).toEqual({ type: "text", aggregatable: false });
    expect(fields.get("body.zh")).toEqual({ type: "text", aggregatable: false });
    expect(fields.get("organizations")).toEqual({ type: "keyword", aggregatable: true });
    expect(fields.get("organizations.text")?.type).toBe("text");
    expect(fields.get("source.publisher")?.aggregatable).toBe(true);
    expect(fields.get("translation.pair_id")?.type).toBe("keyword");
    expect(fields.get("published_at")).toEqual({ type: "date", aggregatable: true });
    expect(fields.get("entities.mentions")?.aggregatable).toBe(false);
    expect(fields.has("nonexistent")).toBe(false);
  });
});

describe("fieldProblems", () => {
  it("reports a missing field, a text field under a terms aggregation, and a non-date histogram", () => {
    const objects = [
      vis("a", "organisations"),
      vis("b", "body"),
      vis("c", "lang", "date_histogram"),
      vis("d", "lang"),
    ];
    const problems = fieldProblems(fieldUses(objects), fields);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/visualization a .*organisations is not in the mapping/);
    expect(problems[1]).toMatch(/visualization b .*body \(text\) cannot be aggregated/);
    expect(problems[2]).toMatch(/visualization c .*lang is keyword, not a date/);
  });

  it("checks a time field and saved-search columns and sort", () => {
    const search: SavedObject = {
      id: "s",
      type: "search",
      attributes: {
        title: "s",
        columns: ["title", "nope"],
        sort: [["title", "asc"]],
        kibanaSavedObjectMeta: { searchSourceJSON: JSON.stringify({ filter: [] }) },
      },
      references: [],
    };
    const badPattern = { ...pattern, attributes: { title: "x", timeFieldName: "lang" } };
    expect(fieldProblems(fieldUses([search, badPattern]), fields)).toEqual([
      "search s (column): field nope is not in the mapping",
      "search s (sort): field title (text) cannot be aggregated or sorted",
      "index-pattern p (timeFieldName): field lang is keyword, not a date",
    ]);
  });
});

describe("referenceProblems", () => {
  it("accepts resolved references and reports dangling ones", () => {
    expect(referenceProblems([pattern, vis("a", "lang")])).toEqual([]);
    expect(referenceProblems([vis("a", "lang")])).toEqual([
      "visualization a: reference ip points to missing index-pattern p",
    ]);
    expect(referenceProblems([pattern, vis("a", "lang", "terms", false)])).toEqual([
      "visualization a: uses reference name ip but declares no such reference",
    ]);
  });

  it("checks dashboard panel references and duplicate ids", () => {
    const dashboard: SavedObject = {
      id: "d",
      type: "dashboard",
      attributes: {
        title: "d",
        panelsJSON: JSON.stringify([
          {
            panelIndex: "1",
            panelRefName: "panel_0",
            gridData: { x: 0, y: 0, w: 1, h: 1, i: "1" },
          },
          {
            panelIndex: "2",
            panelRefName: "panel_1",
            gridData: { x: 0, y: 0, w: 1, h: 1, i: "2" },
          },
        ]),
      },
      references: [
        { name: "panel_0", type: "visualization", id: "a" },
        { name: "panel_2", type: "visualization", id: "zz" },
      ],
    };
    expect(referenceProblems([pattern, vis("a", "lang"), vis("a", "lang"), dashboard])).toEqual([
      "visualization:a is defined twice",
      "dashboard d: reference panel_2 points to missing visualization zz",
      "dashboard d: uses reference name panel_1 but declares no such reference",
      "dashboard d: reference panel_2 is declared but never used",
    ]);
  });
});

describe("parseNdjson", () => {
  it("names the file and line of a bad line", () => {
    expect(() => parseNdjson('{"id":"a"}\n', "f.ndjson")).toThrow(
      /f\.ndjson:1: not a saved object/,
    );
    expect(() => parseNdjson(`${JSON.stringify(pattern)}\n{oops\n`, "f.ndjson")).toThrow(
      /f\.ndjson:2: not JSON/,
    );
    expect(parseNdjson(`${JSON.stringify(pattern)}\n\n`, "f.ndjson")).toHaveLength(1);
  });
});
