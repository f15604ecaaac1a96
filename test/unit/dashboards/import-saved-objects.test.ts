/**
 * The importer against a small HTTP server that speaks the Dashboards
 * `_import` endpoint's protocol (there is no Dashboards on this machine): the
 * request it sends, and how it reports the answers.
 */

import { execFile } from "node:child_process";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DashboardsUnavailableError,
  importSavedObjects,
} from "../../../workers/dashboards/import-saved-objects.ts";

interface Received {
  method: string | undefined;
  url: string | undefined;
  xsrf: string | undefined;
  fileName: string | undefined;
  fileText: string | undefined;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe("importSavedObjects", () => {
  let server: Server;
  let url: string;
  const received: Received[] = [];
  let reply: (fileText: string) => { status: number; body: string } = () => ({
    status: 200,
    body: "{}",
  });

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const body = await readBody(req);
      // Parse the multipart body the way a server would, with the platform's own parser.
      const form = await new Response(body, {
        headers: { "content-type": req.headers["content-type"] ?? "" },
      }).formData();
      const file = form.get("file");
      received.push({
        method: req.method,
        url: req.url,
        xsrf: typeof req.headers["osd-xsrf"] === "string" ? req.headers["osd-xsrf"] : undefined,
        fileName: file instanceof File ? file.name : undefined,
        fileText: file instanceof File ? await file.text() : undefined,
      });
      const answer = reply(file instanceof File ? await file.text() : "");
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
  });

  const file = {
    file: "/somewhere/02-searches.ndjson",
    content: '{"id":"a"}\n{"id":"b"}\n',
    objects: [{}, {}],
  };

  it("posts the file as multipart field `file` with osd-xsrf and overwrite=true", async () => {
    reply = () => ({ status: 200, body: JSON.stringify({ success: true, successCount: 2 }) });
    const result = await importSavedObjects(url, file);
    expect(result).toEqual({
      file: file.file,
      objects: 2,
      successCount: 2,
      errors: [],
    });
    expect(received.at(-1)).toEqual({
      method: "POST",
      url: "/api/saved_objects/_import?overwrite=true",
      xsrf: "true",
      fileName: "02-searches.ndjson",
      fileText: file.content,
    });
  });

  it("keeps a base path of the Dashboards URL", async () => {
    reply = () => ({ status: 200, body: JSON.stringify({ success: true, successCount: 2 }) });
    await importSavedObjects(`${url}/dashboards`, file);
    expect(received.at(-1)?.url).toBe("/dashboards/api/saved_objects/_import?overwrite=true");
  });

  it("reports per-object errors of a partly failed import", async () => {
    reply = () => ({
      status: 200,
      body: JSON.stringify({
        success: false,
        successCount: 1,
        errors: [
          {
            id: "b",
            type: "search",
            title: "Bilingual pairs",
            error: {
              type: "missing_references",
              references: [{ type: "index-pattern", id: "lodestone-index-pattern" }],
            },
          },
        ],
      }),
    });
    const result = await importSavedObjects(url, file);
    expect(result.successCount).toBe(1);
    expect(result.errors).toEqual([
      'search b ("Bilingual pairs"): missing_references: [{"type":"index-pattern","id":"lodestone-index-pattern"}]',
    ]);
  });

  it("reports an HTTP error with the server's message", async () => {
    reply = () => ({
      status: 400,
      body: JSON.stringify({
        statusCode: 400,
        error: "Bad Request",
        message: "Invalid file extension .txt",
      }),
    });
    const result = await importSavedObjects(url, file);
    expect(result.successCount).toBe(0);
    expect(result.errors).toEqual(["HTTP 400: Invalid file extension .txt"]);
  });

  it("throws a clear error when Dashboards does not answer", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const attempt = importSavedObjects(`http://127.0.0.1:${port}`, file);
    await expect(attempt).rejects.toBeInstanceOf(DashboardsUnavailableError);
    await expect(attempt).rejects.toThrow(
      /does not answer at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/,
    );
  });

  it("imports every file of infra/dashboards from the command line, and fails on object errors", async () => {
    const root = fileURLToPath(new URL("../../..", import.meta.url));
    const run = promisify(execFile);
    const cli = [
      "--import",
      "tsx",
      "workers/cli/lodestone.ts",
      "dashboards",
      "import",
      "--url",
      url,
    ];
    const env = { ...process.env, LOG_LEVEL: "silent" };
    const lines = (text: string) => text.split("\n").filter((l) => l.trim() !== "").length;
    reply = (text) => ({
      status: 200,
      body: JSON.stringify({ success: true, successCount: lines(text) }),
    });
    const before = received.length;
    const { stdout } = await run("node", cli, { cwd: root, env });
    expect(stdout.trim().split("\n")).toEqual([
      "01-index-patterns.ndjson: 2/2 imported",
      "02-searches.ndjson: 4/4 imported",
      "03-visualizations.ndjson: 8/8 imported",
      "04-dashboard.ndjson: 1/1 imported",
    ]);
    expect(received.slice(before).map((r) => r.fileName)).toEqual([
      "01-index-patterns.ndjson",
      "02-searches.ndjson",
      "03-visualizations.ndjson",
      "04-dashboard.ndjson",
    ]);

    reply = (text) => ({
      status: 200,
      body: JSON.stringify({
        success: false,
        successCount: lines(text) - 1,
        errors: [{ id: "x", type: "search", error: { type: "conflict" } }],
      }),
    });
    await expect(run("node", cli, { cwd: root, env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("search x: conflict"),
    });
  }, 30_000);
});
