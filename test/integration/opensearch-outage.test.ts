/**
 * OpenSearch goes away while documents are on their way to it: the index
 * jobs retry with backoff, and once it is back every document is indexed
 * exactly once, with no failure.
 */
import { afterAll, describe, it } from "vitest";
import { OutageFixture } from "./outage-fixture.ts";

describe("OpenSearch down for a while", () => {
  const fixture = new OutageFixture();
  afterAll(() => fixture.close());

  it("retries the index jobs and loses or doubles nothing once it is back", async () => {
    await fixture.start("outage", "OPENSEARCH_URL", { JOB_ATTEMPTS: "8", JOB_BACKOFF_MS: "200" });
    const cut = fixture.cutForAWhile();
    const outcomes = await fixture.ingestSeeds();
    await cut;
    OutageFixture.expectSeedsOnce(outcomes, await fixture.indexedIds());
  });
});
