/**
 * The pipeline, declared once: the stages in order, what each accepts and
 * emits, how it spends its time, and the hooks through which it remembers
 * sources across runs. The runtime (workers/runtime/) and `lodestone process`
 * (run-in-process.ts) read this and nothing else; no other file names a stage.
 *
 * The "unchanged source" feature, whole: fetch is prepared with what the
 * last complete run saw and yields nothing when the source is unchanged;
 * fetch remembers the server's validators, language how many documents the
 * content fans out to, index each document it stored. A source counts as
 * done for a content hash once all its documents are indexed.
 */
import type { z } from "zod";
import {
  fetchedDocumentSchema,
  type LodestoneDocument,
  languageDocumentSchema,
  lodestoneDocumentSchema,
  normalizedDocumentSchema,
  type SourceRef,
} from "../shared/document.ts";
import { BudgetExceededError } from "../shared/errors.ts";
import { checkBudget, countElements, DEFAULT_STAGE_BUDGETS, type StageBudgets } from "./budgets.ts";
import { type FetchOptions, fetchRequestSchema } from "./fetch/fetch-types.ts";
import { expandFolder } from "./fetch/list-folder.ts";
import type {
  CostClass,
  HookContext,
  StageContext,
  StageFunction,
  StageHooks,
  StageOffload,
} from "./stage.ts";

/** Every stage, in order; each has a queue of its own. */
export const STAGE_NAMES = ["fetch", "normalize", "language", "enrich", "index"] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** True when `name` is one of the pipeline's stages. */
export function isStageName(name: string): name is StageName {
  return (STAGE_NAMES as readonly string[]).includes(name);
}

/** Where sources enter: operators and schedules add jobs here. */
export const ENTRY_STAGE: StageName = "fetch";
/** The last stage: it stores documents and hands nothing on (bound in workers/ to OpenSearch). */
export const SINK_STAGE: StageName = "index";

export interface StageOutput {
  /** The document id the output carries: names child jobs and log lines. */
  id: string;
  doc: unknown;
}

/** A stage that turns one document into documents for the next stage. */
export interface TransformStage {
  name: StageName;
  next: StageName;
  cost: CostClass;
  /**
   * A cpu stage's share of the CPU per document, relative to the others (ms per
   * document on the bench corpus, `npm run bench`): how the runtime balances its
   * stage threads. 0 for io stages.
   */
  cpuShare: number;
  /** No output means the source is unchanged since its last complete run (fetch). */
  emptyMeansUnchanged: boolean;
  /** An input that stands for many sources (a folder): those sources, to run this stage on instead; null runs it as it is. */
  expand?(input: unknown): Promise<SourceRef[] | null>;
  /**
   * Validates the input, runs the stage, validates every output. With `hooks`,
   * the stage's prepare and completed hooks run around it (on the queues);
   * with `offload`, the stage's function runs there (the runtime's threads)
   * while the hooks stay here.
   */
  run(
    input: unknown,
    ctx: StageContext,
    hooks?: HookContext,
    offload?: StageOffload,
  ): Promise<StageOutput[]>;
  /**
   * The stage's function alone, on plain JSON: input validated and within
   * its budgets, outputs validated. No hooks: what a worker thread runs.
   */
  compute(input: unknown, ctx: StageContext): Promise<unknown[]>;
  /** Loads what the stage's function needs (models, dictionaries) before its first input. */
  load(): Promise<void>;
}

/** The last stage, bound to OpenSearch by the runtime. */
export interface SinkStage {
  name: StageName;
  cost: CostClass;
  parse(input: unknown): LodestoneDocument;
  /** After the document is stored. */
  stored(doc: LodestoneDocument, hooks: HookContext): Promise<void>;
}

interface StageDeclaration<I, O> {
  name: StageName;
  next: StageName;
  input: z.ZodType<I>;
  output: z.ZodType<O>;
  fn: StageFunction<I, O> | LazyStageFunction<I, O>;
  cost: CostClass;
  cpuShare?: number;
  hooks?: StageHooks<I, O>;
  emptyMeansUnchanged?: boolean;
  expand?: (input: I) => Promise<SourceRef[] | null>;
  /** Refuses, before any work, an input over one of the stage's budgets. */
  budget?: (input: I) => void;
  /** Checked on every output: the budget it is over, as a reason, or null (a permanent failure). */
  outputBudget?: (output: O) => string | null;
}

/**
 * A stage function whose module is imported on first use. The CPU-bound
 * stages stand on models that take seconds and a few hundred MB to load;
 * every process that only needs the pipeline's shape (the CLI, the API, a
 * workers process whose CPU stages run in threads) must not pay for them.
 */
interface LazyStageFunction<I, O> {
  lazy: () => Promise<StageFunction<I, O>>;
}

/** The first call's promise, for every later call. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load();
    return loaded;
  };
}

/**
 * The stage modules, each imported once per process however many pipelines
 * are built (`lodestone process DIR` builds one per source): a dynamic import
 * goes through the module loader every time, even for a module it has.
 */
const stageModules = {
  fetch: once(() => import("./fetch/fetch-source.ts")),
  normalize: once(() => import("./normalize/normalize.ts")),
  language: once(() => import("./language/detect-and-split.ts")),
  enrich: once(() => import("./enrich/enrich.ts")),
};

function loader<I, O>(
  fn: StageFunction<I, O> | LazyStageFunction<I, O>,
): () => Promise<StageFunction<I, O>> {
  if (typeof fn === "function") return () => Promise.resolve(fn);
  return once(fn.lazy);
}

function expanderOf<I>(
  input: z.ZodType<I>,
  expand: (input: I) => Promise<SourceRef[] | null>,
): (raw: unknown) => Promise<SourceRef[] | null> {
  return (raw) => expand(input.parse(raw));
}

function defineStage<I, O extends { id: string }>(d: StageDeclaration<I, O>): TransformStage {
  const load = loader(d.fn);
  return {
    name: d.name,
    next: d.next,
    cost: d.cost,
    cpuShare: d.cpuShare ?? 0,
    emptyMeansUnchanged: d.emptyMeansUnchanged ?? false,
    ...(d.expand ? { expand: expanderOf(d.input, d.expand) } : {}),
    async run(raw, ctx, hookCtx, offload) {
      // An offloaded stage's thread validates its input and outputs itself (compute()), and a
      // structured clone alters nothing on the way back: here the input is parsed only for the
      // hooks, which read it typed.
      const hooked = hookCtx !== undefined && d.hooks !== undefined;
      let input = offload && !hooked ? (raw as I) : d.input.parse(raw);
      if (hookCtx && d.hooks?.prepare) input = await d.hooks.prepare(input, hookCtx);
      const results = offload ? ((await offload(d.name, input)) as O[]) : await compute(input, ctx);
      if (hookCtx && d.hooks?.completed) await d.hooks.completed(input, results, hookCtx);
      return results.map((doc) => ({ id: doc.id, doc }));
    },
    compute: (raw, ctx) => compute(d.input.parse(raw), ctx),
    load: async () => {
      await load();
    },
  };
  async function compute(input: I, ctx: StageContext): Promise<O[]> {
    d.budget?.(input);
    const fn = await load();
    const results = await fn(input, ctx);
    for (const result of results) {
      const over = d.outputBudget?.(result);
      if (over) throw new BudgetExceededError(`${result.id}: ${over}`);
    }
    return results.map((doc) => d.output.parse(doc));
  }
}

export interface PipelineOptions extends FetchOptions {
  /** Size budgets of the CPU-bound stages; DEFAULT_STAGE_BUDGETS when absent. */
  budgets?: StageBudgets;
}

/**
 * The body-size budget of a cleaned document (MAX_DOCUMENT_CHARS). The later
 * stages are CPU-bound and roughly linear in it, and no article is this
 * long: a body over it is binary or a dump, refused with its size.
 */
function bodyBudget(maxChars: number) {
  return (doc: { body: string }): string | null =>
    doc.body.length > maxChars
      ? `body is ${doc.body.length} characters after cleaning, over the budget of ${maxChars} (MAX_DOCUMENT_CHARS)`
      : null;
}

export interface Pipeline {
  /** The transform stages in order, from ENTRY_STAGE to the one before SINK_STAGE. */
  transforms: TransformStage[];
  sink: SinkStage;
}

/** The pipeline with its fetch options (timeouts, size cap, the http fetcher). */
export function buildPipeline(options: PipelineOptions): Pipeline {
  const budgets = options.budgets ?? DEFAULT_STAGE_BUDGETS;
  const chars = (stage: StageName, text: string) =>
    checkBudget(stage, "characters", text.length, budgets.maxChars, "STAGE_MAX_CHARS");
  const transforms = [
    defineStage({
      name: "fetch",
      next: "normalize",
      input: fetchRequestSchema,
      output: fetchedDocumentSchema,
      fn: {
        lazy: async () => (await stageModules.fetch()).createFetchStage(options),
      },
      cost: "io",
      emptyMeansUnchanged: true,
      expand: (request) => expandFolder(request.source, options.fileRoots),
      hooks: {
        async prepare(request, { runId, sources }) {
          // Never skip on the strength of this very run: a retried fetch must hand its document on again.
          const previous = await sources.previousFor(request.source.id, { exceptRun: runId });
          return previous ? { ...request, previous } : request;
        },
        async completed(_request, docs, { sources }) {
          for (const doc of docs) {
            await sources.fetched(doc.source.id, doc.content_hash, {
              encoding: doc.encoding.detected,
              ...(doc.etag ? { etag: doc.etag } : {}),
              ...(doc.last_modified ? { last_modified: doc.last_modified } : {}),
            });
          }
        },
      },
    }),
    defineStage({
      name: "normalize",
      next: "language",
      input: fetchedDocumentSchema,
      output: normalizedDocumentSchema,
      fn: {
        lazy: async () => {
          const { normalize } = await stageModules.normalize();
          return (doc) => [normalize(doc)];
        },
      },
      cost: "cpu",
      cpuShare: 2,
      budget(doc) {
        // Markup is not text: a page is held to its element count (scripts and styles can
        // weigh megabytes), and its extracted text to the character budget downstream.
        if (!/html/i.test(doc.media_type)) return chars("normalize", doc.text);
        const elements = countElements(doc.text);
        checkBudget(
          "normalize",
          "HTML elements",
          elements,
          budgets.maxElements,
          "STAGE_MAX_ELEMENTS",
        );
      },
      outputBudget: bodyBudget(budgets.maxDocumentChars),
    }),
    defineStage({
      name: "language",
      next: "enrich",
      input: normalizedDocumentSchema,
      output: languageDocumentSchema,
      fn: { lazy: async () => (await stageModules.language()).detectAndSplit },
      cost: "cpu",
      cpuShare: 4,
      budget: (doc) => chars("language", doc.body),
      hooks: {
        async completed(doc, outputs, { runId, sources }) {
          await sources.expect(doc.source.id, doc.content_hash, outputs.length, runId);
        },
      },
    }),
    defineStage({
      name: "enrich",
      next: SINK_STAGE,
      input: languageDocumentSchema,
      output: lodestoneDocumentSchema,
      fn: {
        lazy: async () => {
          const { enrich } = await stageModules.enrich();
          return (doc) => [enrich(doc, { maxMentions: budgets.maxMentions })];
        },
      },
      cost: "cpu",
      cpuShare: 6,
      budget: (doc) => chars("enrich", doc.body),
    }),
  ];
  const sink: SinkStage = {
    name: SINK_STAGE,
    cost: "io",
    parse: (input) => lodestoneDocumentSchema.parse(input),
    stored: (doc, { sources }) => sources.indexed(doc.source.id, doc.id, doc.content_hash),
  };
  return { transforms, sink };
}
