/**
 * A TCP relay in front of a real server that a test can cut and restore: an
 * outage of the real thing, not a mock. While cut, open connections are
 * destroyed and new ones refused, as when a server goes away.
 */

import type { AddressInfo } from "node:net";
import { connect, createServer, type Socket } from "node:net";

export interface TcpCutter {
  url: string;
  /** Connections refused while cut. */
  refused(): number;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpCutter(target: string): Promise<TcpCutter> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  let down = false;
  let refused = 0;
  const server = createServer((client) => {
    if (down) {
      refused += 1;
      client.destroy();
      return;
    }
    const server = connect(Number(upstream.port), upstream.hostname);
    for (const socket of [client, server]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        server.destroy();
      });
    }
    client.pipe(server).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${upstream.protocol}//127.0.0.1:${port}`,
    refused: () => refused,
    cut() {
      down = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      down = false;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
