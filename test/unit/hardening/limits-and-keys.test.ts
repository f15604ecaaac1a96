/**
 * Issue 15's small findings that need no server: IPv4-compatible IPv6 is
 * refused, the API binds to loopback and refuses a blank key, Basic works
 * for the queue view only, schedules may not run more often than the
 * configured minimum, and file sources stay under their roots.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FetchRefusedError,
  parseAllowList,
  refusalOf,
} from "../../../pipelines/fetch/http/address-policy.ts";
import { SafeFetcher } from "../../../pipelines/fetch/http/safe-fetcher.ts";
import { expandFolder } from "../../../pipelines/fetch/list-folder.ts";
import { readFileSource } from "../../../pipelines/fetch/read-file.ts";
import { loadConfig } from "../../../shared/config.ts";
import { PermanentError } from "../../../shared/errors.ts";
import { keyMatches } from "../../../workers/api/bearer-auth.ts";
import { checkScheduleInterval, ScheduleError } from "../../../workers/sources/schedules.ts";
import { sourceInputSchema } from "../../../workers/sources/source-service.ts";

describe("addresses", () => {
  it("refuses IPv4-compatible IPv6 (::/96), which URL parsing turns [::127.0.0.1] into", () => {
    const host = new URL("http://[::127.0.0.1]/").hostname.slice(1, -1);
    expect(host).toBe("::7f00:1");
    expect(refusalOf(host, host, parseAllowList([]))).toMatch(/IPv4-compatible IPv6 address/);
    expect(refusalOf("::808:808", "::808:808", parseAllowList([]))).toMatch(/::\/96/);
  });
});

describe("credentials in URLs", () => {
  it("are refused by the fetcher for good, on the first hop or a redirect, and never echoed", async () => {
    const fetcher = new SafeFetcher();
    try {
      const error = await fetcher
        .fetch("http://user:hunter2@example.com/news", { headers: {} })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FetchRefusedError);
      expect(String(error)).toMatch(/credentials in the URL/);
      expect(String(error)).not.toMatch(/hunter2/);
    } finally {
      await fetcher.close();
    }
  });
});

describe("the API's settings and keys", () => {
  it("binds to loopback unless API_HOST says otherwise", () => {
    expect(loadConfig({}).API_HOST).toBe("127.0.0.1");
    expect(loadConfig({ API_HOST: "0.0.0.0" }).API_HOST).toBe("0.0.0.0");
  });

  it("refuses a key of blanks, or with blanks in it", () => {
    expect(() => loadConfig({ LODESTONE_API_KEY: " ".repeat(16) })).toThrow(/LODESTONE_API_KEY/);
    expect(() => loadConfig({ LODESTONE_API_KEY: "abcdefgh ijklmnop" })).toThrow(
      /none of them blank/,
    );
    expect(loadConfig({ LODESTONE_API_KEY: "0123456789abcdef" }).LODESTONE_API_KEY).toBe(
      "0123456789abcdef",
    );
  });

  it("takes Basic credentials only where the queue view asks for them", () => {
    const key = "0123456789abcdef";
    const basic = `Basic ${Buffer.from(`operator:${key}`).toString("base64")}`;
    expect(keyMatches(basic, key)).toBe(false);
    expect(keyMatches(basic, key, true)).toBe(true);
    expect(keyMatches(`Bearer ${key}`, key)).toBe(true);
  });

  it("refuses credentials in a source URL without echoing them", () => {
    const parsed = sourceInputSchema.safeParse({ uri: "https://user:secret@example.com/feed" });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toMatch(/must not carry credentials/);
    expect(JSON.stringify(parsed.error?.issues)).not.toMatch(/secret/);
  });
});

describe("schedules", () => {
  it("refuses one that runs more often than the minimum, naming the setting", () => {
    const check = (pattern: string) => () => checkScheduleInterval(pattern, undefined, 60_000);
    expect(check("* * * * * *")).toThrow(ScheduleError);
    expect(check("* * * * * *")).toThrow(/SCHEDULE_MIN_INTERVAL_MS/);
    expect(check("*/30 * * * * *")).toThrow(/30 s apart/);
    expect(check("0,1 0 * * *")).not.toThrow();
    expect(check("* * * * *")).not.toThrow();
    expect(check("0 */6 * * *")).not.toThrow();
    expect(() => checkScheduleInterval("0 */6 * * *", undefined, 7 * 3600_000)).toThrow(
      /21600 s apart/,
    );
  });
});

describe("file sources", () => {
  let base: string;
  let root: string;
  let outside: string;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), "lodestone-roots-"));
    root = join(base, "root");
    outside = join(base, "outside");
    await mkdir(root);
    await mkdir(outside);
    await writeFile(join(root, "inside.txt"), "Baotou rare earths.");
    await writeFile(join(outside, "secret.txt"), "root:x:0:0:root:/root:/bin/bash");
    await symlink(join(outside, "secret.txt"), join(root, "link.txt"));
    await symlink(outside, join(root, "linked-folder"));
  });

  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it("are read under the roots and refused outside them, naming FILE_SOURCE_ROOTS", async () => {
    const options = { maxBytes: 10_000, fileRoots: [root] };
    const inside = await readFileSource(join(root, "inside.txt"), options);
    expect(Buffer.from(inside.bytes).toString()).toBe("Baotou rare earths.");
    for (const uri of [
      join(outside, "secret.txt"),
      `file://${join(outside, "secret.txt")}`,
      join(root, "link.txt"),
      join(root, "linked-folder", "secret.txt"),
      "/etc/passwd",
      `${root}/../outside/secret.txt`,
    ]) {
      const error = await readFileSource(uri, options).catch((e: unknown) => e);
      expect(error, uri).toBeInstanceOf(PermanentError);
      expect(String(error)).toMatch(/FILE_SOURCE_ROOTS/);
    }
  });

  it("refuses a listed file swapped for a symlink before it is read", async () => {
    const listed = await expandFolder({ id: "r", uri: root }, [root]);
    const file = listed?.[0]?.uri ?? "";
    expect(file).toBe(join(root, "inside.txt"));
    await rm(file);
    await symlink(join(outside, "secret.txt"), file);
    try {
      const error = await readFileSource(file, { maxBytes: 10_000, fileRoots: [root] }).catch(
        (e: unknown) => e,
      );
      expect(String(error)).toMatch(/really .*secret\.txt.*FILE_SOURCE_ROOTS/);
    } finally {
      await rm(file);
      await writeFile(file, "Baotou rare earths.");
    }
  });

  it("lists a folder only under the roots", async () => {
    const listed = await expandFolder({ id: "r", uri: root }, [root]);
    expect(listed?.map((s) => s.uri)).toEqual([join(root, "inside.txt")]);
    for (const uri of [outside, "/etc", "file:///etc", join(root, "linked-folder")]) {
      const error = await expandFolder({ id: "x", uri }, [root]).catch((e: unknown) => e);
      expect(String(error), uri).toMatch(/FILE_SOURCE_ROOTS/);
    }
  });

  it("default to the working directory and the OS temp folder", () => {
    expect(loadConfig({}).FILE_SOURCE_ROOTS).toEqual([process.cwd(), tmpdir()]);
    expect(loadConfig({ FILE_SOURCE_ROOTS: "/srv/news, /data" }).FILE_SOURCE_ROOTS).toEqual([
      "/srv/news",
      "/data",
    ]);
  });
});
