/**
 * `npm run build`: the built command line in dist/ (cli-bundle.ts). Run it
 * again after changing the code; `npx lodestone` and `npm run lodestone`
 * always run the sources through tsx.
 */
import { relative } from "node:path";
import { errorMessage } from "../../shared/errors.ts";
import { writeCliBundle } from "./cli-bundle.ts";

const started = performance.now();
try {
  const built = await writeCliBundle();
  const ms = Math.round(performance.now() - started);
  const kb = Math.round(built.bytes / 1024);
  console.log(
    `built ${relative(process.cwd(), built.entry)} (${built.files} files, ${kb} KB) in ${ms} ms`,
  );
} catch (error) {
  console.error(`build: ${errorMessage(error)}`);
  process.exitCode = 1;
}
