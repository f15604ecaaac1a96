/** The sink as a queue handler: a contract document → the bulk indexer → the sink's hook. */

import { toSearchDocument, withExplicitNulls } from "../../pipelines/index/to-search-document.ts";
import type { SinkStage } from "../../pipelines/pipeline.ts";
import type { SourceLedger, StageContext } from "../../pipelines/stage.ts";
import { PermanentError } from "../../shared/errors.ts";
import type { BulkIndexer } from "../indexing/bulk-indexer.ts";
import type { DeadLetters } from "../indexing/dead-letters.ts";
import { childJobId, type IndexJobResult } from "./job-data.ts";
import type { StageHandler } from "./stage-worker.ts";

export interface SinkDeps {
  indexer: BulkIndexer;
  ledger: SourceLedger;
  deadLetters: DeadLetters;
  concurrency: number;
}

/** Indexes each document; a document OpenSearch refuses for good goes to the dead letters with its reason. */
export function indexHandler(sink: SinkStage, deps: SinkDeps): StageHandler<IndexJobResult> {
  return {
    name: sink.name,
    concurrency: deps.concurrency,
    async handle(payload: unknown, runId: string, ctx: StageContext): Promise<IndexJobResult> {
      const doc = sink.parse(payload);
      const item = await deps.indexer
        .index(doc.id, withExplicitNulls(toSearchDocument(doc)))
        .catch(async (error: unknown) => {
          if (error instanceof PermanentError) {
            await deps.deadLetters.record({
              docId: doc.id,
              sourceId: doc.source.id,
              // This job's own id (job ids are deterministic): `dead-letters retry` replays it.
              jobId: childJobId(runId, sink.name, doc.id),
              reason: error.message,
            });
          }
          throw error;
        });
      await sink.stored(doc, { runId, sources: deps.ledger });
      ctx.log.debug({ result: item.result, version: item.version }, "indexed");
      return {
        docId: doc.id,
        lang: doc.lang,
        result: item.result,
        version: item.version,
        entities: doc.entities.length,
        repairs: doc.repairs.map(({ kind, count }) => ({ kind, count })),
      };
    },
  };
}
