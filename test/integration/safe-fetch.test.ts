/**
 * The safe, polite fetcher against local HTTP servers: SSRF refusals on every
 * hop (nothing allow-listed unless a test says so), redirect cap, robots.txt,
 * content types, compression, size cap, timeouts, a per-host pace shared
 * through Redis, and a refused source failing at once in the workers.
 */
import { type AddressInfo, createServer } from "node:net";
import { brotliCompressSync, gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFetchStage } from "../../pipelines/fetch/fetch-source.ts";
import { FetchRefusedError } from "../../pipelines/fetch/http/address-policy.ts";
import {
  DEFAULT_SAFE_FETCH_POLICY,
  SafeFetcher,
  type SafeFetchPolicy,
} from "../../pipelines/fetch/http/safe-fetcher.ts";
import { readHttpSource } from "../../pipelines/fetch/read-http.ts";
import { PermanentError, RetryableError } from "../../shared/errors.ts";
import { sourceIdFor } from "../../shared/ids.ts";
import { createRedis } from "../../shared/redis.ts";
import { ingestAndWait } from "../../workers/runs/ingest-run.ts";
import { closeQueueSet, createQueueSet } from "../../workers/runtime/queue-set.ts";
import { startWorkerHost } from "../../workers/runtime/worker-host.ts";
import { RedisHostGate } from "../../workers/sources/host-rate-limit.ts";
import { type HttpFixture, startHttpFixture } from "./http-fixture.ts";
import { createTestEnv } from "./test-env.ts";

const TEXT = "Baotou Steel raised its rare-earth concentrate price for the fourth quarter.";
const read = { timeoutMs: 5000, maxBytes: 10_000 };

describe("the safe fetcher", () => {
  let http: HttpFixture;
  let port = "";
  const fetchers: SafeFetcher[] = [];
  const fetcher = (policy: Partial<SafeFetchPolicy> = {}) => {
    const created = new SafeFetcher({ ...DEFAULT_SAFE_FETCH_POLICY, ...policy });
    fetchers.push(created);
    return created;
  };
  const redirect = (to: () => string) => (_req: unknown, res: import("node:http").ServerResponse) =>
    res.writeHead(302, { location: to() }).end();

  beforeAll(async () => {
    http = await startHttpFixture({
      "/robots.txt": (_req, res) =>
        res
          .writeHead(200, { "content-type": "text/plain" })
          .end("User-agent: Lodestone\nDisallow: /private\n\nUser-agent: *\nDisallow:\n"),
      "/article": (_req, res) =>
        res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(TEXT),
      "/private/report": (_req, res) =>
        res.writeHead(200, { "content-type": "text/plain" }).end(TEXT),
      "/to-loopback": redirect(() => `http://127.0.0.1:${port}/article`),
      "/to-private": redirect(() => "http://10.0.0.5/admin"),
      "/to-metadata": redirect(() => "http://169.254.169.254/latest/meta-data/"),
      "/to-ipv6-loopback": redirect(() => `http://[::1]:${port}/article`),
      "/to-file": redirect(() => "file:///etc/passwd"),
      "/relative": redirect(() => "/article"),
      "/loop": redirect(() => "/loop"),
      "/greek": (_req, res) =>
        res
          .writeHead(200, { "content-type": "text/plain", "content-language": "el" })
          .end(iconv.encode("Η Ελλάδα ε", "windows-1253")),
      "/pdf": (_req, res) =>
        res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.4"),
      "/gzip": (_req, res) =>
        res
          .writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" })
          .end(gzipSync(TEXT)),
      "/br": (req, res) =>
        res
          .writeHead(200, {
            "content-type": "text/plain",
            "content-encoding": "br",
            "x-accept-encoding": String(req.headers["accept-encoding"]),
          })
          .end(brotliCompressSync(TEXT)),
      "/huge": (_req, res) => {
        // No Content-Length: the cap must count the body as it arrives.
        res.writeHead(200, { "content-type": "text/plain" });
        for (let i = 0; i < 20; i += 1) res.write("x".repeat(1000));
        res.end();
      },
      "/bomb": (_req, res) =>
        res
          .writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" })
          .end(gzipSync("y".repeat(1_000_000))),
      "/hang": () => {},
    });
    port = new URL(http.url("/")).port;
  });

  afterAll(async () => {
    await Promise.all(fetchers.map((f) => f.close()));
    await http.close();
  });

  it.each([
    ["127.0.0.1", () => http.url("/article"), /^refused: 127\.0\.0\.1 is a loopback address/],
    ["10.x", () => "http://10.0.0.5/admin", /^refused: 10\.0\.0\.5 is a private address/],
    [
      "the metadata address",
      () => "http://169.254.169.254/latest/meta-data/",
      /^refused: 169\.254\.169\.254 is a cloud metadata address/,
    ],
    ["[::1]", () => `http://[::1]:${port}/article`, /^refused: ::1 is a loopback address/],
    [
      "an IPv4-mapped IPv6 loopback",
      () => `http://[::ffff:127.0.0.1]:${port}/article`,
      /^refused: 127\.0\.0\.1 is a loopback address/,
    ],
    [
      "a decimal spelling of 127.0.0.1",
      () => `http://2130706433:${port}/article`,
      /^refused: 127\.0\.0\.1 is a loopback address/,
    ],
    [
      "0.0.0.0",
      () => `http://0.0.0.0:${port}/article`,
      /^refused: 0\.0\.0\.0 is an unspecified address/,
    ],
    [
      "a name that resolves to loopback",
      () => `http://localhost:${port}/article`,
      /^refused: (127\.0\.0\.1|::1) is a loopback address \(localhost resolves to it\)/,
    ],
  ])("refuses %s with a reason an operator can read", async (_name, url, reason) => {
    const before = http.hits("/article") + http.hits("/robots.txt");
    const error = await readHttpSource(url(), { ...read, http: fetcher() }).catch((e) => e);
    expect(error).toBeInstanceOf(FetchRefusedError);
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toMatch(reason);
    expect(error.message).toContain("(SSRF protection); allow it with FETCH_ALLOW_HOSTS");
    // Refused before any request reached the server (robots.txt included).
    expect(http.hits("/article") + http.hits("/robots.txt")).toBe(before);
  });

  it.each([
    ["/to-loopback", /^refused: 127\.0\.0\.1 is a loopback address/],
    ["/to-private", /^refused: 10\.0\.0\.5 is a private address/],
    ["/to-metadata", /^refused: 169\.254\.169\.254 is a cloud metadata address/],
    ["/to-ipv6-loopback", /^refused: ::1 is a loopback address/],
    ["/to-file", /^refused: file:\/\/\/etc\/passwd is not an http\(s\) URL/],
  ])("checks every redirect hop: %s is refused", async (path, reason) => {
    // Only the name "localhost" is allowed, so the first hop reaches the test server.
    const safe = fetcher({ allowHosts: ["localhost"] });
    const before = http.hits("/article");
    const error = await readHttpSource(`http://localhost:${port}${path}`, {
      ...read,
      http: safe,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(FetchRefusedError);
    expect(error.message).toMatch(reason);
    expect(http.hits(path)).toBeGreaterThan(0);
    expect(http.hits("/article")).toBe(before);
  });

  describe("with the test server allow-listed", () => {
    const allowed = () => fetcher({ allowHosts: ["127.0.0.1"], maxRedirects: 3 });

    it("follows a relative redirect and reads the text", async () => {
      const raw = await readHttpSource(http.url("/relative"), { ...read, http: allowed() });
      expect(Buffer.from(raw.bytes).toString("utf8")).toBe(TEXT);
      expect(raw.mediaType).toBe("text/plain");
    });

    it("lets the Content-Language decide the charset of a short undeclared body", async () => {
      const raw = await readHttpSource(http.url("/greek"), { ...read, http: allowed() });
      expect(raw.contentLanguage).toBe("el");
      const fetch = createFetchStage({ ...read, http: allowed() });
      const source = { id: "greek", uri: http.url("/greek") };
      const [doc] = await fetch({ source }, { log: pino({ level: "silent" }) });
      expect(doc?.text).toBe("Η Ελλάδα ε");
      // The two Greek code pages agree on these bytes.
      expect(doc?.encoding.detected).toMatch(/^(iso-8859-7|windows-1253)$/);
    });

    it("stops after the redirect cap", async () => {
      const hitsBefore = http.hits("/loop");
      const error = await readHttpSource(http.url("/loop"), { ...read, http: allowed() }).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(PermanentError);
      expect(error.message).toMatch(/more than 3 redirects/);
      expect(http.hits("/loop") - hitsBefore).toBe(4);
    });

    it("honours robots.txt and reads it once per origin", async () => {
      const safe = allowed();
      const robotsBefore = http.hits("/robots.txt");
      const error = await readHttpSource(http.url("/private/report"), {
        ...read,
        http: safe,
      }).catch((e) => e);
      expect(error).toBeInstanceOf(FetchRefusedError);
      expect(error.message).toBe(
        `refused: http://127.0.0.1:${port}/robots.txt disallows /private/report for Lodestone`,
      );
      expect(http.hits("/private/report")).toBe(0);
      await readHttpSource(http.url("/article"), { ...read, http: safe });
      await readHttpSource(http.url("/article"), { ...read, http: safe });
      expect(http.hits("/robots.txt") - robotsBefore).toBe(1);
      // Another user agent is not bound by the Lodestone group.
      const other = fetcher({ allowHosts: ["127.0.0.1"], robotsUserAgent: "OtherBot" });
      await expect(
        readHttpSource(http.url("/private/report"), { ...read, http: other }),
      ).resolves.toMatchObject({ mediaType: "text/plain" });
    });

    it("refuses a content type outside the allow-list", async () => {
      const error = await readHttpSource(http.url("/pdf"), { ...read, http: allowed() }).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(FetchRefusedError);
      expect(error.message).toMatch(/is application\/pdf, not one of the accepted content types/);
    });

    it("decodes gzip and brotli bodies, and offers br", async () => {
      for (const path of ["/gzip", "/br"]) {
        const raw = await readHttpSource(http.url(path), { ...read, http: allowed() });
        expect(Buffer.from(raw.bytes).toString("utf8")).toBe(TEXT);
      }
    });

    it("caps the body as it arrives, decompressed", async () => {
      for (const path of ["/huge", "/bomb"]) {
        const error = await readHttpSource(http.url(path), { ...read, http: allowed() }).catch(
          (e) => e,
        );
        expect(error).toBeInstanceOf(PermanentError);
        expect(error.message).toMatch(/body over the limit of 10000 bytes/);
      }
    });

    it("gives up on a server that never answers after the total timeout, as retryable", async () => {
      const started = Date.now();
      const error = await readHttpSource(http.url("/hang"), {
        timeoutMs: 400,
        maxBytes: 10_000,
        http: allowed(),
      }).catch((e) => e);
      expect(error).toBeInstanceOf(RetryableError);
      expect(Date.now() - started).toBeLessThan(3000);
    });

    it("gives up connecting after the connect timeout, as retryable", async () => {
      // A TCP server that accepts but never answers the TLS handshake: the
      // connection is not established until the handshake completes.
      const silent = createServer(() => {});
      await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
      const { port: silentPort } = silent.address() as AddressInfo;
      const safe = fetcher({ allowHosts: ["127.0.0.1"], connectTimeoutMs: 300 });
      const started = Date.now();
      const error = await readHttpSource(`https://127.0.0.1:${silentPort}/`, {
        timeoutMs: 10_000,
        maxBytes: 10_000,
        http: safe,
      }).catch((e) => e);
      silent.close();
      expect(error).toBeInstanceOf(RetryableError);
      expect(error.message).toMatch(/connect timeout/i);
      expect(Date.now() - started).toBeLessThan(3000);
    });
  });
});

describe("the per-host pace shared by all workers", () => {
  const t = createTestEnv("pace");
  const redis = createRedis(t.config);
  const connections: Array<ReturnType<typeof createRedis>> = [];
  const times: number[] = [];
  let http: HttpFixture;
  const fetchers: SafeFetcher[] = [];

  beforeAll(async () => {
    http = await startHttpFixture({
      "/tick": (_req, res) => {
        times.push(Date.now());
        res.writeHead(200, { "content-type": "text/plain" }).end("tick");
      },
    });
  });

  afterAll(async () => {
    await Promise.all(fetchers.map((f) => f.close()));
    await http.close();
    redis.disconnect();
    for (const connection of connections) connection.disconnect();
    await t.cleanup();
  });

  it("spaces requests to one host by the interval, across fetchers (processes)", async () => {
    const interval = 150;
    // What the gate guarantees is the spacing of its grants (a key that lives for the
    // interval on Redis's clock), not of arrivals at the server: a request granted
    // first can still arrive late (a new connection). So each fetcher, with a Redis
    // connection of its own as a process would have, records the window in which each
    // of its winning SETs ran: [sent, answered] holds the moment Redis granted it.
    const grants: Array<{ sent: number; answered: number }> = [];
    for (let i = 0; i < 2; i += 1) {
      const own = createRedis(t.config);
      connections.push(own);
      const set = own.set.bind(own) as (...args: unknown[]) => Promise<string | null>;
      Object.assign(own, {
        set: async (...args: unknown[]) => {
          const sent = Date.now();
          const answer = await set(...args);
          if (answer === "OK") grants.push({ sent, answered: Date.now() });
          return answer;
        },
      });
      fetchers.push(
        new SafeFetcher({
          ...DEFAULT_SAFE_FETCH_POLICY,
          allowHosts: ["127.0.0.1"],
          honourRobots: false,
          hostIntervalMs: interval,
          hostGate: new RedisHostGate(own, t.config.QUEUE_PREFIX),
        }),
      );
    }
    await Promise.all(
      fetchers.flatMap((f) =>
        [1, 2, 3].map(() => readHttpSource(http.url("/tick"), { ...read, http: f })),
      ),
    );
    expect(times).toHaveLength(6);
    expect(grants).toHaveLength(6);
    grants.sort((a, b) => a.answered - b.answered);
    // Redis and this process share the machine's clock, so without any slack: the next
    // grant was answered at least the interval after the previous one was asked for.
    for (let i = 1; i < grants.length; i += 1) {
      const previous = grants[i - 1];
      const next = grants[i];
      expect(previous && next && next.answered - previous.sent).toBeGreaterThanOrEqual(interval);
    }
  });

  it("slows down to the Crawl-delay robots.txt asks for", async () => {
    const politeTimes: number[] = [];
    const polite = await startHttpFixture({
      "/robots.txt": (_req, res) =>
        res.writeHead(200, { "content-type": "text/plain" }).end("User-agent: *\nCrawl-delay: 1\n"),
      "/page": (_req, res) => {
        politeTimes.push(Date.now());
        res.writeHead(200, { "content-type": "text/plain" }).end("page");
      },
    });
    const safe = new SafeFetcher({
      ...DEFAULT_SAFE_FETCH_POLICY,
      allowHosts: ["127.0.0.1"],
      hostIntervalMs: 0,
      hostGate: new RedisHostGate(redis, `${t.config.QUEUE_PREFIX}-crawl-delay`),
    });
    fetchers.push(safe);
    try {
      await readHttpSource(polite.url("/page"), { ...read, http: safe });
      await readHttpSource(polite.url("/page"), { ...read, http: safe });
    } finally {
      await polite.close();
    }
    const [first = 0, second = 0] = politeTimes;
    expect(second - first).toBeGreaterThanOrEqual(985);
  });
});

describe("a refused source in the workers", () => {
  // Nothing allow-listed: the loopback test server is refused like any private address.
  const t = createTestEnv("refused", { FETCH_ALLOW_HOSTS: "", JOB_ATTEMPTS: "3" });
  const connection = createRedis(t.config);
  let http: HttpFixture;

  beforeAll(async () => {
    http = await startHttpFixture({
      "/article": (_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end(TEXT),
    });
  });

  afterAll(async () => {
    connection.disconnect();
    await http.close();
    await t.cleanup();
  });

  it("fails at once, without retries, with the reason", async () => {
    const host = await startWorkerHost(t.config, t.log);
    const queues = createQueueSet(t.config, connection);
    try {
      const uris = [http.url("/article"), "http://169.254.169.254/latest/meta-data/"];
      const outcomes = await ingestAndWait(
        t.config,
        queues,
        uris.map((uri) => ({ id: sourceIdFor(uri), uri })),
        t.log,
      );
      expect(outcomes.map((o) => o.status)).toEqual(["failed", "failed"]);
      expect(outcomes[0]?.failures[0]?.reason).toMatch(
        /^refused: 127\.0\.0\.1 is a loopback address \(SSRF protection\); allow it with FETCH_ALLOW_HOSTS/,
      );
      expect(outcomes[1]?.failures[0]?.reason).toMatch(/169\.254\.169\.254 is a cloud metadata/);
      const job = await queues.fetch.getJob(outcomes[0]?.failures[0]?.jobId ?? "");
      expect(job?.attemptsMade).toBe(1);
      expect(http.hits("/article")).toBe(0);
    } finally {
      await host.close();
      await closeQueueSet(queues);
    }
  });
});
