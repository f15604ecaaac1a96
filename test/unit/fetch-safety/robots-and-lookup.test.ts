/** robots.txt answers and caching; the connect-time lookup that refuses private addresses. */
import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "vitest";
import { FetchRefusedError, parseAllowList } from "../../../pipelines/fetch/http/address-policy.ts";
import { guardedLookup, refusalIn } from "../../../pipelines/fetch/http/guarded-agent.ts";
import { type RobotsAnswer, RobotsCache } from "../../../pipelines/fetch/http/robots-cache.ts";
import { RetryableError } from "../../../shared/errors.ts";

function cacheAnswering(answers: RobotsAnswer[], clock = { now: 0 }) {
  const asked: string[] = [];
  const cache = new RobotsCache(
    async (url) => {
      asked.push(url);
      const answer = answers.shift();
      if (!answer) throw new Error("no more answers");
      return answer;
    },
    60_000,
    () => clock.now,
  );
  return { cache, asked, clock };
}

describe("RobotsCache", () => {
  const page = new URL("https://news.example/private/a.html");

  it("applies the rules of a 2xx answer and reads robots.txt once per origin", async () => {
    const { cache, asked } = cacheAnswering([
      { status: 200, text: "User-agent: Lodestone\nDisallow: /private\nCrawl-delay: 2\n" },
    ]);
    const rules = await cache.rulesFor(page);
    expect(rules.isDisallowed(page.href, "Lodestone")).toBe(true);
    expect(rules.isDisallowed("https://news.example/public", "Lodestone")).toBe(false);
    expect(rules.getCrawlDelay("Lodestone")).toBe(2);
    await cache.rulesFor(new URL("https://news.example/other"));
    expect(asked).toEqual(["https://news.example/robots.txt"]);
  });

  it("treats a 4xx as no rules at all", async () => {
    const { cache } = cacheAnswering([{ status: 404, text: "" }]);
    expect((await cache.rulesFor(page)).isDisallowed(page.href, "Lodestone")).toBe(false);
  });

  it("retries later on a 5xx, without caching the failure", async () => {
    const { cache, asked } = cacheAnswering([
      { status: 503, text: "" },
      { status: 200, text: "User-agent: *\nDisallow: /\n" },
    ]);
    await expect(cache.rulesFor(page)).rejects.toBeInstanceOf(RetryableError);
    expect((await cache.rulesFor(page)).isDisallowed(page.href, "Lodestone")).toBe(true);
    expect(asked).toHaveLength(2);
  });

  it("reads robots.txt again once its copy is older than the TTL", async () => {
    const { cache, asked, clock } = cacheAnswering([
      { status: 200, text: "" },
      { status: 200, text: "" },
    ]);
    await cache.rulesFor(page);
    clock.now = 59_000;
    await cache.rulesFor(page);
    clock.now = 61_000;
    await cache.rulesFor(page);
    expect(asked).toHaveLength(2);
  });
});

describe("guardedLookup", () => {
  const lookupOf = (allow: string[], all: boolean) =>
    new Promise<{ error: Error | null; result: string | LookupAddress[] }>((resolve) => {
      guardedLookup(parseAllowList(allow))("localhost", { all }, (error, result) =>
        resolve({ error, result }),
      );
    });

  it("refuses a name that resolves to loopback, naming the name", async () => {
    const { error } = await lookupOf([], true);
    expect(error).toBeInstanceOf(FetchRefusedError);
    expect(error?.message).toMatch(
      /^refused: (127\.0\.0\.1|::1) is a loopback address \(localhost resolves to it\)/,
    );
    expect(refusalIn(new TypeError("fetch failed", { cause: error }))).toBe(error);
  });

  it("hands the checked addresses to the socket when the name is allowed", async () => {
    const all = await lookupOf(["localhost"], true);
    expect(all.error).toBeNull();
    expect(Array.isArray(all.result) && all.result.map((a) => a.address)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(127\.0\.0\.1|::1)$/)]),
    );
    const one = await lookupOf(["localhost"], false);
    expect(one.result).toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
