/**
 * `lodestone index migrate`: a mapping change is a reindex and an alias swap,
 * never downtime. The next versioned index is created from the current
 * template, documents are copied with `_reindex` while the alias keeps
 * serving the old index, then the alias moves in one atomic `_aliases` call.
 * A second, create-only pass carries over documents that were added to the
 * old index during the copy. The old index stays until it is dropped.
 */

import { sleep } from "../../infra/local/run-command.ts";
import {
  type IndexSizing,
  indexTemplate,
  SINGLE_NODE,
} from "../../infra/opensearch/index-template.ts";
import type { Logger } from "../../shared/logger.ts";
import type { OpenSearchClient } from "../../shared/opensearch.ts";
import { templateName, versionedIndexName } from "./ensure-index.ts";

export interface MigrationResult {
  from: string;
  to: string;
  copied: number;
  caughtUp: number;
}

interface TaskStatus {
  completed: boolean;
  task: { status: { total: number; created: number; updated: number } };
  response?: { failures?: unknown[]; created?: number };
  error?: { reason?: string };
}

export async function aliasTargets(client: OpenSearchClient, alias: string): Promise<string[]> {
  const response = await client.indices.getAlias({ name: alias }, { ignore: [404] });
  return response.statusCode === 404 ? [] : Object.keys(response.body ?? {}).sort();
}

function versionOf(index: string, alias: string): number {
  const match = new RegExp(`^${alias}-v(\\d+)$`).exec(index);
  return match?.[1] ? Number(match[1]) : 0;
}

async function reindex(
  client: OpenSearchClient,
  body: Record<string, unknown>,
  onProgress: (done: number, total: number) => void,
): Promise<number> {
  const started = await client.transport.request({
    method: "POST",
    path: "/_reindex",
    querystring: { wait_for_completion: "false", refresh: "true" },
    body,
  });
  const taskId = (started.body as { task: string }).task;
  for (;;) {
    const { body: status } = (await client.transport.request({
      method: "GET",
      path: `/_tasks/${taskId}`,
    })) as {
      body: TaskStatus;
    };
    const done = status.task.status.created + status.task.status.updated;
    onProgress(done, status.task.status.total);
    if (status.completed) {
      if (status.error)
        throw new Error(`reindex failed: ${status.error.reason ?? "unknown reason"}`);
      const failures = status.response?.failures ?? [];
      if (failures.length > 0)
        throw new Error(
          `reindex failed for ${failures.length} document(s): ${JSON.stringify(failures[0])}`,
        );
      return status.response?.created ?? done;
    }
    await sleep(250);
  }
}

export async function migrateIndex(
  client: OpenSearchClient,
  alias: string,
  log: Logger,
  onProgress: (done: number, total: number) => void = () => {},
  sizing: IndexSizing = SINGLE_NODE,
): Promise<MigrationResult> {
  const targets = await aliasTargets(client, alias);
  const from = targets.at(-1);
  if (!from || targets.length !== 1) {
    throw new Error(
      `alias ${alias} must point at exactly one index to migrate (it points at ${targets.length})`,
    );
  }
  const to = versionedIndexName(alias, versionOf(from, alias) + 1);
  await client.indices.putIndexTemplate({
    name: templateName(alias),
    body: indexTemplate(alias, sizing),
  });
  await client.indices.create({ index: to });
  log.info({ from, to }, "copying documents into the new index");
  const copied = await reindex(
    client,
    { source: { index: from }, dest: { index: to } },
    onProgress,
  );
  await client.indices.updateAliases({
    body: {
      actions: [
        { remove: { index: from, alias } },
        { add: { index: to, alias, is_write_index: true } },
      ],
    },
  });
  log.info({ from, to, copied }, "alias swapped");
  // Writes that reached the old index during the copy: create what the new one lacks.
  const caughtUp = await reindex(
    client,
    { conflicts: "proceed", source: { index: from }, dest: { index: to, op_type: "create" } },
    () => {},
  );
  return { from, to, copied, caughtUp };
}
