/** A local HTTP server whose answers a test scripts, counting the requests it gets. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface HttpFixture {
  url(path: string): string;
  hits(path: string): number;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

export async function startHttpFixture(routes: Record<string, Handler>): Promise<HttpFixture> {
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    const hit = (counts.get(path) ?? 0) + 1;
    counts.set(path, hit);
    const handler = routes[path];
    if (handler) handler(req, res, hit);
    else res.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hits: (path) => counts.get(path) ?? 0,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
