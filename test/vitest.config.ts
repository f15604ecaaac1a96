import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  test: {
    root,
    projects: [
      {
        test: {
          name: "unit",
          root,
          include: ["test/unit/**/*.test.ts"],
          // The first repair of a file loads the shipped models (a few seconds
          // on a busy 2-core machine); the default 5 s leaves too little room.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "integration",
          root,
          include: ["test/integration/**/*.test.ts"],
          // Real Redis and OpenSearch are brought up once for the whole run.
          globalSetup: ["test/integration/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // The tests share one Redis and one OpenSearch; each uses its own
          // queue prefix and index names, but running files one after another
          // keeps a 2-core machine from timing out under OpenSearch load.
          fileParallelism: false,
        },
      },
    ],
  },
});
