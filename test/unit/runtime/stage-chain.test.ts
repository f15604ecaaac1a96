/** Which stages run within one job (stage-chain.ts). */
import { describe, expect, it } from "vitest";
import { buildPipeline, type StageName } from "../../../pipelines/pipeline.ts";
import { cpuChainAfter } from "../../../workers/runtime/stage-chain.ts";

const { transforms } = buildPipeline({ timeoutMs: 1000, maxBytes: 1000 });
const stage = (name: StageName) => {
  const found = transforms.find((t) => t.name === name);
  if (!found) throw new Error(`no stage ${name}`);
  return found;
};
const names = (name: StageName, runs: (name: StageName) => boolean = () => true) =>
  cpuChainAfter(transforms, stage(name), runs).map((t) => t.name);

describe("the chain after a stage", () => {
  it("is every CPU stage that follows without a gap, when the process runs them all", () => {
    expect(names("normalize")).toEqual(["language", "enrich"]);
    expect(names("language")).toEqual(["enrich"]);
    expect(names("enrich")).toEqual([]);
  });

  it("is empty after an I/O stage: fetch keeps its queue", () => {
    expect(names("fetch")).toEqual([]);
  });

  it("stops at a stage this process does not run (lodestone workers --stages)", () => {
    expect(names("normalize", (name) => name !== "enrich")).toEqual(["language"]);
    expect(names("normalize", (name) => name !== "language")).toEqual([]);
  });
});
