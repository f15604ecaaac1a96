/** SSRF protection: which resolved addresses a fetch may connect to, and why not. */
import { describe, expect, it } from "vitest";
import {
  bareHost,
  isIpLiteral,
  parseAllowList,
  refusalOf,
} from "../../../pipelines/fetch/http/address-policy.ts";
import { contentTypeRefusal } from "../../../pipelines/fetch/http/content-types.ts";

const none = parseAllowList([]);

describe("refusalOf", () => {
  it.each([
    ["127.0.0.1", "a loopback address"],
    ["127.8.9.10", "a loopback address"],
    ["10.0.0.5", "a private address"],
    ["172.16.3.4", "a private address"],
    ["192.168.1.1", "a private address"],
    ["169.254.169.254", "a cloud metadata address"],
    ["169.254.10.1", "a link-local address"],
    ["100.64.0.1", "a carrier-grade NAT (CGNAT) address"],
    ["0.0.0.0", "an unspecified address"],
    ["::1", "a loopback address"],
    ["fe80::1", "a link-local address"],
    ["fd12:3456::1", "a unique-local IPv6 address"],
    ["fd00:ec2::254", "a cloud metadata address"],
    ["::ffff:10.1.2.3", "a private address"],
    ["::ffff:127.0.0.1", "a loopback address"],
    ["224.0.0.1", "a multicast address"],
  ])("refuses %s as %s", (address, kind) => {
    const reason = refusalOf(address, address, none);
    expect(reason).toContain(kind);
    expect(reason).toMatch(/SSRF protection\); allow it with FETCH_ALLOW_HOSTS$/);
  });

  it("names the address an IPv4-mapped IPv6 address carries", () => {
    expect(refusalOf("::ffff:10.1.2.3", "::ffff:10.1.2.3", none)).toMatch(
      /^refused: 10\.1\.2\.3 is a private address/,
    );
  });

  it("says which host name resolved to a refused address", () => {
    expect(refusalOf("10.0.0.5", "intranet.example", none)).toBe(
      "refused: 10.0.0.5 is a private address (intranet.example resolves to it) (SSRF protection); allow it with FETCH_ALLOW_HOSTS",
    );
  });

  it.each(["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "1.1.1.1"])(
    "lets the public address %s through",
    (address) => {
      expect(refusalOf(address, "news.example", none)).toBeUndefined();
    },
  );

  it("allows what the allow-list names: an address, a network or a host name", () => {
    const allow = parseAllowList(["127.0.0.1", " 10.0.0.0/8 ", "intranet.example", "[::1]"]);
    expect(refusalOf("127.0.0.1", "127.0.0.1", allow)).toBeUndefined();
    expect(refusalOf("10.200.3.4", "10.200.3.4", allow)).toBeUndefined();
    expect(refusalOf("192.168.0.7", "Intranet.Example", allow)).toBeUndefined();
    expect(refusalOf("::1", "[::1]", allow)).toBeUndefined();
    // Only what it names: a neighbour stays refused.
    expect(refusalOf("127.0.0.2", "127.0.0.2", allow)).toContain("loopback");
    expect(refusalOf("192.168.0.7", "other.example", allow)).toContain("private");
    expect(refusalOf("169.254.169.254", "169.254.169.254", allow)).toContain("metadata");
  });

  it("refuses what is not an address at all", () => {
    expect(refusalOf("not-an-ip", "x", none)).toMatch(/not an IP address/);
  });
});

describe("host helpers", () => {
  it("strips IPv6 brackets and recognises literals", () => {
    expect(bareHost("[::1]")).toBe("::1");
    expect(isIpLiteral("[::1]")).toBe(true);
    expect(isIpLiteral("10.0.0.5")).toBe(true);
    expect(isIpLiteral("news.example")).toBe(false);
  });
});

describe("contentTypeRefusal", () => {
  it.each(["text/html; charset=gbk", "TEXT/PLAIN", "application/xhtml+xml", "text/markdown", null])(
    "accepts %s",
    (type) => {
      expect(contentTypeRefusal(type, "http://x.example/a")).toBeUndefined();
    },
  );

  it.each(["application/pdf", "image/png", "application/octet-stream", "application/json"])(
    "refuses %s with the accepted list",
    (type) => {
      expect(contentTypeRefusal(type, "http://x.example/a")).toMatch(
        new RegExp(
          `^refused: http://x\\.example/a is ${type.replace("/", "\\/")}, not one of the accepted content types \\(text/html`,
        ),
      );
    },
  );
});

describe("parseAllowList", () => {
  it("names the entry it cannot read", () => {
    expect(() => parseAllowList(["10.0.0.0/99"])).toThrow(
      'FETCH_ALLOW_HOSTS: "10.0.0.0/99" is not a network such as 10.0.0.0/8',
    );
    expect(() => parseAllowList(["intra_net:8080"])).toThrow(
      'FETCH_ALLOW_HOSTS: "intra_net:8080" is not a host name, an address or a network',
    );
  });

  it("reads host names case-insensitively, with or without a trailing dot", () => {
    const allow = parseAllowList(["Intranet.Example.", "fd00::/8"]);
    expect([...allow.hosts]).toEqual(["intranet.example"]);
    expect(refusalOf("fd00::5", "fd00::5", allow)).toBeUndefined();
  });
});
