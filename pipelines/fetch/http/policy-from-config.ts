/** The fetch safety policy as the configuration (shared/config.ts) sets it. */
import type { Config } from "../../../shared/config.ts";
import { DEFAULT_SAFE_FETCH_POLICY, type HostGate, type SafeFetchPolicy } from "./safe-fetcher.ts";

/** The fetcher's policy (allowed hosts, pacing, robots.txt) from the configuration. */
export function safeFetchPolicyOf(
  config: Pick<
    Config,
    | "FETCH_ALLOW_HOSTS"
    | "FETCH_ALLOW_PRIVATE"
    | "FETCH_MAX_REDIRECTS"
    | "FETCH_CONNECT_TIMEOUT_MS"
    | "FETCH_HEADERS_TIMEOUT_MS"
    | "FETCH_BODY_IDLE_TIMEOUT_MS"
    | "FETCH_MAX_CRAWL_DELAY_MS"
    | "FETCH_HOST_INTERVAL_MS"
    | "ROBOTS_USER_AGENT"
  >,
  hostGate?: HostGate,
): SafeFetchPolicy {
  return {
    ...DEFAULT_SAFE_FETCH_POLICY,
    allowHosts: config.FETCH_ALLOW_HOSTS,
    allowPrivate: config.FETCH_ALLOW_PRIVATE,
    maxRedirects: config.FETCH_MAX_REDIRECTS,
    connectTimeoutMs: config.FETCH_CONNECT_TIMEOUT_MS,
    headersTimeoutMs: config.FETCH_HEADERS_TIMEOUT_MS,
    bodyIdleTimeoutMs: config.FETCH_BODY_IDLE_TIMEOUT_MS,
    maxCrawlDelayMs: config.FETCH_MAX_CRAWL_DELAY_MS,
    hostIntervalMs: config.FETCH_HOST_INTERVAL_MS,
    robotsUserAgent: config.ROBOTS_USER_AGENT,
    userAgent: `${config.ROBOTS_USER_AGENT}/0.1 (+news ingestion)`,
    ...(hostGate ? { hostGate } : {}),
  };
}
