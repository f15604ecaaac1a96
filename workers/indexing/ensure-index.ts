/**
 * The alias and the versioned index behind it. The template is written on
 * every start (it is idempotent and carries its version); the first index is
 * created only when the alias does not exist yet.
 */
import { indexTemplate } from "../../infra/opensearch/index-template.ts";
import type { OpenSearchClient } from "../../shared/opensearch.ts";

export function templateName(alias: string): string {
  return `${alias}-template`;
}

export function versionedIndexName(alias: string, version: number): string {
  return `${alias}-v${version}`;
}

export async function ensureIndex(
  client: OpenSearchClient,
  alias: string,
): Promise<{ index: string; created: boolean }> {
  await client.indices.putIndexTemplate({ name: templateName(alias), body: indexTemplate(alias) });
  const existing = await client.indices.getAlias({ name: alias }, { ignore: [404] });
  const indices = existing.statusCode === 404 ? [] : Object.keys(existing.body ?? {});
  const current = indices.sort().pop();
  if (current) return { index: current, created: false };
  const index = versionedIndexName(alias, 1);
  const response = await client.indices.create(
    { index, body: { aliases: { [alias]: { is_write_index: true } } } },
    { ignore: [400] },
  );
  // 400 resource_already_exists: another process created it first; that is fine.
  return { index, created: response.statusCode === 200 };
}
