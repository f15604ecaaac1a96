/**
 * undici, loaded on the first http(s) fetch. The workers' main thread runs
 * the fetch stage, and a run of file or folder sources never opens a
 * socket: there undici would be ~23 MB resident for nothing.
 */
import { onFirstUse } from "../../../shared/load-on-first-use.ts";

export const undici = onFirstUse<typeof import("undici")>("undici");
