/** The sink: a contract document → the bulk indexer → the source state. */
import { toSearchDocument, withExplicitNulls } from "../../pipelines/index/to-search-document.ts";
import type { StageContext } from "../../pipelines/stage.ts";
import { lodestoneDocumentSchema } from "../../shared/document.ts";
import { PermanentError } from "../../shared/errors.ts";
import type { IndexJobResult } from "../../shared/queues.ts";
import type { BulkIndexer } from "../indexing/bulk-indexer.ts";
import type { DeadLetters } from "../indexing/dead-letters.ts";
import type { SourceState } from "./source-state.ts";
import type { StageHandler } from "./stage-worker.ts";

export function indexHandler(
  indexer: BulkIndexer,
  state: SourceState,
  deadLetters: DeadLetters,
  concurrency: number,
): StageHandler<IndexJobResult> {
  return {
    name: "index",
    concurrency,
    async handle(payload: unknown, _runId: string, ctx: StageContext): Promise<IndexJobResult> {
      const doc = lodestoneDocumentSchema.parse(payload);
      const item = await indexer
        .index(doc.id, withExplicitNulls(toSearchDocument(doc)))
        .catch(async (error: unknown) => {
          if (error instanceof PermanentError) {
            await deadLetters.record({
              docId: doc.id,
              sourceId: doc.source.id,
              reason: error.message,
            });
          }
          throw error;
        });
      await state.indexed(doc.source.id, doc.id, doc.content_hash);
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
