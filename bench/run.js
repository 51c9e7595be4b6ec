#!/usr/bin/env node
// idokit benchmark: `npm run bench` (builds first). Prints a table of medians; `--json` for data.
// Sections are independent functions below; each returns rows { name, value, unit, note }.
// Timing lives here, never in tests.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "idokit.js");
const ENV = { ...process.env, IDOKIT_VANDAAG: "2026-11-28", NO_COLOR: "1" };

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Runs the binary `runs` times in fresh processes; returns the median wall time in ms. */
function timeCold(args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [BIN, ...args], { env: ENV, encoding: "utf8" });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`idokit ${args.join(" ")} failed: ${result.stderr}`);
    times.push(ms);
  }
  return median(times);
}

/** Cold start of `idokit --help` and of `node -e 0` for reference. */
export async function startup() {
  const nodeOnly = [];
  for (let i = 0; i < 10; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ["-e", "0"]);
    nodeOnly.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return [
    { name: "node -e 0 (reference)", value: median(nodeOnly), unit: "ms" },
    { name: "idokit --help, cold", value: timeCold(["--help"], 10), unit: "ms" },
    { name: "idokit --version, cold", value: timeCold(["--version"], 10), unit: "ms" },
  ];
}

/** One complete trainingspakket in a fresh process, as a user runs it. */
export async function singlePack() {
  const dir = mkdtempSync(join(tmpdir(), "idokit-bench-"));
  try {
    const ms = timeCold(["training", "--voorbeeld", "--map", join(dir, "pakket"), "--vervang"], 5);
    return [{ name: "one trainingspakket, cold process", value: ms, unit: "ms" }];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Packs made in one warm process (resources loaded once), as a batch worker does. */
export async function warmPacks() {
  const { loadVocabulary } = await import(join(ROOT, "dist/domain/load-vocabulary.js"));
  const { validateAnswers } = await import(join(ROOT, "dist/answers/validate.js"));
  const { trainingSchema } = await import(join(ROOT, "dist/questions/training.js"));
  const { readExampleAnswers } = await import(join(ROOT, "dist/commands/training.js"));
  const { loadTrainingResources } = await import(join(ROOT, "dist/pack/resources.js"));
  const { makeTrainingPack } = await import(join(ROOT, "dist/pack/training.js"));
  const today = "2026-11-28";
  const vocabulary = loadVocabulary();
  const loadStart = process.hrtime.bigint();
  const { resources } = loadTrainingResources({ vocabulary });
  const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
  const { answers } = validateAnswers(trainingSchema, readExampleAnswers(today), {
    today,
    vocabulary,
    mode: "file",
  });
  const make = (seed) =>
    makeTrainingPack(answers, resources, {
      today,
      seed,
      created: new Date("2026-11-28T12:00:00Z"),
    });
  for (let i = 0; i < 5; i++) await make(i); // warm-up
  const n = 40;
  const times = [];
  let bytes = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    const pack = await make(i);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    bytes += pack.files.reduce((sum, f) => sum + f.data.byteLength, 0);
  }
  const total = Number(process.hrtime.bigint() - start) / 1e6;
  return [
    { name: "load casussen and templates once", value: loadMs, unit: "ms" },
    { name: "trainingspakket in a warm process (median)", value: median(times), unit: "ms" },
    { name: "packs per second, one core", value: (n / total) * 1000, unit: "packs/s" },
    { name: "average pack size", value: bytes / n / 1024, unit: "kB" },
  ];
}

const SECTIONS = { startup, singlePack, warmPacks };

async function main() {
  const json = process.argv.includes("--json");
  const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const extra = await import("./sections.js").then((m) => m.SECTIONS ?? {}).catch(() => ({}));
  const all = { ...SECTIONS, ...extra };
  const results = {};
  for (const [name, section] of Object.entries(all)) {
    if (only.length > 0 && !only.includes(name)) continue;
    if (!json) process.stderr.write(`… ${name}\n`);
    results[name] = await section();
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  for (const [name, rows] of Object.entries(results)) {
    console.log(`\n${name}`);
    for (const row of rows) {
      const value =
        typeof row.value === "number" ? row.value.toFixed(row.value < 10 ? 2 : 0) : row.value;
      console.log(
        `  ${row.name.padEnd(52)} ${String(value).padStart(9)} ${row.unit ?? ""}${row.note ? `  (${row.note})` : ""}`,
      );
    }
  }
}

await main();
