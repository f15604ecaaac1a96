/**
 * undici, loaded on the first http(s) fetch. The workers' main thread runs
 * the fetch stage, and a run of file or folder sources never opens a
 * socket: there undici would be ~23 MB resident for nothing.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let loaded: typeof import("undici") | null = null;

export function undici(): typeof import("undici") {
  loaded ??= require("undici") as typeof import("undici");
  return loaded;
}
