/** Where local infrastructure lives under LODESTONE_HOME. */
import { join } from "node:path";

export interface LocalPaths {
  home: string;
  downloads: string;
  opensearch: string;
  opensearchData: string;
  opensearchLogs: string;
  opensearchPid: string;
  redisDir: string;
  redisPid: string;
  redisLog: string;
}

export function localPaths(home: string, opensearchVersion: string): LocalPaths {
  return {
    home,
    downloads: join(home, "downloads", opensearchVersion),
    opensearch: join(home, `opensearch-${opensearchVersion}`),
    opensearchData: join(home, "opensearch-data"),
    opensearchLogs: join(home, "opensearch-logs"),
    opensearchPid: join(home, "opensearch-logs", "opensearch.pid"),
    redisDir: join(home, "redis"),
    redisPid: join(home, "redis", "redis.pid"),
    redisLog: join(home, "redis", "redis.log"),
  };
}
