/** Does a Redis / an OpenSearch answer at a URL? Short timeouts: this decides whether to start our own. */
import { Redis } from "ioredis";

export async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on("error", () => {
    // Reported through the failed ping below.
  });
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export async function opensearchHealth(url: string, auth?: string): Promise<string | undefined> {
  try {
    const response = await fetch(new URL("/_cluster/health", url), {
      signal: AbortSignal.timeout(3000),
      ...(auth ? { headers: { authorization: auth } } : {}),
    });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { status?: string };
    return body.status;
  } catch {
    return undefined;
  }
}

export async function opensearchAnswers(url: string, auth?: string): Promise<boolean> {
  const status = await opensearchHealth(url, auth);
  return status === "green" || status === "yellow";
}

export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "::1" || host === "[::1]" || host.startsWith("127.");
}
