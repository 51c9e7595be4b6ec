import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runIdokit, type RunResult } from "./cli.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TRACE = new URL("../fixtures/trace-imports.mjs", import.meta.url).href;

/**
 * Runs idokit with every module load traced (test/fixtures/trace-imports.mjs) and returns what
 * it loaded, by module: Node's own (`node:fs`), packages (`node_modules/docx/…`) and idokit's
 * sources (`src/cli/main.ts`). dist/ is a bundle, so each of its chunks is named by the modules
 * the build put in it (dist/bundle.json); a chunk the map does not know fails the test.
 */
export function traceLoaded(args: string[]): { run: RunResult; modules: string[] } {
  const run = runIdokit(args, { env: { NODE_OPTIONS: `--import=${TRACE}` } });
  const urls = run.stderr
    .split("\n")
    .filter((line) => line.startsWith("import: "))
    .map((line) => line.slice("import: ".length).trim());
  const bundle = JSON.parse(readFileSync(`${ROOT}dist/bundle.json`, "utf8")) as Record<
    string,
    string[]
  >;
  const modules = new Set<string>();
  for (const url of urls) {
    if (!url.startsWith("file:")) {
      modules.add(url);
      continue;
    }
    const path = fileURLToPath(url).slice(ROOT.length).split("\\").join("/");
    if (path.startsWith("dist/")) {
      const inputs = bundle[path.slice("dist/".length)];
      if (!inputs) throw new Error(`${path} is not in dist/bundle.json: rebuild (npm run build)`);
      inputs.forEach((input) => modules.add(input));
    } else modules.add(path);
  }
  return { run, modules: [...modules].sort() };
}

/** The npm packages among traced modules (`commander`, `@inquirer/core`). */
export function packagesOf(modules: readonly string[]): string[] {
  const names = modules
    .map((m) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(m)?.[1])
    .filter((name): name is string => name !== undefined);
  return [...new Set(names)].sort();
}
