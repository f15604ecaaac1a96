/**
 * Input over a budget ends as a permanent failure that names the budget:
 * a body too long after cleaning at normalize, a local file over the same
 * size cap an http body has at fetch.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_STAGE_BUDGETS } from "../../../pipelines/budgets.ts";
import { buildPipeline } from "../../../pipelines/pipeline.ts";
import { runInProcess } from "../../../pipelines/run-in-process.ts";
import { BudgetExceededError, PermanentError } from "../../../shared/errors.ts";
import { policyOf } from "../../../workers/runtime/error-policy.ts";

const ctx = { log: pino({ level: "silent" }) };
const paragraph = "Baotou's rare-earth output rose again this quarter, the company said. ";

describe("budgets", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lodestone-budgets-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("refuses a body over MAX_DOCUMENT_CHARS at normalize, as a permanent failure with its size", async () => {
    const path = join(dir, "long.txt");
    await writeFile(path, `${paragraph.repeat(40)}\n`.repeat(10));
    const options = {
      timeoutMs: 5000,
      maxBytes: 1_000_000,
      fileRoots: [dir],
      budgets: { ...DEFAULT_STAGE_BUDGETS, maxDocumentChars: 5000 },
    };
    const error = await runInProcess({ id: "long", uri: path }, options, ctx).catch((e) => e);
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect(policyOf(error)).toBe("permanent");
    expect(String(error.message)).toMatch(
      /^long: body is \d+ characters after cleaning, over the budget of 5000 \(MAX_DOCUMENT_CHARS\)$/,
    );
    // Under the budget the same text goes through.
    const docs = await runInProcess(
      { id: "long", uri: path },
      { ...options, budgets: DEFAULT_STAGE_BUDGETS },
      ctx,
    );
    expect(docs.length).toBe(1);
  });

  it("checks the budget in the normalize stage's declaration, not in the fetch", async () => {
    const pipeline = buildPipeline({
      timeoutMs: 5000,
      maxBytes: 1_000_000,
      fileRoots: [dir],
      budgets: { ...DEFAULT_STAGE_BUDGETS, maxDocumentChars: 1000 },
    });
    const fetch = pipeline.transforms.find((s) => s.name === "fetch");
    const path = join(dir, "medium.txt");
    await writeFile(path, paragraph.repeat(100));
    const fetched = await fetch?.run({ source: { id: "m", uri: path } }, ctx);
    expect(fetched?.length).toBe(1);
  });

  it("refuses a local file over FETCH_MAX_BYTES, the cap an http body has", async () => {
    const path = join(dir, "big.txt");
    await writeFile(path, "x".repeat(5000));
    const error = await runInProcess(
      { id: "big", uri: path },
      { timeoutMs: 5000, maxBytes: 4096 },
      ctx,
    ).catch((e) => e);
    expect(error).toBeInstanceOf(PermanentError);
    expect(String(error.message)).toMatch(/is 5000 bytes, over the limit of 4096/);
  });
});
