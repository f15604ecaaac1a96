/**
 * Re-ingestion: an unchanged source stops at fetch (a 304 to a conditional
 * request, or the same content hash), a changed one is re-indexed in place
 * under the same document id.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sourceIdFor } from "../../shared/ids.ts";
import { resolveSources } from "../../workers/runs/enqueue-sources.ts";
import { type HttpFixture, startHttpFixture } from "./http-fixture.ts";
import { createTestEnv, documentsIn, type RunningPipeline, startPipeline } from "./test-env.ts";

const FIRST =
  "China Northern Rare Earth raised its listed prices for praseodymium-neodymium oxide in October.\n\nTraders in Baotou expect firm demand.";
const SECOND =
  "China Northern Rare Earth cut its listed prices for praseodymium-neodymium oxide in November.\n\nTraders in Baotou expect weaker demand.";

describe("conditional re-ingestion", () => {
  const t = createTestEnv("conditional");
  let pipeline: RunningPipeline;
  let http: HttpFixture;
  let version = 1;
  const requests: Array<{ path: string; headers: IncomingHttpHeaders; status: number }> = [];
  const body = () => (version === 1 ? FIRST : SECOND);

  beforeAll(async () => {
    http = await startHttpFixture({
      // Validators: answers 304 when the client already holds this version.
      "/validated.txt": (req, res) => {
        const etag = `"v${version}"`;
        const status = req.headers["if-none-match"] === etag ? 304 : 200;
        requests.push({ path: "/validated.txt", headers: req.headers, status });
        res.writeHead(status, {
          etag,
          "last-modified": new Date(Date.UTC(2026, 9, version)).toUTCString(),
          "content-type": "text/plain; charset=utf-8",
        });
        res.end(status === 304 ? undefined : body());
      },
      // No validators: only the content hash can tell it is unchanged.
      "/plain.txt": (req, res) => {
        requests.push({ path: "/plain.txt", headers: req.headers, status: 200 });
        res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(body());
      },
    });
    pipeline = await startPipeline(t);
  });

  afterAll(async () => {
    await pipeline.close();
    await http.close();
    await t.cleanup();
  });

  const sources = () =>
    ["/validated.txt", "/plain.txt"].map((path) => ({
      id: sourceIdFor(http.url(path)),
      uri: http.url(path),
    }));
  const lastRequest = (path: string) => requests.filter((r) => r.path === path).at(-1);
  const docsById = async () =>
    new Map((await documentsIn(t.opensearch, t.config.INDEX_ALIAS)).map((d) => [d._id, d]));

  it("indexes both sources the first time", async () => {
    const outcomes = await pipeline.ingest(sources());
    expect(outcomes.map((o) => o.status)).toEqual(["indexed", "indexed"]);
    expect(lastRequest("/validated.txt")?.headers["if-none-match"]).toBeUndefined();
    const docs = await docsById();
    expect(docs.size).toBe(2);
    for (const source of sources()) expect(docs.get(source.id)?._version).toBe(1);
  });

  it("stops an unchanged source at fetch: 304 for the validated one, same hash for the other", async () => {
    const outcomes = await pipeline.ingest(sources());
    expect(outcomes.map((o) => o.status)).toEqual(["unchanged", "unchanged"]);
    expect(outcomes.every((o) => o.documents.length === 0)).toBe(true);
    const validated = lastRequest("/validated.txt");
    expect(validated?.headers["if-none-match"]).toBe('"v1"');
    expect(validated?.headers["if-modified-since"]).toBe(
      new Date(Date.UTC(2026, 9, 1)).toUTCString(),
    );
    expect(validated?.status).toBe(304);
    expect(lastRequest("/plain.txt")?.status).toBe(200);
    const docs = await docsById();
    for (const source of sources()) expect(docs.get(source.id)?._version).toBe(1);
  });

  it("re-indexes a changed source in place under the same id", async () => {
    version = 2;
    const outcomes = await pipeline.ingest(sources());
    expect(outcomes.map((o) => o.status)).toEqual(["indexed", "indexed"]);
    expect(lastRequest("/validated.txt")?.headers["if-none-match"]).toBe('"v1"');
    expect(lastRequest("/validated.txt")?.status).toBe(200);
    const docs = await docsById();
    expect(docs.size).toBe(2);
    for (const source of sources()) {
      const doc = docs.get(source.id);
      expect(doc?._version).toBe(2);
      expect(String(doc?._source.body)).toContain("cut its listed prices");
    }
    // And the next run sends the new validators.
    const again = await pipeline.ingest(sources());
    expect(again.map((o) => o.status)).toEqual(["unchanged", "unchanged"]);
    expect(lastRequest("/validated.txt")?.headers["if-none-match"]).toBe('"v2"');
  });

  it("does the same for a file source: unchanged content stops at fetch, changed content is re-indexed", async () => {
    const folder = await mkdtemp(join(tmpdir(), "lodestone-conditional-"));
    try {
      const file = join(folder, "digest.txt");
      await writeFile(file, FIRST);
      const [source] = await resolveSources([file]);
      if (!source) throw new Error("no source resolved");
      const runs = [];
      runs.push(await pipeline.ingest([source]));
      runs.push(await pipeline.ingest([source]));
      await writeFile(file, SECOND);
      runs.push(await pipeline.ingest([source]));
      expect(runs.map((outcomes) => outcomes[0]?.status)).toEqual([
        "indexed",
        "unchanged",
        "indexed",
      ]);
      const doc = (await docsById()).get(source.id);
      expect(doc?._version).toBe(2);
      expect(String(doc?._source.body)).toContain("cut its listed prices");
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
