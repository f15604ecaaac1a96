/**
 * Redis drops every connection in the middle of a run (as in a restart):
 * workers, queues and the run tracker reconnect, and every document is
 * indexed exactly once.
 */
import { afterAll, describe, it } from "vitest";
import { sleep } from "../../infra/local/run-command.ts";
import { OutageFixture } from "./outage-fixture.ts";

describe("Redis gone for a while", () => {
  const fixture = new OutageFixture();
  afterAll(() => fixture.close());

  it("reconnects and loses or doubles nothing", async () => {
    await fixture.start("redis-outage", "REDIS_URL");
    const run = fixture.ingestSeeds();
    await sleep(300);
    await fixture.cutForAWhile();
    OutageFixture.expectSeedsOnce(await run, await fixture.indexedIds());
  });
});
