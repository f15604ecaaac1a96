/**
 * The shipped saved objects (infra/dashboards/*.ndjson): every line parses,
 * every reference resolves, and every field they use exists in the index
 * template's mapping with a type that allows the use.
 */
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { indexTemplate } from "../../../infra/opensearch/index-template.ts";
import { checkSavedObjects } from "../../../workers/dashboards/check-saved-objects.ts";
import {
  readSavedObjectFiles,
  type SavedObject,
  type SavedObjectFile,
} from "../../../workers/dashboards/saved-object.ts";
import {
  fieldProblems,
  fieldUses,
  mappingFields,
  templateMappings,
} from "../../../workers/dashboards/saved-object-fields.ts";
import { referenceProblems } from "../../../workers/dashboards/saved-object-references.ts";
import {
  panelsOf,
  searchSourceOf,
  stringAttribute,
  visStateOf,
} from "../../../workers/dashboards/saved-object-views.ts";

const dir = fileURLToPath(new URL("../../../infra/dashboards", import.meta.url));
const ALIAS = "lodestone-documents";

describe("infra/dashboards saved objects", () => {
  let files: SavedObjectFile[];
  let objects: SavedObject[];
  const byId = (id: string) => objects.find((o) => o.id === id);

  beforeAll(async () => {
    files = await readSavedObjectFiles(dir);
    objects = files.flatMap((f) => f.objects);
  });

  it("has one saved object per non-empty line, in files ordered so that referenced objects come first", () => {
    for (const file of files) {
      const lines = file.content.split("\n").filter((l) => l.trim() !== "");
      expect(file.objects).toHaveLength(lines.length);
    }
    const position = new Map(objects.map((o, i) => [`${o.type}:${o.id}`, i]));
    for (const [i, object] of objects.entries()) {
      for (const ref of object.references) {
        // Dashboards validates index-pattern and search references at import time.
        if (ref.type === "index-pattern" || ref.type === "search") {
          expect(position.get(`${ref.type}:${ref.id}`), `${object.id} → ${ref.id}`).toBeLessThan(i);
        }
      }
    }
  });

  it("holds the index pattern, the four saved searches, eight visualizations and the dashboard", () => {
    const pattern = byId("lodestone-index-pattern");
    expect(pattern?.type).toBe("index-pattern");
    expect(pattern && stringAttribute(pattern, "title")).toBe(ALIAS);
    expect(pattern && stringAttribute(pattern, "timeFieldName")).toBe("published_at");
    const titles = (type: string) =>
      objects.filter((o) => o.type === type).map((o) => o.attributes.title);
    expect(titles("search").sort()).toEqual([
      "All documents",
      "Bilingual pairs",
      "Documents without a date",
      "Repaired documents",
    ]);
    expect(titles("visualization")).toHaveLength(8);
    const dashboard = byId("lodestone-dashboard");
    expect(dashboard?.type).toBe("dashboard");
    const panelTargets = dashboard?.references.map((r) => r.id) ?? [];
    for (const vis of objects.filter((o) => o.type === "visualization")) {
      expect(panelTargets).toContain(vis.id);
    }
    expect(dashboard && panelsOf(dashboard)).toHaveLength(dashboard?.references.length ?? -1);
  });

  it("resolves every reference and every reference name", () => {
    expect(referenceProblems(objects)).toEqual([]);
  });

  it("uses only fields of the template mapping, aggregatable where aggregated", () => {
    const fields = mappingFields(templateMappings(indexTemplate(ALIAS)));
    const uses = fieldUses(objects);
    // The checks must have something to check: every visualization aggregates one field.
    expect(uses.filter((u) => u.need !== "exists").length).toBeGreaterThanOrEqual(9);
    expect(fieldProblems(uses, fields)).toEqual([]);
    expect(checkSavedObjects(files, ALIAS)).toEqual([]);
  });

  it("aggregates the fields the issue asks for", () => {
    const aggregated = (id: string) => {
      const object = byId(id);
      return object ? visStateOf(object).aggs.map((a) => [a.type, a.params.field ?? null]) : [];
    };
    expect(aggregated("lodestone-vis-by-language")).toContainEqual(["terms", "lang"]);
    expect(aggregated("lodestone-vis-by-publisher")).toContainEqual(["terms", "source.publisher"]);
    expect(aggregated("lodestone-vis-over-time")).toContainEqual([
      "date_histogram",
      "published_at",
    ]);
    expect(aggregated("lodestone-vis-top-organizations")).toContainEqual([
      "terms",
      "organizations",
    ]);
    expect(aggregated("lodestone-vis-top-persons")).toContainEqual(["terms", "persons"]);
    expect(aggregated("lodestone-vis-top-locations")).toContainEqual(["terms", "locations"]);
    expect(aggregated("lodestone-vis-top-materials")).toContainEqual(["terms", "materials"]);
    expect(aggregated("lodestone-vis-repairs-by-kind")).toContainEqual(["terms", "repair_kinds"]);
    for (const vis of objects.filter((o) => o.type === "visualization")) {
      expect(visStateOf(vis).title).toBe(vis.attributes.title);
    }
  });

  it("filters the saved searches on the fields that define them", () => {
    const filters = (id: string) => {
      const object = byId(id);
      return object
        ? searchSourceOf(object).filter.map((f) => [f.exists?.field, f.meta.negate ?? false])
        : undefined;
    };
    expect(filters("lodestone-search-all")).toEqual([]);
    expect(filters("lodestone-search-bilingual-pairs")).toEqual([["translation.pair_id", false]]);
    expect(filters("lodestone-search-repaired")).toEqual([["repair_kinds", false]]);
    expect(filters("lodestone-search-undated")).toEqual([["published_at", true]]);
  });
});
