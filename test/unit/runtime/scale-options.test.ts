import { describe, expect, it } from "vitest";
import { indexTemplate } from "../../../infra/opensearch/index-template.ts";
import { loadConfig } from "../../../shared/config.ts";
import { ConfigError } from "../../../shared/errors.ts";
import { parseStages } from "../../../workers/cli/workers-command.ts";

describe("lodestone workers --stages", () => {
  it("takes a comma-separated list of stages", () => {
    expect(parseStages("normalize, enrich")).toEqual(["normalize", "enrich"]);
  });

  it("names the stages there are when one is unknown or none is given", () => {
    expect(() => parseStages("normalize,translate")).toThrow(
      /unknown stage translate; the stages are fetch, normalize, language, enrich, index/,
    );
    expect(() => parseStages(" , ")).toThrow(/no stage/);
  });
});

describe("cluster settings", () => {
  it("sizes the index template from the configuration", () => {
    const template = indexTemplate("docs", { shards: 3, replicas: 1, refreshInterval: "30s" });
    expect(template).toMatchObject({
      template: {
        settings: { number_of_shards: 3, number_of_replicas: 1, refresh_interval: "30s" },
      },
    });
  });

  it("accepts a hash-tagged queue prefix for Redis Cluster and refuses a half-open one", () => {
    expect(loadConfig({ QUEUE_PREFIX: "{lodestone}" }).QUEUE_PREFIX).toBe("{lodestone}");
    expect(() => loadConfig({ QUEUE_PREFIX: "{lodestone" })).toThrow(ConfigError);
    expect(() => loadConfig({ INDEX_REFRESH_INTERVAL: "soon" })).toThrow(/INDEX_REFRESH_INTERVAL/);
  });
});
