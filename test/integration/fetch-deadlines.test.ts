/**
 * Issue 15's fetch findings against local servers that misbehave on
 * purpose: a body trickling one byte every 3 s, headers that never come, a
 * body that stops, each failing within its timeout plus a second (with
 * garbage collections meanwhile: a collected timer once made the deadline
 * vanish); an over-size response that makes `lodestone process` exit
 * non-zero with a message; a Crawl-delay of a day capped, and kept to its
 * own origin.
 */
import { execFile } from "node:child_process";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_SAFE_FETCH_POLICY,
  SafeFetcher,
  type SafeFetchPolicy,
} from "../../pipelines/fetch/http/safe-fetcher.ts";
import { readHttpSource } from "../../pipelines/fetch/read-http.ts";
import { PermanentError, RetryableError } from "../../shared/errors.ts";
import { createRedis } from "../../shared/redis.ts";
import { RedisHostGate } from "../../workers/sources/host-rate-limit.ts";
import { type HttpFixture, startHttpFixture } from "./http-fixture.ts";
import { createTestEnv } from "./test-env.ts";

const cli = fileURLToPath(new URL("../../workers/cli/lodestone.ts", import.meta.url));
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** A server whose every request is left to `handle`, sockets included. */
async function startServer(
  handle: (res: ServerResponse) => void,
): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => handle(res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/page`, server };
}

function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** How long `work` took to fail, and with what, collecting garbage all the while. */
async function failure(work: Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const started = performance.now();
  const collector = setInterval(gc, 500);
  try {
    await work;
    return { ms: performance.now() - started, error: undefined };
  } catch (error) {
    return { ms: performance.now() - started, error };
  } finally {
    clearInterval(collector);
  }
}

describe("fetch deadlines", () => {
  const servers: Server[] = [];
  const fetchers: SafeFetcher[] = [];
  const fetcher = (policy: Partial<SafeFetchPolicy> = {}) => {
    const created = new SafeFetcher({
      ...DEFAULT_SAFE_FETCH_POLICY,
      allowHosts: ["127.0.0.1"],
      honourRobots: false,
      ...policy,
    });
    fetchers.push(created);
    return created;
  };
  const serve = async (handle: (res: ServerResponse) => void) => {
    const started = await startServer(handle);
    servers.push(started.server);
    return started.url;
  };
  const timers: NodeJS.Timeout[] = [];

  afterAll(async () => {
    for (const timer of timers) clearInterval(timer);
    await Promise.all(fetchers.map((f) => f.close()));
    await Promise.all(servers.map(stop));
  });

  it("fails a body trickling one byte every 3 s within the total timeout plus a second", async () => {
    const url = await serve((res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("B");
      timers.push(setInterval(() => res.write("a"), 3000));
    });
    const { ms, error } = await failure(
      readHttpSource(url, { timeoutMs: 2000, maxBytes: 100_000, http: fetcher() }),
    );
    expect(error).toBeInstanceOf(RetryableError);
    expect(String(error)).toMatch(/no complete answer within 2000 ms \(FETCH_TIMEOUT_MS\)/);
    expect(ms).toBeLessThan(3000);
  });

  it("fails headers that never come within the headers timeout plus a second", async () => {
    const url = await serve(() => {});
    const { ms, error } = await failure(
      readHttpSource(url, {
        timeoutMs: 20_000,
        maxBytes: 100_000,
        http: fetcher({ headersTimeoutMs: 1000 }),
      }),
    );
    expect(error).toBeInstanceOf(RetryableError);
    expect(String(error)).toMatch(
      /no response headers within 1000 ms \(FETCH_HEADERS_TIMEOUT_MS\)/,
    );
    expect(ms).toBeLessThan(2000);
  });

  it("fails a body that stops within the body-idle timeout plus a second", async () => {
    const url = await serve((res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("Baotou rare earths");
    });
    const { ms, error } = await failure(
      readHttpSource(url, {
        timeoutMs: 20_000,
        maxBytes: 100_000,
        http: fetcher({ bodyIdleTimeoutMs: 1000 }),
      }),
    );
    expect(error).toBeInstanceOf(RetryableError);
    expect(String(error)).toMatch(
      /body silent for more than 1000 ms \(FETCH_BODY_IDLE_TIMEOUT_MS\)/,
    );
    expect(ms).toBeLessThan(2000);
  });

  it("refuses an over-size response with a message, and cancels it", async () => {
    const url = await serve((res) => {
      res.writeHead(200, { "content-type": "text/plain", "content-length": "200000" });
      res.end("x".repeat(200_000));
    });
    // Its own fetcher, closed here rather than after all the tests.
    const safe = new SafeFetcher({
      ...DEFAULT_SAFE_FETCH_POLICY,
      allowHosts: ["127.0.0.1"],
      honourRobots: false,
    });
    const error = await readHttpSource(url, {
      timeoutMs: 5000,
      maxBytes: 100_000,
      http: safe,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentError);
    expect(String(error)).toMatch(/200000 bytes, over the limit of 100000 \(FETCH_MAX_BYTES\)/);
    // Nothing left pending: closing the fetcher does not wait on the unread body.
    await safe.close();
  });
});

describe("lodestone process on a misbehaving server", () => {
  const t = createTestEnv("deadline-cli");
  let http: HttpFixture;
  const timers: NodeJS.Timeout[] = [];

  beforeAll(async () => {
    http = await startHttpFixture({
      "/robots.txt": (_req, res) => res.writeHead(404).end(),
      "/big": (_req, res) => {
        res.writeHead(200, { "content-type": "text/plain", "content-length": "200000" });
        res.end("x".repeat(200_000));
      },
      "/trickle": (_req, res) => {
        res.writeHead(200, { "content-type": "text/plain" });
        timers.push(setInterval(() => res.write("a"), 3000));
      },
    });
  });

  afterAll(async () => {
    for (const timer of timers) clearInterval(timer);
    await http.close();
    await t.cleanup();
  });

  const run = (path: string, env: Record<string, string>) =>
    promisify(execFile)(process.execPath, ["--import", "tsx", cli, "process", http.url(path)], {
      env: { ...t.env, ...env },
      timeout: 60_000,
    }).then(
      (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        code: error.code,
        stdout: error.stdout ?? "",
        stderr: error.stderr ?? "",
      }),
    );

  it("exits non-zero with a message when the response is over FETCH_MAX_BYTES", async () => {
    const result = await run("/big", { FETCH_MAX_BYTES: "100000" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/200000 bytes, over the limit of 100000 \(FETCH_MAX_BYTES\)/);
    expect(result.stdout).toBe("");
  });

  it("exits non-zero at the timeout when the body trickles", async () => {
    const started = Date.now();
    const result = await run("/trickle", { FETCH_TIMEOUT_MS: "2000" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no complete answer within 2000 ms \(FETCH_TIMEOUT_MS\)/);
    // The process starts (a few seconds to load the stages), then the deadline holds.
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe("Crawl-delay", () => {
  const t = createTestEnv("crawl-delay-cap");
  const redis = createRedis(t.config);
  const fetchers: SafeFetcher[] = [];

  afterAll(async () => {
    await Promise.all(fetchers.map((f) => f.close()));
    redis.disconnect();
    await t.cleanup();
  });

  it("is capped at FETCH_MAX_CRAWL_DELAY_MS and paces only the origin whose robots.txt asked", async () => {
    const times: Record<string, number[]> = { greedy: [], other: [] };
    const greedy = await startHttpFixture({
      "/robots.txt": (_req, res) =>
        res
          .writeHead(200, { "content-type": "text/plain" })
          .end("User-agent: *\nCrawl-delay: 86400\n"),
      "/page": (_req, res) => {
        times.greedy?.push(Date.now());
        res.writeHead(200, { "content-type": "text/plain" }).end("page");
      },
    });
    const other = await startHttpFixture({
      "/robots.txt": (_req, res) => res.writeHead(404).end(),
      "/page": (_req, res) => {
        times.other?.push(Date.now());
        res.writeHead(200, { "content-type": "text/plain" }).end("page");
      },
    });
    const safe = new SafeFetcher({
      ...DEFAULT_SAFE_FETCH_POLICY,
      allowHosts: ["127.0.0.1"],
      hostIntervalMs: 0,
      maxCrawlDelayMs: 500,
      hostGate: new RedisHostGate(redis, t.config.QUEUE_PREFIX),
    });
    fetchers.push(safe);
    const read = { timeoutMs: 10_000, maxBytes: 10_000, http: safe };
    try {
      await readHttpSource(greedy.url("/page"), read);
      const otherStarted = Date.now();
      await readHttpSource(other.url("/page"), read);
      // Another port of the same host is another origin: not held by the first one's delay.
      expect(Date.now() - otherStarted).toBeLessThan(400);
      await readHttpSource(greedy.url("/page"), read);
    } finally {
      await greedy.close();
      await other.close();
    }
    const [first = 0, second = 0] = times.greedy ?? [];
    expect(second - first).toBeGreaterThanOrEqual(490);
    expect(second - first).toBeLessThan(3000);
  });
});
