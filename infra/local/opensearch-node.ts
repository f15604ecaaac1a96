/**
 * Starts the local OpenSearch single node, bound to 127.0.0.1 (so it stays in
 * development mode and production bootstrap checks such as vm.max_map_count
 * do not block it), with a small heap. OpenSearch refuses to run as root, so
 * when we are root it runs as an unprivileged user, created when needed.
 */
import { chmod, mkdir, readFile, realpath } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Logger } from "pino";
import type { LocalPaths } from "./paths.ts";
import { isRunning, livePidOrClear, readPid, stopByPidFile } from "./pid-file.ts";
import { opensearchAnswers, opensearchHealth } from "./probe.ts";
import { runCommand, sleep } from "./run-command.ts";

/** What the node's command line contains (its main class), to tell it from a reused pid. */
const OPENSEARCH_PROGRAM = "org.opensearch.bootstrap.OpenSearch";

export interface OpenSearchNodeOptions {
  url: string;
  heap: string;
  runAs: string;
  javaHome?: string | undefined;
  startTimeoutMs?: number;
}

async function javaHome(configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const which = await runCommand("sh", ["-c", "command -v java"], { allowFailure: true });
  if (which.code !== 0)
    throw new Error("Java 17 or newer is needed to run OpenSearch: install a JDK or set JAVA_HOME");
  return dirname(dirname(await realpath(which.stdout.trim())));
}

async function ensureUser(name: string, log: Logger): Promise<void> {
  const exists = await runCommand("id", ["-u", name], { allowFailure: true });
  if (exists.code === 0) return;
  log.info(
    { user: name },
    "creating an unprivileged user to run OpenSearch (it refuses to run as root)",
  );
  await runCommand("useradd", [
    "--system",
    "--no-create-home",
    "--shell",
    "/usr/sbin/nologin",
    name,
  ]);
}

export async function startOpenSearch(
  paths: LocalPaths,
  options: OpenSearchNodeOptions,
  log: Logger,
): Promise<void> {
  if (await opensearchAnswers(options.url)) return;
  // A node of ours still starting up (an earlier `infra up` that gave up waiting, or a
  // parallel one): wait for it rather than start a second node on the same data path.
  if ((await livePidOrClear(paths.opensearchPid, OPENSEARCH_PROGRAM)) !== undefined) {
    log.info("a local OpenSearch is already starting; waiting for it");
    return waitForHealth(paths, options, log);
  }
  const port = new URL(options.url).port || "9200";
  await mkdir(paths.opensearchData, { recursive: true });
  await mkdir(paths.opensearchLogs, { recursive: true });
  const root = process.getuid?.() === 0;
  const env = [
    `JAVA_HOME=${await javaHome(options.javaHome)}`,
    `OPENSEARCH_JAVA_OPTS=-Xms${options.heap} -Xmx${options.heap}`,
  ];
  const command = [
    "env",
    ...env,
    join(paths.opensearch, "bin", "opensearch"),
    "-d",
    "-p",
    paths.opensearchPid,
    "-Ecluster.name=lodestone-local",
    "-Enode.name=lodestone-local",
    "-Ediscovery.type=single-node",
    "-Enetwork.host=127.0.0.1",
    `-Ehttp.port=${port}`,
    `-Epath.data=${paths.opensearchData}`,
    `-Epath.logs=${paths.opensearchLogs}`,
    // A shared disk that is mostly full must not turn the index read-only.
    "-Ecluster.routing.allocation.disk.threshold_enabled=false",
  ];
  if (root) {
    await ensureUser(options.runAs, log);
    await chmod(paths.home, 0o755);
    await runCommand("chown", [
      "-R",
      options.runAs,
      paths.opensearch,
      paths.opensearchData,
      paths.opensearchLogs,
    ]);
  }
  log.info({ port, heap: options.heap, home: paths.opensearch }, "starting local OpenSearch");
  const [bin, ...args] = root ? ["runuser", "-u", options.runAs, "--", ...command] : command;
  await runCommand(bin ?? "env", args, { daemon: true });
  await waitForHealth(paths, options, log);
}

async function waitForHealth(
  paths: LocalPaths,
  options: OpenSearchNodeOptions,
  log: Logger,
): Promise<void> {
  const deadline = Date.now() + (options.startTimeoutMs ?? 240_000);
  let announced = Date.now();
  while (Date.now() < deadline) {
    if (await opensearchAnswers(options.url)) {
      log.info({ url: options.url }, "OpenSearch is up");
      return;
    }
    const pid = await readPid(paths.opensearchPid);
    if (pid !== undefined && !isRunning(pid)) break;
    if (Date.now() - announced > 15_000) {
      log.info("waiting for OpenSearch to become healthy");
      announced = Date.now();
    }
    await sleep(1000);
  }
  const logText = await readFile(join(paths.opensearchLogs, "lodestone-local.log"), "utf8").catch(
    () => "",
  );
  const tail = logText.trim().split("\n").slice(-20).join("\n");
  throw new Error(`OpenSearch did not become healthy at ${options.url}.\nLast log lines:\n${tail}`);
}

export function stopOpenSearch(paths: LocalPaths): Promise<boolean> {
  return stopByPidFile(paths.opensearchPid, OPENSEARCH_PROGRAM, 90_000);
}

export { opensearchHealth };
