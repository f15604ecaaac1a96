import { describe, expect, it } from "vitest";
import { threadGroups } from "../../../workers/runtime/thread-groups.ts";

const STAGES = [
  { name: "normalize", share: 2 },
  { name: "language", share: 3 },
  { name: "enrich", share: 6 },
];

describe("stage threads", () => {
  it("puts every stage in the one thread there is", () => {
    expect(threadGroups(STAGES, 1)).toEqual([["normalize", "language", "enrich"]]);
  });

  it("cuts the stages into contiguous groups, the heaviest as light as it can be", () => {
    expect(threadGroups(STAGES, 2)).toEqual([["normalize", "language"], ["enrich"]]);
    expect(
      threadGroups(
        [
          { name: "a", share: 6 },
          { name: "b", share: 3 },
          { name: "c", share: 2 },
        ],
        2,
      ),
    ).toEqual([["a"], ["b", "c"]]);
  });

  it("gives one thread per stage, and the rest to the busiest per thread", () => {
    expect(threadGroups(STAGES, 3)).toEqual([["normalize"], ["language"], ["enrich"]]);
    expect(threadGroups(STAGES, 4)).toEqual([["normalize"], ["language"], ["enrich"], ["enrich"]]);
    // 6 / 2 per enrich thread ties with language's 3: the earlier stage gets the fifth.
    expect(threadGroups(STAGES, 5)).toEqual([
      ["normalize"],
      ["language"],
      ["language"],
      ["enrich"],
      ["enrich"],
    ]);
  });

  it("has nothing to run without stages", () => {
    expect(threadGroups([], 4)).toEqual([]);
  });
});
