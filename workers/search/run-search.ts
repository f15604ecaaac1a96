/**
 * Runs a search against the alias: the main query, then a second query for
 * the counterparts of the bilingual documents among the hits. Connection and
 * query errors become messages an analyst can act on.
 */
import { errors } from "@opensearch-project/opensearch";
import { CriticalError, errorMessage } from "../../shared/errors.ts";
import { type OpenSearchClient, searchRaw } from "../../shared/opensearch.ts";
import { buildCounterpartBody, buildSearchBody, type SearchOptions } from "./search-query.ts";
import {
  type Counterpart,
  counterpartIds,
  type SearchResult,
  searchResponseSchema,
  toCounterparts,
  toSearchResult,
} from "./search-result.ts";

const QUERY_SYNTAX_HINT =
  " (query_string syntax: close quotes and brackets, escape special characters such as : / ( ) with a backslash)";

export class SearchError extends CriticalError {
  override name = "SearchError";
}

function reasonOf(error: InstanceType<typeof errors.ResponseError>): string {
  const body: unknown = error.meta.body;
  if (typeof body === "object" && body !== null && "error" in body) {
    const inner = body.error;
    if (typeof inner === "object" && inner !== null) {
      const rootCause =
        "root_cause" in inner && Array.isArray(inner.root_cause) ? inner.root_cause[0] : inner;
      if (typeof rootCause === "object" && rootCause !== null && "reason" in rootCause) {
        return String(rootCause.reason);
      }
    }
  }
  return error.message;
}

async function rawSearch(
  client: OpenSearchClient,
  url: string,
  alias: string,
  body: Record<string, unknown>,
) {
  try {
    return searchResponseSchema.parse(await searchRaw<unknown>(client, alias, body));
  } catch (error) {
    if (
      error instanceof errors.ConnectionError ||
      error instanceof errors.NoLivingConnectionsError
    ) {
      throw new SearchError(
        `OpenSearch does not answer at ${url} (${errorMessage(error)}); is it running? (OPENSEARCH_URL, or \`lodestone infra up\`)`,
      );
    }
    if (error instanceof errors.TimeoutError) {
      throw new SearchError(`OpenSearch at ${url} did not answer in time`);
    }
    if (error instanceof errors.ResponseError) {
      if (error.statusCode === 404) {
        throw new SearchError(
          `no index behind the alias ${alias} at ${url}: nothing has been indexed yet`,
        );
      }
      throw new SearchError(
        `OpenSearch rejected the search (HTTP ${error.statusCode}): ${reasonOf(error)}${error.statusCode === 400 ? QUERY_SYNTAX_HINT : ""}`,
      );
    }
    throw error;
  }
}

export async function runSearch(
  client: OpenSearchClient,
  target: { url: string; alias: string },
  options: SearchOptions,
): Promise<SearchResult> {
  const response = await rawSearch(client, target.url, target.alias, buildSearchBody(options));
  const ids = counterpartIds(response);
  let counterparts = new Map<string, Counterpart>();
  if (ids.length > 0) {
    counterparts = toCounterparts(
      await rawSearch(client, target.url, target.alias, buildCounterpartBody(ids)),
    );
  }
  return toSearchResult(options.query, response, counterparts);
}
