/**
 * The bull-board queue view, mounted at /queues behind the API's
 * authentication, read-only: its write routes (add a job, clean, obliterate,
 * retry, promote) would put any payload on any queue and skip the checks of
 * the API's own routes. Anything that writes goes through those.
 */
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { FastifyAdapter } from "@bull-board/fastify";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { QueueSet } from "../runtime/queue-set.ts";

export const QUEUE_BOARD_PATH = "/queues";

/**
 * An onRequest hook that refuses any method but GET and HEAD under the queue
 * view, whatever bull-board would allow: read-only does not rest on one flag.
 */
export function readOnlyQueueBoard(prefix: string) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const path = request.url.split("?")[0] ?? "";
    if (path !== prefix && !path.startsWith(`${prefix}/`)) return;
    if (request.method === "GET" || request.method === "HEAD") return;
    await reply
      .code(405)
      .header("allow", "GET, HEAD")
      .send({ error: `the queue view is read-only: use the API's routes (/sources) to add work` });
  };
}

/** Mounts the read-only queue view at QUEUE_BOARD_PATH. */
export async function mountQueueBoard(app: FastifyInstance, queues: QueueSet): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  createBullBoard({
    queues: Object.values(queues).map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    serverAdapter,
    options: { uiConfig: { boardTitle: "Lodestone queues" } },
  });
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  await app.register(serverAdapter.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
}
