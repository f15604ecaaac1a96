/**
 * What every stage is: a typed function from one input document to zero or
 * more output documents, with no Redis and no OpenSearch in sight. The
 * workers bind stages to queues (workers/runtime/stage-worker.ts); `lodestone process`
 * runs them in-process (pipelines/run-in-process.ts).
 */
import type { Logger } from "pino";

export interface StageContext {
  log: Logger;
  /** Aborted when the worker shuts down; long stages should stop early. */
  signal?: AbortSignal;
}

export type StageFunction<I, O> = (input: I, ctx: StageContext) => Promise<O[]> | O[];
