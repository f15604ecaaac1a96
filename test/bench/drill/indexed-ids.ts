/** Every document id in an index with its version, read with the scroll API (beyond the 10,000-hit window). */
import type { OpenSearchClient } from "../../../shared/opensearch.ts";

export interface IndexedId {
  id: string;
  version: number;
}

interface Page {
  _scroll_id?: string;
  hits: { hits: Array<{ _id: string; _version?: number }> };
}

/** The ids and versions of every document behind `index`. */
export async function indexedIds(client: OpenSearchClient, index: string): Promise<IndexedId[]> {
  await client.indices.refresh({ index });
  const ids: IndexedId[] = [];
  let page = (
    await client.search({
      index,
      scroll: "2m",
      body: { size: 5000, version: true, _source: false, query: { match_all: {} } },
    })
  ).body as unknown as Page;
  while (page.hits.hits.length > 0) {
    for (const hit of page.hits.hits) ids.push({ id: hit._id, version: hit._version ?? 1 });
    if (!page._scroll_id) break;
    page = (await client.scroll({ scroll_id: page._scroll_id, scroll: "2m" }))
      .body as unknown as Page;
  }
  if (page._scroll_id)
    await client.clearScroll({ scroll_id: page._scroll_id }).catch(() => undefined);
  return ids;
}
