#!/usr/bin/env -S node --import tsx
/**
 * `lodestone`: the operator's command line (command-line.ts). This file
 * only starts it: tsx cannot compile a file that has both a shebang and
 * dynamic imports, so the lazily loaded commands live there.
 */
import { errorMessage } from "../../shared/errors.ts";
import { runCli } from "./command-line.ts";

// `lodestone process DIR | head` closes the pipe once it has read enough: the
// reader's choice, not an error to crash on with a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

runCli(process.argv).catch((error: unknown) => {
  process.stderr.write(`lodestone: ${errorMessage(error)}\n`);
  process.exit(1);
});
