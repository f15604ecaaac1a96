import { Client } from "@opensearch-project/opensearch";
import type { Config } from "./config.ts";

export type { Client as OpenSearchClient };

export function createOpenSearch(
  config: Pick<
    Config,
    "OPENSEARCH_URL" | "OPENSEARCH_USERNAME" | "OPENSEARCH_PASSWORD" | "OPENSEARCH_TLS_INSECURE"
  >,
): Client {
  const auth =
    config.OPENSEARCH_USERNAME !== undefined
      ? { username: config.OPENSEARCH_USERNAME, password: config.OPENSEARCH_PASSWORD ?? "" }
      : undefined;
  return new Client({
    node: config.OPENSEARCH_URL,
    ...(auth ? { auth } : {}),
    ssl: { rejectUnauthorized: !config.OPENSEARCH_TLS_INSECURE },
    // The bulk indexer owns retries so that it can sort item results itself.
    maxRetries: 0,
    requestTimeout: 30_000,
  });
}

/**
 * A search with a free-form body. The client's generated request types lag
 * behind the query DSL (a terms aggregation's `field` is missing from them),
 * so aggregations go through the transport with the same client settings.
 */
export async function searchRaw<T>(
  client: Client,
  index: string,
  body: Record<string, unknown>,
): Promise<T> {
  const response = await client.transport.request({
    method: "POST",
    path: `/${encodeURIComponent(index)}/_search`,
    body,
  });
  return response.body as T;
}
