import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../shared/config.ts";
import { ConfigError } from "../../../shared/errors.ts";

describe("configuration", () => {
  it("applies defaults when the environment is empty", () => {
    const config = loadConfig({});
    expect(config.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(config.INDEX_ALIAS).toBe("lodestone-documents");
    expect(config.WORKER_CONCURRENCY).toBe(4);
    expect(config.LODESTONE_AUTO_INFRA).toBe(true);
  });

  it("coerces numbers and booleans from strings", () => {
    const config = loadConfig({ WORKER_CONCURRENCY: "12", LODESTONE_AUTO_INFRA: "false" });
    expect(config.WORKER_CONCURRENCY).toBe(12);
    expect(config.LODESTONE_AUTO_INFRA).toBe(false);
  });

  it("stops with a message that names every bad variable and its value", () => {
    const load = () =>
      loadConfig({ REDIS_URL: "not a url", WORKER_CONCURRENCY: "zero", LOG_LEVEL: "loud" });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/REDIS_URL="not a url"/);
    expect(load).toThrow(/WORKER_CONCURRENCY="zero"/);
    expect(load).toThrow(/LOG_LEVEL="loud"/);
  });

  it("keeps local state where an unprivileged OpenSearch user can read it, unless told otherwise", () => {
    expect(loadConfig({ LODESTONE_HOME: "/srv/lodestone" }).home).toBe("/srv/lodestone");
    expect(loadConfig({ XDG_CACHE_HOME: "/c", HOME: "/h" }).home).toMatch(
      /^\/(var\/lib|c)\/lodestone$/,
    );
  });
});
