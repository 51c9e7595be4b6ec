#!/usr/bin/env node
// Builds dist/ (`npm run build`): idokit bundled by esbuild, split per command and per worker
// thread so that every run loads only what it uses, with idokit's own files prepared at build
// time (scripts/builtins.ts). Type checking is `npm run typecheck`; this only builds.
//
// dist/ is flat: the entries (main.js for bin/idokit.js, worker.js and read-worker.js for the
// batch threads) and the chunks they share sit side by side, one level below the package root,
// as src/ is: src/paths.ts finds templates/, casussen/ and data/ from there.
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");

/** The entries: the CLI, and the modules worker threads start from (see src/batch/). */
export const ENTRIES = {
  main: "src/cli/main.ts",
  worker: "src/batch/worker.ts",
  "read-worker": "src/batch/read-worker.ts",
};

/**
 * Packages left out of the bundle and loaded from node_modules as usual: ical-timezones reads its
 * zone files next to itself, and open runs the xdg-open script it ships next to itself. exceljs
 * is bundled: loaded from node_modules, its hundreds of CommonJS files took the reading thread
 * about 190 ms before it read a cell; bundled, about 60 ms.
 */
const EXTERNAL = ["@touch4it/ical-timezones", "open"];

// CommonJS packages in an ES module bundle call require() for Node's own modules.
const BANNER =
  'import { createRequire as __idokitCreateRequire } from "node:module";\n' +
  "const require = __idokitCreateRequire(import.meta.url);";

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  // Keep function and class names: --debug stack traces and error messages stay readable.
  keepNames: true,
  minifyWhitespace: true,
  minifySyntax: true,
  // Source maps only on request (`IDOKIT_SOURCEMAP=1 npm run build`): a CPU or allocation
  // profile of a batch worker then names the source files instead of the chunks.
  sourcemap: process.env.IDOKIT_SOURCEMAP === "1",
};

/** Runs scripts/builtins.ts (bundled from the sources) and returns the modules it generates. */
async function generateBuiltins(dist) {
  // Bundled into dist/ so that src/paths.ts finds the package root one level up.
  const outfile = join(dist, "generate-builtins.js");
  await build({
    ...common,
    entryPoints: [join(ROOT, "scripts/builtins.ts")],
    outfile,
    packages: "external",
  });
  try {
    const { generateBuiltins: generate } = await import(pathToFileURL(outfile).href);
    return generate();
  } finally {
    rmSync(outfile, { force: true });
  }
}

/** Replaces each stub module (src/…/builtin*.ts) with what the build prepared. */
function builtinsPlugin(modules) {
  const byPath = new Map(Object.entries(modules).map(([path, code]) => [join(ROOT, path), code]));
  return {
    name: "idokit-builtins",
    setup(esbuild) {
      esbuild.onLoad({ filter: /builtin[^/\\]*\.ts$/ }, (args) => {
        const contents = byPath.get(args.path);
        return contents === undefined ? undefined : { contents, loader: "js" };
      });
    },
  };
}

/** Builds into `dist` (a folder one level below a package root); returns esbuild's metafile. */
export async function buildDist(dist = DIST) {
  rmSync(dist, { recursive: true, force: true });
  const builtins = await generateBuiltins(dist);
  const result = await build({
    ...common,
    entryPoints: Object.fromEntries(
      Object.entries(ENTRIES).map(([name, path]) => [name, join(ROOT, path)]),
    ),
    outdir: dist,
    splitting: true,
    external: EXTERNAL,
    entryNames: "[name]",
    chunkNames: "[name]-[hash]",
    banner: { js: BANNER },
    metafile: true,
    plugins: [builtinsPlugin(builtins)],
  });
  writeFileSync(join(dist, "bundle.json"), `${JSON.stringify(bundleMap(result.metafile, dist))}\n`);
  return result.metafile;
}

/**
 * dist/bundle.json: for every file in dist/, the modules bundled into it (`node_modules/docx/…`,
 * `src/render/docx/index.ts`), so a test that traces what a command loads can name the modules
 * behind the chunks (test/helpers/loaded.ts). Not in the npm package.
 */
function bundleMap(metafile, dist) {
  const map = {};
  for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
    const file = relative(dist, join(process.cwd(), output)).split("\\").join("/");
    map[file] = Object.keys(inputs).map((input) =>
      relative(ROOT, join(process.cwd(), input)).split("\\").join("/"),
    );
  }
  return map;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildDist();
}
