/**
 * The source registry's record of last runs, on a real Redis: the workers
 * write it after every fetch and index job, for registered sources only.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createRedis } from "../../shared/redis.ts";
import { SourceRegistry } from "../../workers/sources/source-registry.ts";
import { createTestEnv } from "./test-env.ts";

describe("source registry: last runs", () => {
  const t = createTestEnv("registry");
  const redis = createRedis(t.config, false);
  const registry = new SourceRegistry(
    redis,
    t.config.QUEUE_PREFIX,
    () => new Date("2026-01-02T03:04:05Z"),
  );

  afterAll(async () => {
    redis.disconnect();
    await t.cleanup();
  });

  it("keeps the last run of a registered source, replacing the one before whole", async () => {
    await registry.register({ source: { id: "kept", uri: "/tmp/kept.txt" } });
    await registry.recordRun("kept", {
      status: "failed",
      run_id: "r1",
      stage: "fetch",
      error: "gone",
    });
    await registry.recordRun("kept", { status: "indexed", run_id: "r2" });
    expect((await registry.get("kept"))?.last_run).toEqual({
      status: "indexed",
      run_id: "r2",
      at: "2026-01-02T03:04:05.000Z",
    });
  });

  it("records nothing for a source that is not registered, or no longer is", async () => {
    await registry.recordRun("never-registered", { status: "indexed", run_id: "r1" });
    await registry.register({ source: { id: "removed", uri: "/tmp/removed.txt" } });
    await registry.remove("removed");
    await registry.recordRun("removed", { status: "indexed", run_id: "r2" });
    const runKeys = await redis.keys(`${t.config.QUEUE_PREFIX}:source-run:*`);
    expect(runKeys.filter((key) => !key.endsWith(":kept"))).toEqual([]);
    expect(await registry.get("removed")).toBeUndefined();
  });
});
