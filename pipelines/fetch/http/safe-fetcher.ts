/**
 * The one way Lodestone fetches a URL an operator or an API client gave it:
 * redirects followed by hand (so every hop's address, scheme and robots.txt
 * are checked), a redirect cap, robots.txt honoured, and a per-host pace
 * shared by every worker (the HostGate, backed by Redis in workers/).
 * Decompression (gzip, deflate, br) is undici's.
 */
import type { Dispatcher, Response } from "undici";
import { errorMessage, PermanentError, RetryableError } from "../../../shared/errors.ts";
import {
  type AllowList,
  bareHost,
  FetchRefusedError,
  isIpLiteral,
  parseAllowList,
  refusalOf,
} from "./address-policy.ts";
import { startDeadline } from "./deadline.ts";
import { createGuardedAgent, refusalIn } from "./guarded-agent.ts";
import { type RobotsAnswer, RobotsCache } from "./robots-cache.ts";
import { undici } from "./undici-client.ts";

/** Paces requests to one host across processes: resolves when the next request may go. */
export interface HostGate {
  wait(host: string, minIntervalMs: number, signal?: AbortSignal): Promise<void>;
}

export interface SafeFetchPolicy {
  /** Host names, addresses and networks exempt from SSRF protection (FETCH_ALLOW_HOSTS). */
  allowHosts: readonly string[];
  /** Turns SSRF protection off entirely (FETCH_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  maxRedirects: number;
  connectTimeoutMs: number;
  /** From sending a request to the end of the response headers (undici's headersTimeout). */
  headersTimeoutMs: number;
  /** Longest silence between two pieces of a body (undici's bodyTimeout). */
  bodyIdleTimeoutMs: number;
  userAgent: string;
  /** The product token robots.txt rules are matched against. */
  robotsUserAgent: string;
  honourRobots: boolean;
  robotsTtlMs: number;
  /** Least time between two requests to one host. robots.txt's Crawl-delay can raise it. */
  hostIntervalMs: number;
  /** The longest Crawl-delay obeyed: a robots.txt asking for a day must not stop a worker for one. */
  maxCrawlDelayMs: number;
  hostGate?: HostGate;
}

export const DEFAULT_SAFE_FETCH_POLICY: SafeFetchPolicy = {
  allowHosts: [],
  allowPrivate: false,
  maxRedirects: 5,
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 15_000,
  bodyIdleTimeoutMs: 15_000,
  userAgent: "Lodestone/0.1 (+news ingestion)",
  robotsUserAgent: "Lodestone",
  honourRobots: true,
  robotsTtlMs: 3_600_000,
  hostIntervalMs: 0,
  maxCrawlDelayMs: 60_000,
};

export interface SafeFetchInit {
  headers: Record<string, string>;
  signal?: AbortSignal;
}

export interface SafeFetchResult {
  response: Response;
  /** The URL that answered, after redirects. */
  url: string;
  redirects: number;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ROBOTS_MAX_BYTES = 512 * 1024;
const ROBOTS_TIMEOUT_MS = 15_000;

/** The one way to fetch over http(s): address policy, redirects checked hop by hop, robots.txt and per-host pacing. */
export class SafeFetcher {
  /** Made on the first fetch (undici-client.ts): file sources never need one. */
  private agent: Dispatcher | null = null;
  private readonly robots: RobotsCache;
  private readonly allow: AllowList;

  constructor(readonly policy: SafeFetchPolicy = DEFAULT_SAFE_FETCH_POLICY) {
    this.allow = parseAllowList(policy.allowHosts);
    this.robots = new RobotsCache((url) => this.fetchRobots(url), policy.robotsTtlMs);
  }

  private get dispatcher(): Dispatcher {
    this.agent ??= createGuardedAgent({
      allow: this.allow,
      guard: !this.policy.allowPrivate,
      connectTimeoutMs: this.policy.connectTimeoutMs,
      headersTimeoutMs: this.policy.headersTimeoutMs,
      bodyIdleTimeoutMs: this.policy.bodyIdleTimeoutMs,
    });
    return this.agent;
  }

  /** Fetches `url`, following at most `maxRedirects` redirects, each hop checked. */
  async fetch(url: string, init: SafeFetchInit): Promise<SafeFetchResult> {
    return this.follow(url, init, true);
  }

  async close(): Promise<void> {
    await this.agent?.close();
    this.agent = null;
  }

  private async follow(
    start: string,
    init: SafeFetchInit,
    checkRobots: boolean,
  ): Promise<SafeFetchResult> {
    let current = this.parse(start, start);
    for (let redirects = 0; ; redirects += 1) {
      this.checkAddressLiteral(current);
      const crawlDelayMs = checkRobots ? await this.checkRobots(current) : 0;
      // The host interval per host name, not per port: politeness is owed to the server.
      await this.policy.hostGate?.wait(
        bareHost(current.hostname),
        this.policy.hostIntervalMs,
        init.signal,
      );
      // A Crawl-delay is what one origin's robots.txt asks for, so it paces that origin only.
      if (crawlDelayMs > this.policy.hostIntervalMs) {
        await this.policy.hostGate?.wait(current.origin, crawlDelayMs, init.signal);
      }
      const response = await this.request(current, init);
      const location = response.headers.get("location");
      if (!REDIRECT_STATUSES.has(response.status) || location === null) {
        return { response, url: current.href, redirects };
      }
      await response.body?.cancel();
      if (redirects >= this.policy.maxRedirects) {
        throw new PermanentError(
          `${start}: more than ${this.policy.maxRedirects} redirects (last to ${location})`,
        );
      }
      current = this.parse(location, start, current);
    }
  }

  private parse(location: string, start: string, base?: URL): URL {
    if (!URL.canParse(location, base)) {
      throw new PermanentError(`${start}: invalid URL ${JSON.stringify(location)}`);
    }
    const url = new URL(location, base);
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new FetchRefusedError(`refused: ${url.href} is not an http(s) URL (from ${start})`);
    }
    if (url.username || url.password) {
      // Never echoed: the message names the URL without them.
      url.username = "";
      url.password = "";
      throw new FetchRefusedError(`refused: ${url.href} was given with credentials in the URL`);
    }
    return url;
  }

  /** An IP literal never goes through DNS, so the connect-time lookup would not see it. */
  private checkAddressLiteral(url: URL): void {
    if (this.policy.allowPrivate || !isIpLiteral(url.hostname)) return;
    const refusal = refusalOf(bareHost(url.hostname), url.hostname, this.allow);
    if (refusal) throw new FetchRefusedError(`${refusal} [${url.href}]`);
  }

  /** Refuses a URL robots.txt disallows; returns the origin's Crawl-delay in ms. */
  private async checkRobots(url: URL): Promise<number> {
    if (!this.policy.honourRobots) return 0;
    const rules = await this.robots.rulesFor(url);
    if (rules.isDisallowed(url.href, this.policy.robotsUserAgent) === true) {
      throw new FetchRefusedError(
        `refused: ${url.origin}/robots.txt disallows ${url.pathname} for ${this.policy.robotsUserAgent}`,
      );
    }
    const asked = (rules.getCrawlDelay(this.policy.robotsUserAgent) ?? 0) * 1000;
    return Math.min(asked, this.policy.maxCrawlDelayMs);
  }

  private async request(url: URL, init: SafeFetchInit): Promise<Response> {
    // undici's headersTimeout ticks at half-second steps and can fire a second late:
    // a plain timer holds the headers deadline to the millisecond.
    const headersDeadline = startDeadline(
      this.policy.headersTimeoutMs,
      () =>
        new RetryableError(
          `${url.href}: no response headers within ${this.policy.headersTimeoutMs} ms (FETCH_HEADERS_TIMEOUT_MS)`,
        ),
      init.signal,
    );
    try {
      const response = await undici().fetch(url, {
        headers: { "user-agent": this.policy.userAgent, ...init.headers },
        redirect: "manual",
        dispatcher: this.dispatcher,
        signal: headersDeadline.signal,
      });
      // The body goes on under the caller's signal, which this one still follows.
      headersDeadline.disarm();
      return response;
    } catch (error) {
      headersDeadline.clear();
      // A deadline or a shutdown: its reason says which.
      const signal = headersDeadline.signal;
      if (signal.aborted && signal.reason instanceof Error) throw signal.reason;
      const refusal = refusalIn(error);
      if (refusal) throw new FetchRefusedError(`${refusal.message} [${url.href}]`);
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      const message = errorMessage(cause);
      throw new RetryableError(`${url.href}: ${message}`);
    }
  }

  private async fetchRobots(robotsUrl: string): Promise<RobotsAnswer> {
    const deadline = startDeadline(
      ROBOTS_TIMEOUT_MS,
      () => new RetryableError(`${robotsUrl}: no answer within ${ROBOTS_TIMEOUT_MS} ms`),
    );
    try {
      const { response } = await this.follow(
        robotsUrl,
        { headers: { accept: "text/plain" }, signal: deadline.signal },
        false,
      );
      if (!response.ok) {
        await response.body?.cancel();
        return { status: response.status, text: "" };
      }
      // RFC 9309 lets a crawler stop reading at 500 KiB; the rest is ignored, not held.
      const chunks: Uint8Array[] = [];
      let total = 0;
      for await (const chunk of response.body ?? []) {
        chunks.push(chunk);
        total += chunk.byteLength;
        if (total >= ROBOTS_MAX_BYTES) break;
      }
      const text = Buffer.concat(chunks).subarray(0, ROBOTS_MAX_BYTES).toString("utf8");
      return { status: response.status, text };
    } catch (error) {
      if (deadline.expired) throw deadline.signal.reason;
      throw error;
    } finally {
      deadline.clear();
    }
  }
}
