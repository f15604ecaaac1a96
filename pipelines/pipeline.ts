/**
 * The pipeline, declared once: which stage follows which, what each accepts
 * and emits. Workers bind these to queues; `lodestone process` runs them in
 * one process. The last stage, `index`, is a sink bound in workers/ because it
 * talks to OpenSearch.
 */
import type { z } from "zod";
import {
  fetchedDocumentSchema,
  languageDocumentSchema,
  lodestoneDocumentSchema,
  normalizedDocumentSchema,
} from "../shared/document.ts";
import type { StageName } from "../shared/queues.ts";
import { enrich } from "./enrich/enrich.ts";
import { createFetchStage } from "./fetch/fetch-source.ts";
import { type FetchOptions, fetchRequestSchema } from "./fetch/fetch-types.ts";
import { detectAndSplit } from "./language/detect-and-split.ts";
import { normalize } from "./normalize/normalize.ts";
import type { StageContext, StageFunction } from "./stage.ts";

export interface StageOutput {
  /** The document id the output carries: names child jobs and log lines. */
  id: string;
  doc: unknown;
}

export interface TransformStage {
  name: StageName;
  next: StageName;
  /** Validates the input, runs the stage, validates every output. */
  run(input: unknown, ctx: StageContext): Promise<StageOutput[]>;
}

function defineStage<I, O extends { id: string }>(
  name: StageName,
  next: StageName,
  input: z.ZodType<I>,
  output: z.ZodType<O>,
  fn: StageFunction<I, O>,
): TransformStage {
  return {
    name,
    next,
    async run(raw, ctx) {
      const results = await fn(input.parse(raw), ctx);
      return results.map((doc) => ({ id: doc.id, doc: output.parse(doc) }));
    },
  };
}

export type PipelineOptions = FetchOptions;

export function buildPipeline(options: PipelineOptions): TransformStage[] {
  return [
    defineStage(
      "fetch",
      "normalize",
      fetchRequestSchema,
      fetchedDocumentSchema,
      createFetchStage(options),
    ),
    defineStage("normalize", "language", fetchedDocumentSchema, normalizedDocumentSchema, (doc) => [
      normalize(doc),
    ]),
    defineStage(
      "language",
      "enrich",
      normalizedDocumentSchema,
      languageDocumentSchema,
      detectAndSplit,
    ),
    defineStage("enrich", "index", languageDocumentSchema, lodestoneDocumentSchema, (doc) => [
      enrich(doc),
    ]),
  ];
}

export const SINK_STAGE: StageName = "index";
