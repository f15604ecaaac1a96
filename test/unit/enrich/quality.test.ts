import { describe, expect, it } from "vitest";
import { findEntities } from "../../../pipelines/enrich/find-entities.ts";
import { emptyReport, loadGold, ratios, scoreDocument } from "../../bench/entity-score.ts";

describe("quality on the hand-labelled gold file", () => {
  const report = emptyReport();
  for (const { doc, text } of loadGold()) {
    scoreDocument(doc, findEntities(text, doc.lang, { referenceDate: doc.published_at }), report);
  }

  it.each(["entity", "mention"] as const)(
    "meets recall ≥ 0.95 and precision ≥ 0.9 (%s level)",
    (level) => {
      const overall = report[level].get("overall");
      expect(overall).toBeDefined();
      const { precision, recall } = ratios(overall ?? { tp: 0, fp: 0, fn: 1 });
      expect(recall, report.errors.join("\n")).toBeGreaterThanOrEqual(0.95);
      expect(precision, report.errors.join("\n")).toBeGreaterThanOrEqual(0.9);
    },
  );
});
