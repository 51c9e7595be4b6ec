// Batch benchmarks for `npm run bench` (loaded through bench/sections.js):
//   batch        — a batch of 300 rows with the built binary: packs per second
//   batchMemory  — peak RSS of the whole process (main thread and workers) at 100 and 1,000 rows
//   pandoc       — pandoc making the same documents from the same Markdown, side by side with
//                  idokit in the same run, reported as ratios (skipped when pandoc is missing)
// Each section returns rows { name, value, unit, note }, like the sections in bench/run.js.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "idokit.js");
const ENV = { ...process.env, IDOKIT_VANDAAG: "2026-11-28", NO_COLOR: "1" };
const TODAY = "2026-11-28";
const TIME = "/usr/bin/time";

const dist = (path) => import(join(ROOT, "dist", path));

/** Writes a spreadsheet of `rows` libraries: the template's example row with its own name each. */
export async function writeRows(file, rows) {
  const [{ loadPackKind }, { describeTemplate }, { loadVocabulary }, ExcelJS] = await Promise.all([
    dist("batch/kinds.js"),
    dist("batch/template.js"),
    dist("domain/load-vocabulary.js"),
    import("exceljs").then((m) => m.default),
  ]);
  const kind = await loadPackKind("training");
  const ctx = { today: TODAY, vocabulary: loadVocabulary(), mode: "file" };
  const { columns } = describeTemplate(kind, await kind.exampleAnswers(TODAY), ctx);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Bibliotheken");
  sheet.addRow(columns.map((c) => c.header));
  const organisatie = columns.findIndex((c) => c.header === "Organisatie");
  const vestiging = columns.findIndex((c) => c.header === "Vestiging");
  for (let i = 1; i <= rows; i++) {
    const values = columns.map((c) => (c.example === "" ? null : c.example));
    values[organisatie] = `Bibliotheek Bench ${i}`;
    values[vestiging] = `Vestiging ${(i % 7) + 1}`;
    sheet.addRow(values);
  }
  await workbook.xlsx.writeFile(file);
}

/**
 * Runs `idokit batch` under /usr/bin/time -v (when present) and returns the wall time, the peak
 * RSS of the process (worker threads included) and the JSON summary.
 */
function runBatch(dir, file, extra = []) {
  const args = [BIN, "batch", file, "--map", join(dir, "uit"), "--json", "--vervang", ...extra];
  const timed = existsSync(TIME);
  const start = process.hrtime.bigint();
  const result = timed
    ? spawnSync(TIME, ["-v", process.execPath, ...args], {
        env: ENV,
        encoding: "utf8",
        maxBuffer: 1 << 28,
      })
    : spawnSync(process.execPath, args, { env: ENV, encoding: "utf8", maxBuffer: 1 << 28 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0)
    throw new Error(`idokit batch failed (${result.status}): ${result.stderr.slice(-2000)}`);
  const summary = JSON.parse(result.stdout);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  return { wallMs, peakRssMb: rss ? Number(rss[1]) / 1024 : undefined, summary };
}

async function withBatch(rows, action) {
  const dir = mkdtempSync(join(tmpdir(), "idokit-bench-batch-"));
  try {
    const file = join(dir, `bibliotheken-${rows}.xlsx`);
    await writeRows(file, rows);
    return action(runBatch(dir, file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Packs per second for a batch of 300 rows, whole run (start-up, reading, checking included). */
export async function batch() {
  return withBatch(300, ({ wallMs, peakRssMb, summary }) => {
    const made = summary.aantallen.gemaakt;
    const rows = [
      { name: "batch of 300 rows, wall time", value: wallMs / 1000, unit: "s" },
      { name: "batch of 300 rows, whole run", value: made / (wallMs / 1000), unit: "packs/s" },
      {
        name: "batch of 300 rows, while making",
        value: summary.pakkettenPerSeconde,
        unit: "packs/s",
        note: `${availableParallelism()} workers`,
      },
    ];
    if (peakRssMb !== undefined)
      rows.push({ name: "batch of 300 rows, peak RSS", value: peakRssMb, unit: "MB" });
    return rows;
  });
}

/** Peak RSS at 100 and at 1,000 rows: memory must stay flat as the batch grows. */
export async function batchMemory() {
  if (!existsSync(TIME)) return [{ name: "peak RSS", value: "skipped", note: `${TIME} not found` }];
  const small = await withBatch(100, (run) => run.peakRssMb);
  const large = await withBatch(1000, (run) => run.peakRssMb);
  const ratio = large / small;
  return [
    { name: "peak RSS, 100 rows", value: small, unit: "MB" },
    {
      name: "peak RSS, 1,000 rows",
      value: large,
      unit: "MB",
      note: large < 300 ? "target < 300 MB: met" : "target < 300 MB: MISSED",
    },
    {
      name: "peak RSS ratio 1,000 / 100 rows",
      value: ratio,
      unit: "×",
      note: ratio <= 1.2 ? "target ≤ 1.2: met" : "target ≤ 1.2: MISSED",
    },
  ];
}

/** Runs commands with at most `limit` at a time; resolves when all have exited successfully. */
function runAll(commands, limit) {
  return new Promise((resolve, reject) => {
    let next = 0;
    let active = 0;
    const launch = () => {
      if (next >= commands.length && active === 0) return resolve();
      while (active < limit && next < commands.length) {
        const [command, args] = commands[next++];
        active += 1;
        const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (chunk) => (stderr += chunk));
        child.on("exit", (code) => {
          active -= 1;
          if (code !== 0)
            return reject(new Error(`${command} ${args.join(" ")} failed: ${stderr}`));
          launch();
        });
      }
    };
    launch();
  });
}

/**
 * pandoc against idokit on the same documents: idokit's templates rendered to Markdown for `packs`
 * packs, then pandoc makes each .docx and .pptx from that Markdown (one process per document, as
 * many at a time as idokit has workers). idokit makes the same packs with `idokit batch` in the
 * same run. Ratios above 1 mean idokit is faster.
 */
export async function pandoc() {
  if (spawnSync("pandoc", ["--version"]).status !== 0)
    return [{ name: "pandoc comparison", value: "skipped", note: "pandoc not installed" }];
  const version = spawnSync("pandoc", ["--version"], { encoding: "utf8" }).stdout.split("\n")[0];
  const packs = 30;
  const dir = mkdtempSync(join(tmpdir(), "idokit-bench-pandoc-"));
  try {
    // 1. The Markdown of every document of every pack, rendered by idokit's own templates.
    const [{ loadVocabulary }, { validateAnswers }, { trainingSchema }, { readExampleAnswers }] =
      await Promise.all([
        dist("domain/load-vocabulary.js"),
        dist("answers/validate.js"),
        dist("questions/training.js"),
        dist("commands/training.js"),
      ]);
    const [{ loadTrainingResources }, { planTrainingPack }] = await Promise.all([
      dist("pack/resources.js"),
      dist("pack/training.js"),
    ]);
    const vocabulary = loadVocabulary();
    const { resources } = loadTrainingResources({ vocabulary });
    const commands = [];
    let documents = 0;
    for (let i = 1; i <= packs; i++) {
      const raw = readExampleAnswers(TODAY);
      raw.bibliotheek = { ...raw.bibliotheek, organisatie: `Bibliotheek Bench ${i}` };
      const { answers } = validateAnswers(trainingSchema, raw, {
        today: TODAY,
        vocabulary,
        mode: "file",
      });
      const { plan } = planTrainingPack(answers, resources, { today: TODAY, seed: 1 });
      const folder = join(dir, "md", String(i));
      mkdirSync(folder, { recursive: true });
      for (const doc of plan.documents) {
        const source = join(folder, `${doc.file}.md`);
        writeFileSync(source, resources.engine.render(doc.template, plan.view));
        // Slide Markdown separates slides with `---`, which pandoc would take for YAML metadata.
        commands.push([
          "pandoc",
          ["-f", "markdown-yaml_metadata_block", source, "-o", join(folder, doc.file)],
        ]);
        documents += 1;
      }
    }
    const workers = availableParallelism();

    // 2. pandoc, then idokit on the same packs, in the same run.
    const pandocStart = process.hrtime.bigint();
    await runAll(commands, workers);
    const pandocMs = Number(process.hrtime.bigint() - pandocStart) / 1e6;
    const file = join(dir, "bibliotheken.xlsx");
    await writeRows(file, packs);
    const idokit = runBatch(dir, file);
    const made = idokit.summary.aantallen.gemaakt;
    if (made !== packs) throw new Error(`idokit made ${made} of ${packs} packs`);

    const pandocRate = packs / (pandocMs / 1000);
    const idokitWall = packs / (idokit.wallMs / 1000);
    const ratioWall = idokitWall / pandocRate;
    const ratioMaking = idokit.summary.pakkettenPerSeconde / pandocRate;
    return [
      {
        name: `pandoc, ${packs} packs (${documents} documents)`,
        value: pandocMs / 1000,
        unit: "s",
        note: version,
      },
      {
        name: "pandoc per document",
        value: (pandocMs / documents) * workers,
        unit: "ms",
        note: `${workers} at a time`,
      },
      { name: "pandoc throughput", value: pandocRate, unit: "packs/s" },
      {
        name: `idokit batch, same ${packs} packs, whole run`,
        value: idokit.wallMs / 1000,
        unit: "s",
      },
      { name: "idokit throughput, whole run", value: idokitWall, unit: "packs/s" },
      {
        name: "ratio idokit / pandoc, whole run",
        value: ratioWall,
        unit: "×",
        note: ratioWall >= 10 ? "target ≥ 10: met" : "target ≥ 10: MISSED",
      },
      {
        name: "ratio idokit / pandoc, while making",
        value: ratioMaking,
        unit: "×",
        note: "without idokit's process start-up and checking",
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const BATCH_SECTIONS = { batch, batchMemory, pandoc };
