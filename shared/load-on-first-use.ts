/**
 * A package loaded the first time it is asked for, then kept. For packages
 * that a thread or a process seldom needs and that weigh megabytes resident
 * (the charset detectors, undici, linkedom, pino-pretty): a static import
 * would load them in every thread that imports the module. `require` loads
 * CommonJS and, on the Node versions in package.json's engines, ES modules
 * too, synchronously, so callers stay synchronous.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export function onFirstUse<T>(specifier: string): () => T {
  let loaded: { value: T } | undefined;
  return () => {
    loaded ??= { value: require(specifier) as T };
    return loaded.value;
  };
}
