/**
 * Brings up a real Redis and a real OpenSearch once for the integration run,
 * unless REDIS_URL / OPENSEARCH_URL already answer (infra/local does the
 * deciding, exactly as for the main job). They are left running afterwards:
 * starting OpenSearch costs tens of seconds, and `lodestone infra down` stops it.
 */
import { ensureInfrastructure } from "../../infra/local/local-infrastructure.ts";
import { loadConfig } from "../../shared/config.ts";
import { createLogger } from "../../shared/logger.ts";

export default async function setup(): Promise<void> {
  const config = loadConfig({ ...process.env, LOG_FORMAT: "json" });
  await ensureInfrastructure(config, createLogger(config, "test-setup"));
}
