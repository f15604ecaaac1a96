/**
 * The event feed the run tracker reads job ends from: entries written the way
 * BullMQ's scripts write them, on real Redis streams, read together on one
 * connection; only ends are told, from the moment the feed starts; a quiet
 * spell is told (the tracker then reads states); a read whose connection was
 * killed goes on from where it was once the connection is back.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createRedis } from "../../shared/redis.ts";
import { QueueEventFeed, type StreamEnd } from "../../workers/runs/queue-event-feed.ts";
import { createTestEnv } from "./test-env.ts";

const until = async (check: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return check();
};

describe("the queue event feed", () => {
  const t = createTestEnv("event-feed");
  const writer = createRedis(t.config, false);
  const keyA = `${t.config.QUEUE_PREFIX}:a:events`;
  const keyB = `${t.config.QUEUE_PREFIX}:b:events`;

  afterAll(async () => {
    writer.disconnect();
    await t.cleanup();
  });

  it("tells the ends of both queues' jobs from when it starts, and nothing else", async () => {
    // An end before the feed starts is not told: the tracker reads that job's state.
    await writer.xadd(keyA, "*", "event", "completed", "jobId", "before", "returnvalue", "{}");
    const ends: [string, string, StreamEnd][] = [];
    let quiet = 0;
    const feed = new QueueEventFeed(
      createRedis(t.config, false),
      [
        { key: keyA, onEnd: (jobId, end) => ends.push(["a", jobId, end]) },
        { key: keyB, onEnd: (jobId, end) => ends.push(["b", jobId, end]) },
      ],
      () => quiet++,
      t.log,
      { blockMs: 200, gatherMs: 5 },
    );
    await feed.start();
    await writer.xadd(keyA, "*", "event", "active", "jobId", "j1", "prev", "waiting");
    await writer.xadd(keyA, "*", "event", "completed", "jobId", "j1", "returnvalue", '{"n":1}');
    await writer.xadd(keyB, "*", "event", "failed", "jobId", "j2", "failedReason", "boom");
    await writer.xadd(keyB, "*", "event", "retries-exhausted", "jobId", "j2", "attemptsMade", "3");
    await writer.xadd(keyB, "*", "event", "drained");
    expect(await until(() => ends.length >= 2)).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(ends).toEqual([
      ["a", "j1", { completed: '{"n":1}' }],
      ["b", "j2", { failed: "boom" }],
    ]);
    // Nothing more comes: a quiet spell is told.
    expect(await until(() => quiet > 0, 2_000)).toBe(true);
    await feed.stop();
  });

  it("reads on from where it was when its connection is killed", async () => {
    const connection = createRedis(t.config, false);
    const id = Number(await connection.client("ID"));
    const ends: string[] = [];
    const feed = new QueueEventFeed(
      connection,
      [{ key: keyA, onEnd: (jobId) => ends.push(jobId) }],
      () => {},
      t.log,
      { blockMs: 10_000, gatherMs: 5 },
    );
    await feed.start();
    await writer.xadd(keyA, "*", "event", "completed", "jobId", "k1", "returnvalue", "1");
    expect(await until(() => ends.includes("k1"))).toBe(true);
    // The feed's blocked read loses its connection; an end written meanwhile is still read.
    await writer.client("KILL", "ID", String(id));
    await writer.xadd(keyA, "*", "event", "completed", "jobId", "k2", "returnvalue", "2");
    expect(await until(() => ends.includes("k2"), 8_000)).toBe(true);
    expect(ends).toEqual(["k1", "k2"]);
    await feed.stop();
  });
});
