/**
 * What the outage tests share: a TCP cutter in front of one server, a
 * pipeline that talks through it, the seeds to ingest, and the check that
 * every seed document was indexed exactly once.
 */
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { sleep } from "../../infra/local/run-command.ts";
import { createOpenSearch } from "../../shared/opensearch.ts";
import { readSourcesManifest } from "../../shared/sources-manifest.ts";
import type { SourceOutcome } from "../../workers/runs/run-tracker.ts";
import { startTcpCutter, type TcpCutter } from "./tcp-cutter.ts";
import {
  createTestEnv,
  documentsIn,
  type RunningPipeline,
  startPipeline,
  type TestEnv,
} from "./test-env.ts";

const manifest = fileURLToPath(new URL("../../seeds/sources.json", import.meta.url));

export class OutageFixture {
  cutter: TcpCutter | undefined;
  pipeline: RunningPipeline | undefined;
  env: TestEnv | undefined;
  /** The server's own address, behind the cutter. */
  private direct: { server: "REDIS_URL" | "OPENSEARCH_URL"; url: string } | undefined;

  /** Starts a pipeline whose `server` connection runs through a cutter. */
  async start(
    name: string,
    server: "REDIS_URL" | "OPENSEARCH_URL",
    overrides: Record<string, string> = {},
  ): Promise<{ cutter: TcpCutter; env: TestEnv; pipeline: RunningPipeline }> {
    const url = createTestEnv(name).config[server];
    this.direct = { server, url };
    const cutter = await startTcpCutter(url);
    this.cutter = cutter;
    const env = createTestEnv(name, { [server]: cutter.url, ...overrides });
    this.env = env;
    const pipeline = await startPipeline(env);
    this.pipeline = pipeline;
    return { cutter, env, pipeline };
  }

  /** Ingests the seeds; the promise settles when every source is done. */
  async ingestSeeds(): Promise<SourceOutcome[]> {
    if (!this.pipeline) throw new Error("start the fixture first");
    return this.pipeline.ingest(await readSourcesManifest(manifest));
  }

  /** Cuts the connection until three connections were refused, a second more, then restores it. */
  async cutForAWhile(): Promise<void> {
    const cutter = this.cutter;
    if (!cutter) throw new Error("start the fixture first");
    cutter.cut();
    for (let waited = 0; cutter.refused() < 3 && waited < 5_000; waited += 50) await sleep(50);
    await sleep(1000);
    cutter.restore();
  }

  /** Every source indexed and the six seed documents in the index once each. */
  static expectSeedsOnce(outcomes: SourceOutcome[], ids: string[]): void {
    expect(outcomes.filter((o) => o.status !== "indexed")).toEqual([]);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  }

  /** The ids in the index, read directly (never through the cutter). */
  async indexedIds(): Promise<string[]> {
    const env = this.env;
    if (!env) throw new Error("start the fixture first");
    if (this.direct?.server !== "OPENSEARCH_URL")
      return (await documentsIn(env.opensearch, env.config.INDEX_ALIAS)).map((d) => d._id);
    const client = createOpenSearch({ ...env.config, OPENSEARCH_URL: this.direct.url });
    try {
      return (await documentsIn(client, env.config.INDEX_ALIAS)).map((d) => d._id);
    } finally {
      await client.close();
    }
  }

  async close(): Promise<void> {
    this.cutter?.restore();
    await this.pipeline?.close();
    await this.env?.cleanup();
    await this.cutter?.close();
  }
}
