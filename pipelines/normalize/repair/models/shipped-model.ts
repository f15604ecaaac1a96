/**
 * The repair's models are built from JSON data shipped next to this module
 * (the *-data.json files beside this module): each is loaded on first use, once per
 * process, so a worker that never meets mojibake never pays for it.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export function shippedModel<D, T>(dataFile: string, make: (data: D) => T): () => T {
  let model: T | undefined;
  return () => {
    model ??= make(require(dataFile) as D);
    return model;
  };
}
