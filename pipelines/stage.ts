/**
 * What every stage is: a typed function from one input document to zero or
 * more output documents, with no Redis and no OpenSearch in sight, plus what
 * the stage says about itself (hooks, cost). The workers bind stages to
 * queues (workers/runtime/); `lodestone process` runs them in-process
 * (pipelines/run-in-process.ts).
 */
import type { Logger } from "pino";

export interface StageContext {
  log: Logger;
  /** Aborted when the worker shuts down; long stages should stop early. */
  signal?: AbortSignal;
}

export type StageFunction<I, O> = (input: I, ctx: StageContext) => Promise<O[]> | O[];

/** What the last complete run of a source saw: lets fetch skip an unchanged source. */
export interface PreviousFetch {
  content_hash?: string;
  etag?: string;
  last_modified?: string;
  /** The charset the source's last document was decoded with: a prior for short, undeclared bytes. */
  encoding?: string;
}

/**
 * The runtime's memory of sources across runs, as the stage hooks see it
 * (kept in Redis by workers/runtime/source-state.ts).
 */
export interface SourceLedger {
  /** What the last complete run of the source saw, unless that run is `exceptRun`. */
  previousFor(sourceId: string, options: { exceptRun: string }): Promise<PreviousFetch | undefined>;
  /** Remembers the charset of this content and the server's validators, for the next fetch. */
  fetched(
    sourceId: string,
    contentHash: string,
    facts: { etag?: string; last_modified?: string; encoding?: string },
  ): Promise<void>;
  /** Remembers how many documents this content fans out to, so the source counts as done once all are indexed. */
  expect(sourceId: string, contentHash: string, documents: number, runId: string): Promise<void>;
  /** Remembers that one of those documents is indexed. */
  indexed(sourceId: string, docId: string, contentHash: string): Promise<void>;
}

/** What the runtime hands a stage's hooks. */
export interface HookContext {
  runId: string;
  sources: SourceLedger;
}

/**
 * Optional behaviour a stage declares beside its function. The runtime calls
 * these on the queues; `lodestone process` runs without them.
 */
export interface StageHooks<I, O> {
  /** Before the stage runs: adds what it needs from outside (the source's last run). */
  prepare?(input: I, ctx: HookContext): Promise<I>;
  /** After it ran, before its outputs are handed on: records what it produced. */
  completed?(input: I, outputs: O[], ctx: HookContext): Promise<void>;
}

/**
 * How a stage spends its time, for the worker pool: `io` waits on the
 * network or disk and can run many jobs at once; `cpu` computes and is worth
 * running on every core.
 */
export type CostClass = "io" | "cpu";

/**
 * Runs a stage's function somewhere else on plain JSON (the runtime's pool
 * of worker threads, for `cpu` stages): the stage's name and its validated
 * input → its outputs, to be validated again where they arrive. `onWork`,
 * when given, is told the milliseconds the function itself ran there (the
 * wait for a free thread left out).
 */
export type StageOffload = (
  stage: string,
  input: unknown,
  onWork?: (ms: number) => void,
) => Promise<unknown[]>;
