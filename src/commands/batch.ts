import { existsSync, mkdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, extname, isAbsolute, join, resolve } from "node:path";
import { fileInspector, readAnswersFile } from "../answers/load.js";
import { readFileStart } from "../answers/load-file.js";
import { isBlank } from "../answers/values.js";
import { missingColumnProblems, normalizeHeader, schemaColumns } from "../batch/columns.js";
import { assignUniqueNames, toSafeFolderName } from "../batch/folder-names.js";
import type { JobResult, JobSetup, PackJob } from "../batch/jobs.js";
import { loadPackKind, type PackKind, type PackKindId } from "../batch/kinds.js";
import {
  readCompletePackHash,
  removeLeftovers,
  writeFileAtomic,
  zipPackProblem,
} from "../batch/pack-output.js";
import { runBounded, startPackRunner, type PackRunner } from "../batch/pool.js";
import { unpackAnswers } from "../batch/packed-answers.js";
import { readCheckedSheet } from "../batch/read.js";
import type { CheckedRow } from "../batch/sheet-check.js";
import {
  buildReportCsv,
  isBatchReport,
  countRows,
  formatCounts,
  type BatchCounts,
  type BatchProgress,
  type RowReport,
} from "../batch/report.js";
import { checkDefaults } from "../batch/rows.js";
import { columnLetter } from "../batch/table.js";
import { loadVocabulary } from "../domain/load-vocabulary.js";
import { InputError, UsageError, type Problem } from "../errors.js";
import { hashAnswers } from "../pack/manifest.js";
import { inspectDestination } from "../pack/existing.js";
import { acquireLock, LOCK_FILE } from "../pack/lock.js";
import { writePack } from "../pack/write.js";
import { toSystemError, withSystemErrors } from "../system-errors.js";
import type { PackFile } from "../pack/manifest.js";
import { zipPackFiles } from "../batch/zip.js";
import { getPath, listQuestions, setPath, type QuestionContext } from "../questions/define.js";
import { packTimestamp } from "../pack/timestamp.js";
import { newNameProblem } from "../pack/names.js";
import type { CommandContext } from "./context.js";

export const REPORT_FILE = "rapport.csv";

export interface BatchOptions {
  /** The spreadsheet: .xlsx or .csv. */
  file: string;
  pakket: PackKindId;
  /** Output folder; default `<spreadsheet name>-pakketten` in the current folder. */
  out?: string | undefined;
  /** Sheet of an .xlsx; default the first visible one. */
  blad?: string | undefined;
  /** YAML file with values common to all rows; a row's cell overrides them. */
  answers?: string | undefined;
  /** Make nothing when any row has problems. */
  strikt: boolean;
  /** One zip per pack instead of a folder. */
  zip: boolean;
  /** Every .docx and .pptx also as PDF, through LibreOffice, in a bounded pool of runs. */
  pdf?: boolean | undefined;
  /** Skip rows whose pack is complete and made from the same answers; make the rest. */
  hervat: boolean;
  /** Replace existing packs. */
  force: boolean;
  dryRun: boolean;
  casussen: string[];
  /** Only the own casus folders, not the built-in library (`--alleen-eigen-casussen`). */
  alleenEigenCasussen?: boolean | undefined;
  templates?: string | undefined;
  /** A house style file (`--huisstijl`); else the one beside the templates, else idokit's. */
  huisstijl?: string | undefined;
  /** The POI's list of trainingsacteurs (`--acteurs`); else the one beside the templates. */
  acteurs?: string | undefined;
  seed: number;
  /** Worker threads; default one per core. 0 makes packs in this thread. */
  workers?: number | undefined;
}

/** Callbacks for the CLI: the batch never prints itself. */
export interface BatchEvents {
  /**
   * Aborted on Ctrl-C: no new pack is started, the packs under way are finished and written,
   * and rapport.csv says what was made; the result has `afgebroken: true`.
   */
  signal?: AbortSignal;
  /** Making starts: this many packs will be made. */
  onStart?(progress: BatchProgress): void;
  /** A pack was made or failed. */
  onRow?(row: RowReport, progress: BatchProgress): void;
}

export interface BatchResult {
  /** Every non-empty row has its pack. */
  ok: boolean;
  pakket: PackKindId;
  bestand: string;
  map: string;
  /** Path of rapport.csv; null in a dry run. */
  rapport: string | null;
  dryRun: boolean;
  aantallen: BatchCounts;
  samenvatting: string;
  rijen: RowReport[];
  waarschuwingen: string[];
  seconden: number;
  /** Packs made per second while making (0 when none were made). */
  pakkettenPerSeconde: number;
  /** Stopped with Ctrl-C before every pack was made (see `BatchEvents.signal`). */
  afgebroken: boolean;
  /** Problems of the sheet itself, each told once: a needed column that is missing. */
  kolomProblemen?: string[];
}

/**
 * `idokit batch`: spreadsheet rows → validated answers → one pack per row, made in worker threads
 * and written atomically, plus `rapport.csv`. Every row is checked before anything is written.
 * Never throws for a bad row (the report says what is wrong); throws for a bad file or flags.
 */
export async function runBatch(
  options: BatchOptions,
  context: CommandContext,
  events: BatchEvents = {},
): Promise<BatchResult> {
  const started = Date.now();
  if (options.hervat && options.force)
    throw new UsageError("Gebruik --hervat óf --vervang, niet allebei.", {
      hint: "--hervat maakt alleen wat ontbreekt; --vervang maakt alles opnieuw.",
    });
  const kind = await resolveKind(options.pakket);
  const file = resolve(context.cwd, options.file);
  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    context.report.warn(message);
  };

  // 1. The common values, then the sheet, read and checked row by row in the reading thread;
  //    refuse a sheet whose columns cannot be trusted.
  const defaults = readDefaults(options, context, kind);
  // The workers start now and load the resources (and, when packs are to be made, the modules
  // that make them) while the sheet is read in its own thread. What they have to say (a broken
  // template) is told after the sheet's own problems, as if they had started after it.
  // LibreOffice for --pdf is looked up once: the packs' read-me says whether PDFs are in them.
  const pdf = options.pdf && !options.dryRun ? await findPdfConverter() : undefined;
  const wanted = options.workers ?? availableParallelism();
  const starting =
    !options.dryRun || kind.check !== undefined
      ? startPackRunner(setupOf(kind, options, context, pdf?.soffice !== undefined), wanted)
      : undefined;
  try {
    const sheet = await readCheckedSheet(
      file,
      {
        sheet: options.blad,
        knownHeaders: schemaColumns(kind.schema).map((column) => normalizeHeader(column.header)),
      },
      { kind: kind.id, today: context.today, defaults },
    );
    for (const notice of sheet.notices) context.report.info(notice);
    const { columns } = sheet;
    if (columns.problems.length > 0)
      throw new InputError(`${sheet.source}: de kolommen kloppen niet. Er is niets gemaakt.`, {
        problems: columns.problems,
        hint: "Verwijder de dubbele kolom en start opnieuw.",
      });
    if (!columns.matched.some(Boolean))
      throw new InputError(`${sheet.source}: geen enkele kolom hoort bij het ${kind.label}.`, {
        hint: `Staan de kolomnamen in rij 1? Maak een leeg sjabloon met de juiste kolommen: idokit batch sjabloon bibliotheken.xlsx${options.pakket === "training" ? "" : ` --pakket ${options.pakket}`}`,
      });

    // 2. Every row was checked before anything is written.
    const checks = sheet.rows.map((row) => row.check);
    if (checks.every((check) => check === undefined))
      throw new InputError(`${sheet.source} heeft geen ingevulde rijen onder de kolomnamen.`, {
        hint: "Zet één bibliotheek per rij, vanaf rij 2.",
      });

    // A needed column that is not in the sheet is told once, with the unknown column that is
    // probably it (whose own warning would say the same); exact copies of a row are told too.
    const present = checks.filter((check): check is CheckedRow => check !== undefined);
    const missing = missingColumnProblems(sheet, columns.matched, present, present.length);
    const named = [...missing.named].map(
      (index) => `Kolom "${sheet.headers[index]!.trim()}" (${columnLetter(index)})`,
    );
    for (const warning of columns.warnings)
      if (!named.some((start) => warning.startsWith(start))) warn(warning);
    const copies = new Map(sheet.copies);
    for (const [row, first] of copies)
      warn(
        `Rij ${row} is precies gelijk aan rij ${first}: idokit maakt twee dezelfde pakketten. Staat de rij er per ongeluk dubbel in, haal hem dan weg.`,
      );

    // 3. The workers, one per pack at most: each has loaded the resources once, checks what the
    //    schema cannot (pinned casussen exist) before anything is written, and later makes the packs.
    const valid = checks.filter((check) => check?.answers !== undefined).length;
    const soffice = valid > 0 ? pdf?.soffice : undefined;
    if (valid > 0 && pdf?.missing) warn(pdf.missing);
    const runner = valid > 0 ? await starting?.ready : undefined;
    await runner?.limit(Math.min(wanted, valid));
    for (const notice of runner?.notices ?? []) warn(notice);
    if (runner && kind.check) await checkWithResources(runner, checks, dirname(file));

    // 4. Name every pack (readable, safe, unique in row order) and say what happens per row.
    const rows = buildRowReports(sheet.rows, options.zip, copies);
    const out = resolve(context.cwd, options.out ?? `${basename(file, extname(file))}-pakketten`);
    const finish = (making: { ms: number; made: number }, report: string | null): BatchResult => ({
      ...buildResult(options, file, out, rows, warnings, report, started, making),
      kolomProblemen: missing.problems.map((problem) => `${problem.where} ${problem.message}`),
    });
    const badName = newNameProblem(out);
    if (badName) throw badName;
    if (options.dryRun) return finish({ ms: 0, made: 0 }, null);

    // 5. One run per output folder: hold its lock while anything in it is written.
    prepareOutput(out);
    const release = acquireLock(join(out, LOCK_FILE), out);
    try {
      if (options.strikt && rows.some((row) => row.status === "fout")) {
        for (const row of rows) if (row.status === "te maken") row.status = "niet gemaakt";
        return finish({ ms: 0, made: 0 }, writeReport(out, rows, 0, context.now));
      }
      // Clear what a killed run left, and decide per row.
      const leftovers = removeLeftovers(out);
      if (leftovers.length > 0)
        context.report.info(
          `${leftovers.length} half geschreven ${leftovers.length === 1 ? "pakket" : "pakketten"} van een afgebroken run opgeruimd.`,
        );
      const jobs = planJobs(out, rows, checks, options, dirname(file), context.cwd);

      // 6. Make the packs in the workers, write each as it arrives (after its PDFs), and report.
      const making = runner
        ? await makePacks(runner, jobs, options, events, context.cwd, {
            soffice,
            created: context.created ?? packTimestamp(context.today),
          })
        : { ms: 0, made: 0 };
      for (const job of jobs) if (job.row.status === "te maken") job.row.status = "afgebroken";
      return finish(making, writeReport(out, rows, making.made, context.now));
    } finally {
      release();
    }
  } finally {
    await starting?.stop();
  }
}

/** One report line per row: empty, with problems, or to be made into its uniquely named folder. */
function buildRowReports(
  sheetRows: ReadonlyArray<{ number: number; check: CheckedRow | undefined }>,
  zip: boolean,
  copies: ReadonlyMap<number, number> = new Map(),
): RowReport[] {
  const present = sheetRows.flatMap((row) => (row.check ? [row.check] : []));
  const bases = present.map((check) => toSafeFolderName(check.folderParts));
  const names = assignUniqueNames(bases);
  const extension = zip ? ".zip" : "";
  const nameOf = new Map(present.map((check, i) => [check.number, `${names[i]}${extension}`]));
  // The same library, location and date twice is often a copied row: say so, but make both.
  const firstWith = new Map<string, number>();
  present.forEach((check, i) => {
    const first = firstWith.get(bases[i]!);
    const copyOf = copies.get(check.number);
    if (first === undefined) firstWith.set(bases[i]!, check.number);
    else
      check.warnings.push({
        where: `Rij ${check.number}`,
        message:
          copyOf !== undefined
            ? `precies gelijk aan rij ${copyOf}; de map heet daarom ${names[i]}${extension}.`
            : `zelfde bibliotheek, vestiging en datum als rij ${first}; de map heet daarom ${names[i]}${extension}.`,
      });
  });
  return sheetRows.map(({ number, check }): RowReport => {
    if (!check)
      return {
        rij: number,
        bibliotheek: "",
        status: "leeg",
        map: "",
        problemen: [],
        meldingen: [],
      };
    return {
      rij: number,
      bibliotheek: check.library,
      status: check.answers ? "te maken" : "fout",
      map: nameOf.get(number) ?? "",
      problemen: check.problems.map(formatProblem),
      ...(check.missingColumns.length > 0 ? { ontbrekendeKolommen: check.missingColumns } : {}),
      meldingen: check.warnings.map(formatProblem),
    };
  });
}

type PlannedJob = PackJob & { row: RowReport; target: string };

/**
 * The packs to make. With `--hervat` a complete pack made from the same answers is skipped; an
 * existing pack without `--hervat` or `--vervang` stops the batch before anything is written.
 */
function planJobs(
  out: string,
  rows: RowReport[],
  checks: ReadonlyArray<CheckedRow | undefined>,
  options: BatchOptions,
  baseDir: string,
  cwd: string,
): PlannedJob[] {
  const jobs: PlannedJob[] = [];
  const conflicts: string[] = [];
  checks.forEach((check, index) => {
    const row = rows[index]!;
    if (!check?.answers) return;
    const target = join(out, row.map);
    if (existsSync(target)) {
      if (
        options.hervat &&
        readCompletePackHash(target, options.zip) === hashAnswers(unpackAnswers(check.answers))
      ) {
        row.status = "al klaar";
        return;
      }
      if (!options.hervat && !options.force) conflicts.push(row.map);
      else {
        // --force and --hervat replace an earlier pack only, never what someone else put there.
        const refused = replaceProblem(target, options, cwd);
        if (refused) {
          row.status = "fout";
          row.problemen.push(`Rij ${row.rij}: ${refused}`);
          return;
        }
      }
    }
    jobs.push({
      id: index,
      answers: check.answers,
      baseDir,
      ...(options.zip ? { zipName: row.map } : {}),
      row,
      target,
    });
  });
  if (conflicts.length > 0)
    throw new UsageError(
      `${conflicts.length} ${conflicts.length === 1 ? "pakket bestaat" : "pakketten bestaan"} al in ${out}. Er is niets overschreven.`,
      {
        problems: conflicts.slice(0, 10).map((name) => ({ where: name, message: "bestaat al" })),
        hint: "Maak een afgebroken batch af met --hervat (alleen wat ontbreekt of veranderd is), vervang alles met --vervang, of kies een andere map met --map MAP.",
      },
    );
  return jobs;
}

async function resolveKind(pakket: PackKindId): Promise<PackKind> {
  const kind = await loadPackKind(pakket);
  if (!kind)
    throw new UsageError(`Het ${pakket}pakket kan nog niet in een batch worden gemaakt.`, {
      hint: "Gebruik --pakket training.",
    });
  return kind;
}

/** Reads `--antwoorden`: the values common to every row, checked on their own first. */
function readDefaults(
  options: BatchOptions,
  context: CommandContext,
  kind: PackKind,
): { data: Record<string, unknown>; name: string } | undefined {
  if (!options.answers) return undefined;
  const raw = readAnswersFile(resolve(context.cwd, options.answers));
  const name = basename(raw.file);
  const problems = checkDefaults(
    kind.schema,
    raw.data,
    {
      today: context.today,
      vocabulary: loadVocabulary(),
      mode: "file",
      inspectFile: fileInspector(raw.baseDir),
    },
    name,
  );
  if (problems.length > 0)
    throw new InputError(
      `${name}: ${problems.length === 1 ? "1 gemeenschappelijk antwoord klopt" : `${problems.length} gemeenschappelijke antwoorden kloppen`} niet. Er is niets gemaakt.`,
      {
        problems,
        hint: `Verbeter ${name} en start opnieuw.`,
      },
    );
  const data = (raw.data ?? {}) as Record<string, unknown>;
  // A logo path in the common answers starts from that file's folder, not the spreadsheet's.
  for (const question of listQuestions(kind.schema)) {
    const value = getPath(data, question.key);
    if (
      question.kind === "file" &&
      typeof value === "string" &&
      !isBlank(value) &&
      !isAbsolute(value)
    )
      setPath(data, question.key, resolve(raw.baseDir, value));
  }
  return { data, name };
}

/** What every worker needs to check and make packs of this batch. */
function setupOf(
  kind: PackKind,
  options: BatchOptions,
  context: CommandContext,
  pdf: boolean,
): JobSetup {
  return {
    kind: kind.id,
    casussenDirs: options.casussen,
    ownCasussenOnly: options.alleenEigenCasussen,
    templatesDir: options.templates,
    huisstijl: options.huisstijl,
    acteurs: options.acteurs,
    today: context.today,
    seed: options.seed,
    created: (context.created ?? packTimestamp(context.today)).toISOString(),
    // With PDFs the main thread zips, after adding them.
    zip: options.zip && !pdf,
    pdf,
    preload: !options.dryRun,
  };
}

/** Runs the kind's own check for every valid row; a row that fails it gets its problems. */
async function checkWithResources(
  runner: PackRunner,
  checks: ReadonlyArray<CheckedRow | undefined>,
  baseDir: string,
): Promise<void> {
  const jobs: PackJob[] = [];
  checks.forEach((check, id) => {
    if (check?.answers) jobs.push({ id, check: true, answers: check.answers, baseDir });
  });
  await runBounded(runner, jobs, (result) => {
    if (result.ok) return;
    const check = checks[result.id]!;
    delete check.answers;
    const details =
      result.problems.length > 0 ? result.problems : [{ where: "", message: result.message }];
    check.problems.push(
      ...details.map((problem) => ({
        where: `Rij ${check.number}${problem.where ? `, ${problem.where}` : ""}`,
        message: problem.message,
      })),
    );
  });
}

function formatProblem(problem: Problem): string {
  return `${problem.where}: ${problem.message}`;
}

function prepareOutput(out: string): void {
  if (existsSync(out) && !statSync(out).isDirectory())
    throw new InputError(`"${out}" bestaat al en is geen map.`, {
      hint: "Kies een andere plek met --map MAP.",
    });
  mkdirSync(out, { recursive: true });
}

/**
 * Writes rapport.csv, or, when this run made nothing and an earlier report is there, a report
 * beside it (`rapport-JJJJMMDD-UUMM.csv`): the report of the run that made the packs stays.
 * When Excel holds rapport.csv open (Windows), or a rapport.csv that idokit did not write is
 * there, the report goes beside it too: idokit never overwrites what it did not make.
 */
function writeReport(out: string, rows: readonly RowReport[], made: number, now: Date): string {
  const data = new TextEncoder().encode(buildReportCsv(rows));
  const path = join(out, REPORT_FILE);
  const pad = (n: number): string => String(n).padStart(2, "0");
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  const beside = (): string => {
    for (let n = 1; ; n++) {
      const name = join(out, `rapport-${stamp}${n > 1 ? `-${n}` : ""}.csv`);
      if (existsSync(name)) continue;
      writeFileAtomic(name, data);
      return name;
    }
  };
  return withSystemErrors(out, "write", () => {
    if (existsSync(path) && (made === 0 || !isOwnReport(path))) return beside();
    try {
      writeFileAtomic(path, data);
      return path;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EBUSY" && code !== "EPERM" && code !== "EACCES") throw error;
      return beside();
    }
  });
}

/** Whether `path` holds a report idokit wrote (or nothing at all); reads only its start. */
function isOwnReport(path: string): boolean {
  const head = readFileStart(path, 4096);
  return head !== undefined && (head === "" || isBatchReport(head));
}

/**
 * Makes the packs with bounded concurrency: never more jobs in flight than the runner can hold,
 * each pack written and released as soon as it arrives, so memory stays flat however many rows.
 */
async function makePacks(
  runner: PackRunner,
  jobs: readonly PlannedJob[],
  options: BatchOptions,
  events: BatchEvents,
  cwd: string,
  pdf: { soffice: string | undefined; created: Date },
): Promise<{ ms: number; made: number }> {
  const { soffice, created } = pdf;
  if (jobs.length === 0) return { ms: 0, made: 0 };
  const started = Date.now();
  const progress = { total: jobs.length, done: 0, failed: 0, elapsedMs: 0 };
  events.onStart?.({ ...progress });
  const byId = new Map(jobs.map((job) => [job.id, job]));
  const plain = jobs.map(({ row: _row, target: _target, ...job }) => job);
  const write = (job: PlannedJob, files: readonly PackFile[] | JobResult): void => {
    try {
      if ("ok" in files) throw files;
      if (options.zip)
        writeFileAtomic(job.target, soffice ? zipPackFiles(files, created) : files[0]!.data);
      else
        writePack(job.target, files, {
          force: options.force || options.hervat,
          flag: options.hervat ? "--hervat" : "--vervang",
          cwd,
          lock: false,
          warn: (message) => job.row.meldingen.push(`Rij ${job.row.rij}: ${message}`),
        });
      job.row.status = "gemaakt";
    } catch (error) {
      job.row.status = "fout";
      job.row.problemen.push(`Rij ${job.row.rij}: ${failureText(error, job.target)}`);
      progress.failed += 1;
    }
    progress.done += 1;
    progress.elapsedMs = Date.now() - started;
    events.onRow?.(job.row, { ...progress });
  };
  // With --pdf, packs wait in a queue until a chunk is full, then one LibreOffice run converts
  // the chunk; a bounded number of runs go at once, and a full queue holds the workers back.
  const pdfQueue = soffice
    ? new (await import("../pdf/pack-pdfs.js")).PdfQueue<PlannedJob>(
        { soffice, concurrency: PDF_RUNS },
        (job, files, failed) => {
          if (failed.length > 0)
            job.row.meldingen.push(`Rij ${job.row.rij}: geen PDF van ${failed.join(", ")}`);
          write(job, files);
        },
      )
    : undefined;
  await runBounded(
    runner,
    plain,
    (result) => {
      const job = byId.get(result.id)!;
      byId.delete(result.id);
      if (pdfQueue && result.ok) return pdfQueue.add(job, result.files);
      write(job, result.ok ? result.files : result);
      return undefined;
    },
    events.signal,
  );
  await pdfQueue?.finish();
  return {
    ms: Date.now() - started,
    made: jobs.filter((job) => job.row.status === "gemaakt").length,
  };
}

/** LibreOffice runs at a time in a batch: the workers keep making packs meanwhile. */
const PDF_RUNS = 2;

/**
 * LibreOffice for `--pdf`, or the warning that says where to get it (told only when packs are
 * to be made; they are made anyway).
 */
async function findPdfConverter(): Promise<{ soffice?: string; missing?: string }> {
  const { locateSoffice, missingLibreOfficeMessage } = await import("../pdf/libreoffice.js");
  const soffice = locateSoffice();
  return soffice ? { soffice } : { missing: missingLibreOfficeMessage() };
}

/**
 * Why an existing pack folder or zip of a row may not be replaced (--force, --hervat), or
 * nothing when it is an earlier idokit pack.
 */
function replaceProblem(target: string, options: BatchOptions, cwd: string): string | undefined {
  const flag = options.hervat ? "--hervat" : "--vervang";
  if (options.zip) return zipPackProblem(target, flag);
  try {
    inspectDestination(target, { force: true, cwd, flag });
    return undefined;
  } catch (error) {
    return failureText(error, target);
  }
}

function failureText(error: unknown, target?: string): string {
  const system = toSystemError(error, { path: target, action: "write" });
  if (system) return [system.message, system.hint].filter(Boolean).join(" ");
  if (error instanceof InputError) {
    const details = error.problems.map((p) => `${p.where}: ${p.message}`);
    return [error.message, ...details].join(" | ");
  }
  if (error && typeof error === "object" && "ok" in error) {
    const failed = error as Extract<JobResult, { ok: false }>;
    const details = failed.problems.map((p) => `${p.where}: ${p.message}`);
    return [failed.message, ...details].join(" | ");
  }
  return `het pakket kon niet worden geschreven: ${(error as Error)?.message ?? String(error)}`;
}

function buildResult(
  options: BatchOptions,
  file: string,
  out: string,
  rows: RowReport[],
  warnings: string[],
  report: string | null,
  started: number,
  making: { ms: number; made: number },
): BatchResult {
  const aantallen = countRows(rows);
  return {
    ok: aantallen.fout === 0 && aantallen.nietGemaakt === 0 && aantallen.afgebroken === 0,
    pakket: options.pakket,
    bestand: file,
    map: out,
    rapport: report,
    dryRun: options.dryRun,
    aantallen,
    samenvatting: formatCounts(aantallen),
    rijen: rows,
    waarschuwingen: warnings,
    seconden: Math.round((Date.now() - started) / 100) / 10,
    pakkettenPerSeconde:
      making.made > 0 && making.ms > 0 ? Math.round((making.made / making.ms) * 10_000) / 10 : 0,
    afgebroken: rows.some((row) => row.status === "afgebroken"),
  };
}

export interface BatchTemplateOptions {
  /** Where to write: FILE.xlsx, or FILE.csv for the CSV variant. */
  file: string;
  pakket: PackKindId;
  csv: boolean;
  force: boolean;
}

export interface BatchTemplateResult {
  ok: true;
  pakket: PackKindId;
  bestand: string;
  formaat: "xlsx" | "csv";
  kolommen: number;
}

/**
 * `idokit batch sjabloon`: writes the empty spreadsheet of a pack kind, from its schema. An
 * existing file is left alone unless `force`.
 */
export async function runBatchTemplate(
  options: BatchTemplateOptions,
  context: CommandContext,
): Promise<BatchTemplateResult> {
  const kind = await resolveKind(options.pakket);
  const extension = extname(options.file).toLowerCase();
  const formaat = options.csv || extension === ".csv" ? "csv" : "xlsx";
  if (extension !== "" && extension !== `.${formaat}`)
    throw new UsageError(
      formaat === "csv"
        ? `Met --csv hoort de bestandsnaam op .csv te eindigen, niet op "${extension}".`
        : `Een sjabloon is een .xlsx- of .csv-bestand, geen "${extension}".`,
      { hint: "Bijvoorbeeld: idokit batch sjabloon bibliotheken.xlsx (of bibliotheken.csv)" },
    );
  const file = resolve(context.cwd, extension === "" ? `${options.file}.${formaat}` : options.file);
  if (existsSync(file) && !options.force)
    throw new InputError(`Het bestand "${file}" bestaat al. Er is niets overschreven.`, {
      hint: "Kies een andere naam, of vervang het met --vervang.",
    });
  const { describeTemplate, buildTemplateCsv } = await import("../batch/template.js");
  const vocabulary = loadVocabulary();
  const ctx: QuestionContext = { today: context.today, vocabulary, mode: "file" };
  const description = describeTemplate(kind, await kind.exampleAnswers(context.today), ctx);
  const data =
    formaat === "csv"
      ? new TextEncoder().encode(buildTemplateCsv(description))
      : await (await import("../batch/template-xlsx.js")).buildTemplateXlsx(description);
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, data);
  return {
    ok: true,
    pakket: kind.id,
    bestand: file,
    formaat,
    kolommen: description.columns.length,
  };
}
