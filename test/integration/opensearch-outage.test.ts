/**
 * OpenSearch goes away while documents are on their way to it: the index
 * jobs retry with backoff, and once it is back every document is indexed
 * exactly once, with no failure.
 */
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { sleep } from "../../infra/local/run-command.ts";
import { createOpenSearch } from "../../shared/opensearch.ts";
import { readSourcesManifest } from "../../shared/sources-manifest.ts";
import { startTcpCutter, type TcpCutter } from "./tcp-cutter.ts";
import { createTestEnv, documentsIn, type RunningPipeline, startPipeline } from "./test-env.ts";

const manifest = fileURLToPath(new URL("../../seeds/sources.json", import.meta.url));

describe("OpenSearch down for a while", () => {
  let cutter: TcpCutter | undefined;
  let pipeline: RunningPipeline | undefined;
  let cleanup: (() => Promise<void>) | undefined;

  afterAll(async () => {
    cutter?.restore();
    await pipeline?.close();
    await cleanup?.();
    await cutter?.close();
  });

  it("retries the index jobs and loses or doubles nothing once it is back", async () => {
    const direct = createTestEnv("outage").config.OPENSEARCH_URL;
    cutter = await startTcpCutter(direct);
    const t = createTestEnv("outage", {
      OPENSEARCH_URL: cutter.url,
      JOB_ATTEMPTS: "8",
      JOB_BACKOFF_MS: "200",
    });
    cleanup = t.cleanup;
    pipeline = await startPipeline(t);

    cutter.cut();
    const run = pipeline.ingest(await readSourcesManifest(manifest));
    for (let waited = 0; cutter.refused() < 3 && waited < 5_000; waited += 50) await sleep(50);
    await sleep(1000);
    cutter.restore();
    const outcomes = await run;

    expect(outcomes.filter((o) => o.status !== "indexed")).toEqual([]);
    const client = createOpenSearch({ ...t.config, OPENSEARCH_URL: direct });
    const ids = (await documentsIn(client, t.config.INDEX_ALIAS)).map((d) => d._id);
    await client.close();
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });
});
