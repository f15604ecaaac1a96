/** Starts the operator HTTP API with its own connections; refuses to start without an API key. */
import type { Config } from "../../shared/config.ts";
import { CriticalError } from "../../shared/errors.ts";
import type { Logger } from "../../shared/logger.ts";
import { createOpenSearch } from "../../shared/opensearch.ts";
import { createRedis } from "../../shared/redis.ts";
import { DeadLetters } from "../indexing/dead-letters.ts";
import { MetricsStore } from "../metrics/metrics-store.ts";
import { closeQueueSet, createQueueSet } from "../runtime/queue-set.ts";
import { SourceRegistry } from "../sources/source-registry.ts";
import { SourceService, sourceLimitsOf } from "../sources/source-service.ts";
import { buildApi } from "./api-server.ts";

export interface RunningApi {
  /** Where it listens, e.g. http://127.0.0.1:8080 */
  url: string;
  close(): Promise<void>;
}

export async function startApi(config: Config, log: Logger): Promise<RunningApi> {
  const apiKey = config.LODESTONE_API_KEY;
  if (!apiKey) {
    throw new CriticalError(
      "LODESTONE_API_KEY is not set: the API will not start without it " +
        "(every route but /health requires Authorization: Bearer <LODESTONE_API_KEY>; " +
        "use a random string of 16 characters or more, e.g. `openssl rand -hex 32`)",
    );
  }
  // Not the worker settings: a request should fail fast when Redis is away, not wait for it.
  const redis = createRedis(config, false);
  const opensearch = createOpenSearch(config);
  const queues = createQueueSet(config, redis);
  const app = await buildApi({
    apiKey,
    log,
    redis,
    opensearch,
    queues,
    metrics: new MetricsStore(redis, config.QUEUE_PREFIX),
    deadLetters: new DeadLetters(redis, config.QUEUE_PREFIX),
    service: new SourceService(
      new SourceRegistry(redis, config.QUEUE_PREFIX),
      queues,
      sourceLimitsOf(config),
    ),
  });
  const url = await app.listen({ port: config.PORT, host: config.API_HOST });
  log.info({ url, queues: `${url}/queues` }, "API listening");
  return {
    url,
    async close() {
      await app.close();
      await closeQueueSet(queues);
      await opensearch.close();
      redis.disconnect();
    },
  };
}
