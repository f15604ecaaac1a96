/**
 * Installs a local OpenSearch from Maven Central: the integ-test-zip
 * distribution (no security plugin, plain HTTP) plus the analysis modules
 * and plugins that Lodestone's mapping needs. Maven Central publishes these
 * plugins as jars rather than installable zips, so each is assembled into a
 * plugin folder here: its jar, its runtime dependencies (resolved by Maven
 * from the plugin's POM), and the plugin-descriptor.properties that the
 * OpenSearch build would otherwise generate.
 *
 * 2.16.0 is the default: the newest 2.x for which Central carries both the
 * analysis-icu (as analysis-icu-client) and analysis-smartcn jars.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import type { LocalPaths } from "./paths.ts";
import { commandExists, runCommand } from "./run-command.ts";

interface BundledPlugin {
  name: string;
  kind: "modules" | "plugins";
  artifactId: string;
  classname: string;
  description: string;
}

const PLUGINS: BundledPlugin[] = [
  {
    // Not in the integ-test-zip; it provides the english stemmer and stop filters.
    name: "analysis-common",
    kind: "modules",
    artifactId: "analysis-common",
    classname: "org.opensearch.analysis.common.CommonAnalysisPlugin",
    description: "Adds common analysis filters and analyzers (language stemmers, stop words)",
  },
  {
    // Not in the integ-test-zip; `_reindex` is how `lodestone index migrate` copies documents.
    name: "reindex",
    kind: "modules",
    artifactId: "reindex-client",
    classname: "org.opensearch.index.reindex.ReindexPlugin",
    description:
      "The Reindex module adds APIs to reindex from one index to another or update documents matching a query",
  },
  {
    name: "analysis-icu",
    kind: "plugins",
    artifactId: "analysis-icu-client",
    classname: "org.opensearch.plugin.analysis.icu.AnalysisICUPlugin",
    description: "The ICU Analysis plugin integrates the Lucene ICU module into OpenSearch",
  },
  {
    name: "analysis-smartcn",
    kind: "plugins",
    artifactId: "analysis-smartcn",
    classname: "org.opensearch.plugin.analysis.smartcn.AnalysisSmartChinesePlugin",
    description:
      "Smart Chinese Analysis plugin integrates Lucene Smart Chinese analysis module into OpenSearch",
  },
];

function pluginPom(plugin: BundledPlugin, version: string): string {
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>lodestone.local</groupId>
  <artifactId>${plugin.name}-bundle</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.opensearch.plugin</groupId>
      <artifactId>${plugin.artifactId}</artifactId>
      <version>${version}</version>
    </dependency>
  </dependencies>
</project>
`;
}

function descriptor(plugin: BundledPlugin, version: string): string {
  return [
    `description=${plugin.description}`,
    `version=${version}`,
    `name=${plugin.name}`,
    `classname=${plugin.classname}`,
    "java.version=11",
    `opensearch.version=${version}`,
    "",
  ].join("\n");
}

async function maven(args: string[]): Promise<void> {
  if (!(await commandExists("mvn"))) {
    throw new Error(
      "Maven (mvn) is needed to download OpenSearch from Maven Central. Install Maven and Java 17, or set OPENSEARCH_URL to a running OpenSearch.",
    );
  }
  await runCommand("mvn", ["-q", "-B", ...args]);
}

export function isInstalled(paths: LocalPaths): boolean {
  return (
    existsSync(join(paths.opensearch, "bin", "opensearch")) &&
    PLUGINS.every((p) =>
      existsSync(join(paths.opensearch, p.kind, p.name, "plugin-descriptor.properties")),
    )
  );
}

async function downloadDistribution(
  paths: LocalPaths,
  version: string,
  log: Logger,
): Promise<string> {
  const zip = join(paths.downloads, `opensearch-${version}.zip`);
  if (!existsSync(zip)) {
    log.info({ version }, "downloading OpenSearch from Maven Central (once, ~50 MB)");
    await maven([
      "dependency:copy",
      `-Dartifact=org.opensearch.distribution.integ-test-zip:opensearch:${version}:zip`,
      `-DoutputDirectory=${paths.downloads}`,
    ]);
  }
  return zip;
}

async function bundlePlugin(
  plugin: BundledPlugin,
  paths: LocalPaths,
  version: string,
): Promise<void> {
  const work = join(paths.downloads, plugin.name);
  const target = join(paths.opensearch, plugin.kind, plugin.name);
  await mkdir(work, { recursive: true });
  await writeFile(join(work, "pom.xml"), pluginPom(plugin, version));
  await rm(target, { recursive: true, force: true });
  await maven([
    "-f",
    join(work, "pom.xml"),
    "dependency:copy-dependencies",
    `-DoutputDirectory=${target}`,
  ]);
  // A jar the server already has (e.g. opensearch-common) must not be loaded twice: OpenSearch's
  // jar-hell check refuses to start when two class path entries hold the same class.
  const core = new Set(await readdir(join(paths.opensearch, "lib")));
  for (const jar of await readdir(target)) if (core.has(jar)) await rm(join(target, jar));
  const jars = (await readdir(target)).filter((f) => f.endsWith(".jar"));
  if (jars.length === 0)
    throw new Error(`Maven resolved no jars for ${plugin.artifactId}:${version}`);
  await writeFile(join(target, "plugin-descriptor.properties"), descriptor(plugin, version));
}

export async function installOpenSearch(
  paths: LocalPaths,
  version: string,
  log: Logger,
): Promise<void> {
  if (isInstalled(paths)) return;
  await mkdir(paths.downloads, { recursive: true });
  const zip = await downloadDistribution(paths, version, log);
  if (!existsSync(join(paths.opensearch, "bin", "opensearch"))) {
    const staging = `${paths.opensearch}.partial`;
    await rm(staging, { recursive: true, force: true });
    // Loaded here, once per install: every process that may start OpenSearch imports this file.
    const { default: extractZip } = await import("extract-zip");
    await extractZip(zip, { dir: staging });
    await rename(join(staging, `opensearch-${version}`), paths.opensearch);
    await rm(staging, { recursive: true, force: true });
  }
  for (const plugin of PLUGINS) {
    log.info({ plugin: plugin.name }, "assembling OpenSearch plugin from Maven Central");
    await bundlePlugin(plugin, paths, version);
  }
}
