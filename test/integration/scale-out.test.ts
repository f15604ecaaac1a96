/**
 * Scaling out on the engines already running: stages placed in different
 * processes (`lodestone workers --stages`) still carry every document to the
 * index, and a hash-tagged queue prefix puts every key the pipeline writes in
 * one Redis Cluster slot, as BullMQ's multi-key scripts require there.
 */
import calculateSlot from "cluster-key-slot";
import { afterAll, describe, expect, it } from "vitest";
import { createRedis } from "../../shared/redis.ts";
import { readSourcesManifest } from "../../shared/sources-manifest.ts";
import { ensureIndex } from "../../workers/indexing/ensure-index.ts";
import { ingestAndWait } from "../../workers/runs/ingest-run.ts";
import { closeQueueSet, createQueueSet } from "../../workers/runtime/queue-set.ts";
import { startWorkerHost, type WorkerHost } from "../../workers/runtime/worker-host.ts";
import { createTestEnv, documentsIn } from "./test-env.ts";

const manifest = new URL("../../seeds/sources.json", import.meta.url).pathname;

describe("scale-out", () => {
  const tag = `test-cluster-${process.pid}`;
  const t = createTestEnv("scale-out", { QUEUE_PREFIX: `{${tag}}` });
  const hosts: WorkerHost[] = [];
  const connection = createRedis(t.config);
  const queues = createQueueSet(t.config, connection);

  afterAll(async () => {
    await Promise.all(hosts.map((host) => host.close()));
    await closeQueueSet(queues);
    connection.disconnect();
    await t.cleanup();
  });

  it("indexes every seed with the stages split over two hosts, and keeps every key in one slot", async () => {
    hosts.push(
      await startWorkerHost(t.config, t.log, { stages: ["fetch", "normalize", "language"] }),
      await startWorkerHost(t.config, t.log, { stages: ["enrich", "index"] }),
    );
    expect(hosts.map((host) => host.workers.map((w) => w.name))).toEqual([
      ["fetch", "normalize", "language"],
      ["enrich", "index"],
    ]);
    const outcomes = await ingestAndWait(
      t.config,
      queues,
      await readSourcesManifest(manifest),
      t.log,
    );
    expect(outcomes.map((o) => o.status)).toEqual(Array(5).fill("indexed"));
    const ids = (await documentsIn(t.opensearch, t.config.INDEX_ALIAS)).map((d) => d._id);
    expect(new Set(ids).size).toBe(6);

    const keys = await connection.keys(`*${tag}*`);
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((key) => !key.startsWith(`{${tag}}:`))).toEqual([]);
    expect(new Set(keys.map((key) => calculateSlot(key))).size).toBe(1);
  });

  it("applies replicas and the refresh interval to the live index on start", async () => {
    const { index } = await ensureIndex(t.opensearch, t.config.INDEX_ALIAS, {
      shards: 1,
      replicas: 0,
      refreshInterval: "30s",
    });
    const settings = await t.opensearch.indices.getSettings({ index });
    expect(settings.body[index]?.settings?.index?.refresh_interval).toBe("30s");
  });
});
