import { type OpenSearchClient, searchRaw } from "../../shared/opensearch.ts";
import type { IndexStats } from "../runs/run-summary.ts";

export async function indexStats(client: OpenSearchClient, alias: string): Promise<IndexStats> {
  await client.indices.refresh({ index: alias });
  const body = await searchRaw<{
    hits: { total: { value: number } | number };
    aggregations?: { lang?: { buckets: Array<{ key: string; doc_count: number }> } };
  }>(client, alias, {
    size: 0,
    track_total_hits: true,
    aggs: { lang: { terms: { field: "lang", size: 50 } } },
  });
  const total = typeof body.hits.total === "number" ? body.hits.total : body.hits.total.value;
  const byLang = Object.fromEntries(
    (body.aggregations?.lang?.buckets ?? []).map((bucket) => [bucket.key, bucket.doc_count]),
  );
  return { alias, total, byLang };
}
