/** The whole pipeline in one process on the seeds: what `lodestone process` prints. */
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createFetchStage } from "../../../pipelines/fetch/fetch-source.ts";
import { runInProcess } from "../../../pipelines/run-in-process.ts";
import { lodestoneDocumentSchema } from "../../../shared/document.ts";
import { readSourcesManifest } from "../../../shared/sources-manifest.ts";

const manifest = fileURLToPath(new URL("../../../seeds/sources.json", import.meta.url));
const options = {
  timeoutMs: 5000,
  maxBytes: 1_000_000,
  now: () => new Date("2026-01-01T00:00:00Z"),
};
const ctx = { log: pino({ level: "silent" }) };

describe("the pipeline in process", async () => {
  const sources = await readSourcesManifest(manifest);
  const byId = new Map(sources.map((s) => [s.id, s]));
  const seed = (id: string) => {
    const source = byId.get(id);
    if (!source) throw new Error(`no seed ${id}`);
    return source;
  };

  it("turns the bilingual seed into two linked documents, en and zh, with stable ids", async () => {
    const first = await runInProcess(seed("seed-004-peoples-daily-1989"), options, ctx);
    const again = await runInProcess(seed("seed-004-peoples-daily-1989"), options, ctx);
    expect(first.map((d) => [d.id, d.lang])).toEqual([
      ["seed-004-peoples-daily-1989-en", "en"],
      ["seed-004-peoples-daily-1989-zh", "zh"],
    ]);
    expect(again).toEqual(first);
    const [en, zh] = first;
    expect(en?.translation?.counterpart_id).toBe(zh?.id);
    expect(zh?.translation?.counterpart_id).toBe(en?.id);
    expect(en?.translation?.pair_id).toBe("seed-004-peoples-daily-1989");
    expect(en?.source.publisher).toBe("People's Daily");
    expect(zh?.body).toMatch(/钕铁硼/);
    expect(en?.body).not.toMatch(/[\u4e00-\u9fff]{4}/);
  });

  it("produces contract documents for every seed, with entities and offsets that point at their text", async () => {
    for (const source of sources) {
      const docs = await runInProcess(source, options, ctx);
      expect(docs.length).toBeGreaterThan(0);
      for (const doc of docs) {
        expect(() => lodestoneDocumentSchema.parse(doc)).not.toThrow();
        expect(doc.body.length).toBeGreaterThan(300);
        expect(doc.body).toBe(doc.body.normalize("NFC"));
        expect(doc.entities.length).toBeGreaterThan(3);
        for (const entity of doc.entities) {
          for (const m of entity.mentions) expect(doc.body.slice(m.start, m.end)).toBe(m.text);
        }
      }
    }
  });

  it("stops at fetch when the content hash is the one the last complete run saw", async () => {
    const fetch = createFetchStage(options);
    const source = seed("seed-000-ttm-gong-bin");
    const [fetched] = await fetch({ source }, ctx);
    expect(fetched?.content_hash).toMatch(/^[0-9a-f]{64}$/);
    const again = await fetch({ source, previous: { content_hash: fetched?.content_hash } }, ctx);
    expect(again).toEqual([]);
  });
});
