/**
 * robots.txt, fetched once per origin and kept for a while (RFC 9309 asks
 * crawlers not to use a copy older than 24 hours). Parsing and matching are
 * robots-parser's; this file only decides what an answer means:
 * 2xx → its rules, 4xx → no rules (everything allowed), 5xx or unreachable →
 * try again later (the fetch is retried, nothing is assumed).
 */
import robotsParserModule from "robots-parser";
import { RetryableError } from "../../../shared/errors.ts";

// robots-parser is CommonJS (`module.exports = fn`) but its types declare an
// ES default export: under NodeNext the default import is the function itself.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

export interface RobotsAnswer {
  status: number;
  text: string;
}

export type RobotsRules = ReturnType<typeof robotsParser>;

/** robots.txt per origin, read once and cached: whether a URL may be fetched and the Crawl-delay asked for. */
export class RobotsCache {
  private readonly entries = new Map<string, { rules: Promise<RobotsRules>; expires: number }>();

  constructor(
    /** Fetches a robots.txt URL (safely: same address checks, no robots check of its own). */
    private readonly fetchRobots: (url: string) => Promise<RobotsAnswer>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The rules of the origin of `url`. */
  async rulesFor(url: URL): Promise<RobotsRules> {
    const robotsUrl = `${url.origin}/robots.txt`;
    const cached = this.entries.get(url.origin);
    if (cached && cached.expires > this.now()) return cached.rules;
    const rules = this.load(robotsUrl);
    this.entries.set(url.origin, { rules, expires: this.now() + this.ttlMs });
    // A failed load must not be cached: the next fetch tries again.
    rules.catch(() => this.entries.delete(url.origin));
    return rules;
  }

  private async load(robotsUrl: string): Promise<RobotsRules> {
    const answer = await this.fetchRobots(robotsUrl);
    if (answer.status >= 200 && answer.status < 300) return robotsParser(robotsUrl, answer.text);
    if (answer.status >= 400 && answer.status < 500) return robotsParser(robotsUrl, "");
    throw new RetryableError(`${robotsUrl}: HTTP ${answer.status}; robots.txt must be read first`);
  }
}
