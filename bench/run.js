#!/usr/bin/env node
// idokit benchmark: `npm run bench` (builds first). `node bench/run.js [SECTION…] [--json]`.
//
// The machine this runs on is shared and often loaded, so absolute times are noise: every goal is
// a RATIO against a reference measured in the same run, the two interleaved (A, B, A, B …), and
// the median of the pairwise ratios is reported. Timing lives here, never in tests.
//
// Sections (each returns rows { name, value, unit, note }):
//   startup  cold `idokit --help` against `node -e 0`
//   single   one cold trainingspakket against pandoc making the same documents from idokit's own
//            rendered Markdown, one after another; words and pages of both
//   batch    `idokit batch` against pandoc making the same packs, both two at a time
//   memory   peak RSS of `idokit batch` at 100 and at 1,000 rows
//   pdf      seconds per pack with --pdf (LibreOffice), single and in a batch
//   warm     packs made one after another in one process (no start-up): where a pack's time goes
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import {
  BIN,
  TODAY,
  goal,
  hasTime,
  interleave,
  median,
  row,
  runAll,
  runIdokit,
  runSequentially,
  runTimed,
} from "./lib.js";
import { loadApi, pandocCommands, pandocVersion, wordsAndPages } from "./pandoc.js";

const WORKERS = availableParallelism();

async function withTemp(prefix, action) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return await action(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Cold `idokit --help` against `node -e 0`, interleaved. */
export async function startup() {
  const node = () => runTimed(process.execPath, ["-e", "0"]);
  const help = () => runIdokit(["--help"]);
  const version = () => runIdokit(["--version"]);
  const h = await interleave(help, node, 21);
  const v = await interleave(version, node, 11);
  return [
    row("node -e 0 (reference)", h.b, "ms"),
    row("idokit --help, cold", h.a, "ms"),
    goal("ratio --help / node -e 0", h.ratio, { atMost: 1.5 }),
    row("  the same in CPU time", h.cpuRatio, "×"),
    row("ratio --version / node -e 0", v.ratio, "×"),
  ];
}

/**
 * One cold trainingspakket (a fresh process, as a user runs it) against pandoc making the same
 * documents from the Markdown idokit's templates render, one process after the other.
 */
export async function single() {
  const version = pandocVersion();
  if (!version) return [row("single pack vs pandoc", "skipped", "", "pandoc not installed")];
  const { packMarkdown } = await loadApi();
  return withTemp("idokit-bench-single-", async (dir) => {
    const documents = packMarkdown(TODAY);
    const commands = pandocCommands(documents, join(dir, "pandoc"));
    const pack = join(dir, "idokit");
    const idokit = () => runIdokit(["training", "--voorbeeld", "--map", pack, "--vervang"]);
    const pandoc = () => runSequentially(commands);
    const r = await interleave(idokit, pandoc, 7);
    const office = (base) =>
      documents
        .filter((d) => d.format === "docx" || d.format === "pptx")
        .map((d) => join(base, d.file));
    const ours = wordsAndPages(office(pack));
    const theirs = wordsAndPages(office(join(dir, "pandoc")));
    const counts = (c) => (c ? `${c.words} words, ${c.pages} pages in ${c.files} files` : "n/a");
    return [
      row("pandoc, same documents one after another", r.b, "ms", `${commands.length} runs`),
      row("idokit training --voorbeeld, cold", r.a, "ms"),
      goal("ratio idokit / pandoc, cold pack", r.ratio, { atMost: 1 }),
      row("  spread of the pairwise ratios", r.ratioSpread, ""),
      row(
        "  the same in CPU time",
        r.cpuRatio,
        "×",
        r.aCpu && `${r.aCpu.toFixed(0)} / ${r.bCpu.toFixed(0)} ms`,
      ),
      row("  idokit's Word and PowerPoint files", counts(ours), ""),
      row("  pandoc's Word and PowerPoint files", counts(theirs), "", version),
    ];
  });
}

/**
 * `idokit batch` of ROWS libraries against pandoc making the same packs, both with the same
 * parallelism (pandoc: one process per document, as many at a time as idokit has workers).
 * Whole runs: start-up, reading the spreadsheet and checking included.
 */
export async function batch() {
  const version = pandocVersion();
  if (!version) return [row("batch vs pandoc", "skipped", "", "pandoc not installed")];
  const rows = 40;
  const { packMarkdown, writeRows } = await loadApi();
  return withTemp("idokit-bench-batch-", async (dir) => {
    const commands = [];
    for (let i = 1; i <= rows; i++)
      commands.push(
        ...pandocCommands(
          packMarkdown(TODAY, `Bibliotheek Bench ${i}`),
          join(dir, "pandoc", `${i}`),
        ),
      );
    const file = join(dir, "bibliotheken.xlsx");
    await writeRows(file, rows, TODAY);
    let summary;
    const idokit = () => {
      const run = runIdokit(["batch", file, "--map", join(dir, "uit"), "--json", "--vervang"]);
      summary = JSON.parse(run.stdout);
      if (summary.aantallen.gemaakt !== rows)
        throw new Error(`idokit made ${summary.aantallen.gemaakt} of ${rows} packs`);
      return run;
    };
    const pandoc = () => runAll(commands, WORKERS);
    const r = await interleave(idokit, pandoc, 3, { warmup: 0 });
    const rate = (ms) => rows / (ms / 1000);
    return [
      row(
        `pandoc, ${rows} packs, ${WORKERS} at a time`,
        rate(r.b),
        "packs/s",
        `${commands.length} runs`,
      ),
      row(`idokit batch, ${rows} rows, whole run`, rate(r.a), "packs/s", `${WORKERS} workers`),
      row("idokit batch, while making (its own figure)", summary.pakkettenPerSeconde, "packs/s"),
      goal("ratio idokit / pandoc throughput", 1 / r.ratio, { atLeast: 10 }),
      row("  spread of the pairwise ratios (time)", r.ratioSpread, ""),
      row(
        "  the same in CPU time",
        r.cpuRatio && 1 / r.cpuRatio,
        "×",
        r.aCpu && `CPU per pack ${(r.aCpu / rows).toFixed(0)} / ${(r.bCpu / rows).toFixed(0)} ms`,
      ),
    ];
  });
}

/** Peak RSS at 100 and at 1,000 rows: memory must stay flat as the batch grows. */
export async function memory() {
  if (!hasTime) return [row("peak RSS", "skipped", "", "/usr/bin/time not found")];
  const { writeRows } = await loadApi();
  const peak = (rows) =>
    withTemp("idokit-bench-memory-", async (dir) => {
      const file = join(dir, "bibliotheken.xlsx");
      await writeRows(file, rows, TODAY);
      const args = [BIN, "batch", file, "--map", join(dir, "uit"), "--json", "--vervang"];
      return runTimed(process.execPath, args);
    });
  const small = await peak(100);
  const large = await peak(1000);
  const ratio = large.peakRssMb / small.peakRssMb;
  return [
    row("peak RSS, 100 rows", small.peakRssMb, "MB"),
    goal("peak RSS, 1,000 rows", large.peakRssMb, { atMost: 300, unit: "MB" }),
    goal("peak RSS ratio 1,000 / 100 rows", ratio, { atMost: 1.2 }),
    row("  1,000 rows, whole run", 1000 / (large.ms / 1000), "packs/s"),
  ];
}

/** --pdf: LibreOffice converts every Word and PowerPoint file; seconds per pack. */
export async function pdf() {
  const { writeRows } = await loadApi();
  return withTemp("idokit-bench-pdf-", async (dir) => {
    const pack = join(dir, "pakket");
    const plain = [];
    const withPdf = [];
    for (let i = 0; i < 2; i++) {
      plain.push(runIdokit(["training", "--voorbeeld", "--map", pack, "--vervang"]).ms);
      const run = runIdokit([
        "training",
        "--voorbeeld",
        "--map",
        pack,
        "--vervang",
        "--pdf",
        "--json",
      ]);
      if (!JSON.parse(run.stdout).pdf)
        return [row("--pdf", "skipped", "", "LibreOffice not found")];
      withPdf.push(run.ms);
    }
    const rows = 6;
    const file = join(dir, "bibliotheken.xlsx");
    await writeRows(file, rows, TODAY);
    const args = ["batch", file, "--map", join(dir, "uit"), "--json", "--vervang", "--pdf"];
    const batchRun = runIdokit(args);
    return [
      row("one pack with --pdf, cold", median(withPdf) / 1000, "s"),
      row("  of which the PDFs", (median(withPdf) - median(plain)) / 1000, "s"),
      row(`batch of ${rows} rows with --pdf, per pack`, batchRun.ms / 1000 / rows, "s"),
    ];
  });
}

/** Packs one after another in one warm process, as a batch worker makes them. */
export async function warm() {
  const { makePacks } = await loadApi();
  const { times, cpu, bytes } = await makePacks(TODAY, 30, 5);
  return [
    row("trainingspakket in a warm process (median)", median(times), "ms"),
    row("  CPU time (median)", median(cpu), "ms"),
    row("packs per second, one core (CPU)", 1000 / median(cpu), "packs/s"),
    row("pack size", bytes / 1024, "kB"),
  ];
}

const SECTIONS = { startup, single, batch, memory, pdf, warm };
const DEFAULT = ["startup", "single", "batch", "memory", "pdf", "warm"];

async function main() {
  const json = process.argv.includes("--json");
  const asked = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const unknown = asked.filter((name) => !SECTIONS[name]);
  if (unknown.length > 0) {
    console.error(
      `unknown section ${unknown.join(", ")}; known: ${Object.keys(SECTIONS).join(", ")}`,
    );
    process.exit(2);
  }
  const results = {};
  for (const name of asked.length > 0 ? asked : DEFAULT) {
    process.stderr.write(`… ${name}\n`);
    results[name] = await SECTIONS[name]();
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  for (const [name, rows] of Object.entries(results)) {
    console.log(`\n${name}`);
    for (const r of rows) {
      const value = typeof r.value === "number" ? r.value.toFixed(r.value < 10 ? 2 : 0) : r.value;
      const unit = r.unit ? ` ${r.unit}` : "";
      console.log(
        `  ${r.name.padEnd(46)} ${String(value).padStart(9)}${unit}${r.note ? `  (${r.note})` : ""}`,
      );
    }
  }
}

await main();
