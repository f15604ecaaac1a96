/**
 * The alias and the versioned index behind it. The template is written on
 * every start (it is idempotent and carries its version); the first index is
 * created only when the alias does not exist yet.
 */
import {
  type IndexSizing,
  indexTemplate,
  SINGLE_NODE,
} from "../../infra/opensearch/index-template.ts";
import type { Config } from "../../shared/config.ts";
import type { OpenSearchClient } from "../../shared/opensearch.ts";

export function templateName(alias: string): string {
  return `${alias}-template`;
}

export function versionedIndexName(alias: string, version: number): string {
  return `${alias}-v${version}`;
}

/** The index sizing the configuration asks for. */
export function indexSizingOf(config: Config): IndexSizing {
  return {
    shards: config.INDEX_SHARDS,
    replicas: config.INDEX_REPLICAS,
    refreshInterval: config.INDEX_REFRESH_INTERVAL,
  };
}

/**
 * Writes the template and creates the first versioned index when the alias
 * has none; a live index gets the dynamic settings (replicas, refresh
 * interval) of `sizing`, so an operator can change them with a restart.
 */
export async function ensureIndex(
  client: OpenSearchClient,
  alias: string,
  sizing: IndexSizing = SINGLE_NODE,
): Promise<{ index: string; created: boolean }> {
  await client.indices.putIndexTemplate({
    name: templateName(alias),
    body: indexTemplate(alias, sizing),
  });
  const existing = await client.indices.getAlias({ name: alias }, { ignore: [404] });
  const indices = existing.statusCode === 404 ? [] : Object.keys(existing.body ?? {});
  const current = indices.sort().pop();
  if (current) {
    await client.indices.putSettings({
      index: current,
      body: {
        index: {
          number_of_replicas: sizing.replicas,
          refresh_interval: sizing.refreshInterval,
        },
      },
    });
    return { index: current, created: false };
  }
  const index = versionedIndexName(alias, 1);
  const response = await client.indices.create(
    { index, body: { aliases: { [alias]: { is_write_index: true } } } },
    { ignore: [400] },
  );
  // 400 resource_already_exists: another process created it first; that is fine.
  return { index, created: response.statusCode === 200 };
}
