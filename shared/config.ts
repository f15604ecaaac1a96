/**
 * The one place that reads the environment. Every variable is declared,
 * coerced and validated here; an invalid value stops the process with a
 * message that names the variable. `.env.example` documents the same list.
 */
import { availableParallelism, homedir, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { z } from "zod";
import { ConfigError } from "./errors.ts";

const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** A comma-separated list, blanks dropped. */
const commaList = z
  .string()
  .default("")
  .transform((v) =>
    v
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0),
  );

const configSchema = z.object({
  REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
  OPENSEARCH_URL: z.url().default("http://127.0.0.1:9200"),
  OPENSEARCH_USERNAME: z.string().optional(),
  OPENSEARCH_PASSWORD: z.string().optional(),
  /** Accept self-signed certificates (a local secured cluster). */
  OPENSEARCH_TLS_INSECURE: booleanString.default(false),
  /** Alias that readers and writers use; the versioned index sits behind it. */
  INDEX_ALIAS: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, "lower-case letters, digits, - and _")
    .default("lodestone-documents"),
  /**
   * Redis key prefix of every queue and of the pipeline's own keys, so several pipelines can
   * share a Redis. On Redis Cluster write it as a hash tag, `{lodestone}`: every key then
   * falls in one slot, as BullMQ's multi-key scripts require.
   */
  QUEUE_PREFIX: z
    .string()
    .regex(/^(?:[A-Za-z0-9_-]+|\{[A-Za-z0-9_-]+\})$/, "letters, digits, - and _, or that in braces")
    .default("lodestone"),
  /** Primary shards of a new versioned index (fixed once the index exists). */
  INDEX_SHARDS: z.coerce.number().int().min(1).max(1024).default(1),
  /** Replicas of each shard; 0 on a single node. Applied to the live index on start. */
  INDEX_REPLICAS: z.coerce.number().int().min(0).max(16).default(0),
  /** How soon indexed documents become searchable ("1s"); "30s" or "-1" speeds up a bulk load. */
  INDEX_REFRESH_INTERVAL: z
    .string()
    .regex(/^(?:-1|\d+(?:ms|s|m))$/, 'a duration such as "1s", "500ms", "30s", or "-1"')
    .default("1s"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** auto: pretty in a terminal, JSON otherwise. */
  LOG_FORMAT: z.enum(["auto", "json", "pretty"]).default("auto"),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  /**
   * Consecutive CPU-bound stages that one workers process runs go through in
   * one job, the first stage's (normalize → language → enrich): a document
   * crosses Redis once for them, not once per stage. "false": a job per
   * stage, every stage's queue busy (to watch each stage on the queues).
   */
  CHAIN_CPU_STAGES: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  INDEX_CONCURRENCY: z.coerce.number().int().min(1).max(1024).default(64),
  BULK_MAX_DOCS: z.coerce.number().int().min(1).max(10_000).default(200),
  BULK_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  BULK_FLUSH_MS: z.coerce.number().int().min(1).max(60_000).default(250),
  /**
   * How long a workers process adds up its job metrics in memory before it
   * writes them to Redis in one transaction (and on shutdown); 0: a write per job.
   */
  METRICS_FLUSH_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  JOB_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  JOB_BACKOFF_MS: z.coerce.number().int().min(1).default(1000),
  /** How often BullMQ looks for jobs whose worker died (lock expired). */
  STALLED_INTERVAL_MS: z.coerce.number().int().min(500).default(30_000),
  LOCK_DURATION_MS: z.coerce.number().int().min(500).default(30_000),
  /** Total time a fetch may take, redirects and body included. */
  FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  /** Time from sending a request to the end of the response headers. */
  FETCH_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  /** Longest silence between two pieces of a response body. */
  FETCH_BODY_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  FETCH_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  /** Largest document body, in characters after cleaning; a longer one fails for good at normalize. */
  MAX_DOCUMENT_CHARS: z.coerce.number().int().min(1000).default(500_000),
  /** Hosts, addresses and networks (CIDR) exempt from SSRF protection, comma-separated. */
  FETCH_ALLOW_HOSTS: commaList,
  /** Turns SSRF protection off entirely (a trusted network only). */
  FETCH_ALLOW_PRIVATE: booleanString.default(false),
  FETCH_MAX_REDIRECTS: z.coerce.number().int().min(0).max(20).default(5),
  FETCH_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Least time between two requests to one host, across all workers (robots.txt Crawl-delay can raise it). */
  FETCH_HOST_INTERVAL_MS: z.coerce.number().int().min(0).default(1000),
  /** The longest robots.txt Crawl-delay obeyed; a longer one is capped to this. */
  FETCH_MAX_CRAWL_DELAY_MS: z.coerce.number().int().min(0).default(60_000),
  /**
   * Folders that file sources must lie in, comma-separated, checked on the real
   * path at read time. Empty: the working directory and the OS temp folder.
   */
  FILE_SOURCE_ROOTS: commaList.transform((roots) =>
    roots.length > 0 ? roots.map((root) => resolve(root)) : [process.cwd(), tmpdir()],
  ),
  /** The shortest interval a schedule may have between two runs. */
  SCHEDULE_MIN_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  /** How many sources, and how many schedules, the registry accepts. */
  MAX_SOURCES: z.coerce.number().int().min(1).default(10_000),
  MAX_SCHEDULES: z.coerce.number().int().min(0).default(1_000),
  /** Threads that run the CPU-bound stages; 0: one per core. */
  STAGE_THREADS: z.coerce
    .number()
    .int()
    .min(0)
    .max(64)
    .default(0)
    .transform((n) => (n === 0 ? availableParallelism() : n)),
  /** Time a CPU-bound stage may spend on one document before its thread is stopped. */
  STAGE_TIME_LIMIT_MS: z.coerce.number().int().min(100).default(30_000),
  /** Budgets of a CPU-bound stage's input: characters, HTML elements, entity mentions. */
  STAGE_MAX_CHARS: z.coerce.number().int().min(1000).default(500_000),
  STAGE_MAX_ELEMENTS: z.coerce.number().int().min(100).default(50_000),
  STAGE_MAX_MENTIONS: z.coerce.number().int().min(100).default(50_000),
  /** The product token matched against robots.txt rules, also sent in User-Agent. */
  ROBOTS_USER_AGENT: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "a robots.txt product token: letters, digits, - and _")
    .default("Lodestone"),
  /** Port and address of the operator HTTP API (`lodestone api`). */
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  /** Loopback by default: put a TLS proxy in front before exposing it (README). */
  API_HOST: z.string().min(1).default("127.0.0.1"),
  /** Bearer token the HTTP API requires; `lodestone api` refuses to start without it. */
  LODESTONE_API_KEY: z
    .string()
    .regex(/^\S{16,}$/, "at least 16 characters, none of them blank")
    .optional(),
  /** Bring up a local Redis/OpenSearch (infra/local) when the URLs do not answer. */
  LODESTONE_AUTO_INFRA: booleanString.default(true),
  /** Where local infrastructure keeps downloads, data and logs. */
  LODESTONE_HOME: z.string().optional(),
  OPENSEARCH_VERSION: z
    .string()
    .regex(/^2\.\d+\.\d+$/, "an OpenSearch 2.x version such as 2.16.0")
    .default("2.16.0"),
  OPENSEARCH_HEAP: z
    .string()
    .regex(/^\d+[mg]$/, "a JVM heap size such as 512m or 1g")
    .default("512m"),
  /** Unprivileged user that runs the local OpenSearch when started as root. */
  OPENSEARCH_RUN_AS: z.string().default("lodestone"),
  JAVA_HOME: z.string().optional(),
  HOME: z.string().optional(),
  XDG_CACHE_HOME: z.string().optional(),
  /** OpenSearch Dashboards, where `lodestone dashboards import` sends the saved objects. */
  DASHBOARDS_URL: z.url().default("http://127.0.0.1:5601"),
});

export type Config = Readonly<z.infer<typeof configSchema> & { home: string }>;

/** The state folder: LODESTONE_HOME, else a cache folder an unprivileged OpenSearch user can read. */
function resolveHome(parsed: z.infer<typeof configSchema>): string {
  if (parsed.LODESTONE_HOME) return parsed.LODESTONE_HOME;
  // root's home is mode 700, and OpenSearch must run as another user.
  if (process.getuid?.() === 0) return "/var/lib/lodestone";
  const cache = parsed.XDG_CACHE_HOME ?? join(parsed.HOME ?? homedir(), ".cache");
  return join(cache, "lodestone");
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) =>
        `  ${issue.path.join(".")}=${JSON.stringify(env[String(issue.path[0])])}: ${issue.message}`,
    );
    throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
  }
  return Object.freeze({ ...result.data, home: resolveHome(result.data) });
}

/** Every variable the configuration reads, for documentation checks. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(configSchema.shape);
