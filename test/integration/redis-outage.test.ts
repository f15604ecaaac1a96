/**
 * Redis drops every connection in the middle of a run (as in a restart):
 * workers, queues and the run tracker reconnect, and every document is
 * indexed exactly once.
 */
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { sleep } from "../../infra/local/run-command.ts";
import { readSourcesManifest } from "../../shared/sources-manifest.ts";
import { startTcpCutter, type TcpCutter } from "./tcp-cutter.ts";
import { createTestEnv, documentsIn, type RunningPipeline, startPipeline } from "./test-env.ts";

const manifest = fileURLToPath(new URL("../../seeds/sources.json", import.meta.url));

describe("Redis gone for a while", () => {
  let cutter: TcpCutter | undefined;
  let pipeline: RunningPipeline | undefined;
  let cleanup: (() => Promise<void>) | undefined;

  afterAll(async () => {
    cutter?.restore();
    await pipeline?.close();
    await cleanup?.();
    await cutter?.close();
  });

  it("reconnects and loses or doubles nothing", async () => {
    cutter = await startTcpCutter(createTestEnv("redis-outage").config.REDIS_URL);
    const t = createTestEnv("redis-outage", { REDIS_URL: cutter.url });
    cleanup = t.cleanup;
    pipeline = await startPipeline(t);

    const run = pipeline.ingest(await readSourcesManifest(manifest));
    await sleep(300);
    cutter.cut();
    for (let waited = 0; cutter.refused() < 3 && waited < 5_000; waited += 50) await sleep(50);
    await sleep(1000);
    cutter.restore();
    const outcomes = await run;

    expect(outcomes.filter((o) => o.status !== "indexed")).toEqual([]);
    const ids = (await documentsIn(t.opensearch, t.config.INDEX_ALIAS)).map((d) => d._id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });
});
