import { existsSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileInspector, readAnswersFile, readLogo } from "../answers/load.js";
import { serializeAnswers } from "../answers/serialize.js";
import { UsageError, type Problem } from "../errors.js";
import {
  getPath,
  listQuestions,
  setPath,
  type AnswersOf,
  type Draft,
  type QuestionContext,
  type SchemaNode,
  type Section,
} from "../questions/define.js";
import type { QuestionPicker, WizardPrompts } from "../questions/wizard.js";
import { completeAnswers } from "../questions/wizard-session.js";
import { shellQuote } from "../shell-quote.js";
import { checkLogo } from "../answers/logo.js";
import { readFileStart } from "../answers/load-file.js";
import type { Logo } from "../render/theme.js";
import type { CommandContext } from "./context.js";
import { findExample } from "./examples.js";
import { renameWithRetry } from "../pack/retry.js";

/**
 * How every pack command gets its answers: from its built-in example, an answers file, or the
 * wizard in a terminal. One function for all commands; each passes its own schema, wizard
 * sections and example (an `AnswerSpec`).
 */

type Schema = { readonly [key: string]: SchemaNode };

/** What differs per command. */
export interface AnswerSpec<S extends Schema> {
  schema: S;
  sections: readonly Section[];
  /** The command as a person types it, for hints: `idokit training`. */
  command: string;
  /** The pack in the summary's "go" choice: "het trainingspakket". */
  packName: string;
  /**
   * The answers (raw) of the built-in example `name` (`true`: the default one), with dates moved
   * ahead of `today`. Throws a usage error for an unknown name.
   */
  example(today: string, name: string | true): Record<string, unknown>;
}

/** The answer flags every pack command shares. */
export interface AnswerOptions {
  answers?: string | undefined;
  /** `--voorbeeld [naam]`: false, true (the default example) or the name of an example. */
  voorbeeld: boolean | string;
  out?: string | undefined;
  dryRun: boolean;
  /** Take the defaults for everything not given; ask only what has none (`--standaard`). */
  yes?: boolean;
  /** Ask every question again, with the answers file's values as defaults (`--bewerk`). */
  bewerk?: boolean;
}

/** How the command reaches a person; injected by the CLI (a terminal) or by tests (a script). */
export interface AnswerIO {
  /** Creates the wizard's prompts; only called when a question is asked. */
  prompts?: () => Promise<WizardPrompts>;
  /**
   * The command's own prompts for some questions, by key: the training's casussen are proposed
   * and ticked in a list rather than typed as ids. Used only in the wizard.
   */
  pickers?: Readonly<Record<string, QuestionPicker>>;
  /** Answers handed over in memory by the web form, instead of an answers file. */
  given?: GivenAnswers;
}

/** Answers handed over in memory (the web form), with the files they name. */
export interface GivenAnswers {
  data: unknown;
  /** How the answers are called in messages: "het formulier". */
  source: string;
  /**
   * The files the answers name (the logo), as bytes, by the name in the answer: nothing is read
   * from a path a browser gave.
   */
  files: ReadonlyMap<string, Uint8Array>;
}

export interface CollectedAnswers<A> {
  answers: A;
  warnings: Problem[];
  /** The folder relative file answers (logo) are read from. */
  baseDir: string;
  /** Questions asked in the wizard; 0 when the answers came from a file alone. */
  asked: number;
  /** The logo a file answer names, read the way the answers were checked (undefined: none). */
  logoOf(path: string): Logo | undefined;
  /** The run's one draft file (see `DraftKeeper`). */
  drafts?: DraftKeeper;
  /** The idokit draft the answers came from; removed once the pack is made (`removeUsedDraft`). */
  draftFile?: string;
}

/** Refuses contradictory flags before anything is asked or read. */
export function checkAnswerFlags(
  spec: Pick<AnswerSpec<Schema>, "command">,
  options: AnswerOptions,
  context: CommandContext,
): void {
  if (options.voorbeeld !== false && options.answers)
    throw new UsageError("Gebruik --voorbeeld óf --antwoorden, niet allebei.");
  // An unknown example name is refused before anything is loaded or asked.
  if (typeof options.voorbeeld === "string") findExample(options.voorbeeld);
  if (options.bewerk && options.voorbeeld !== false)
    throw new UsageError("--bewerk past een eigen antwoordenbestand aan, niet het voorbeeld.", {
      hint: `Bewaar eerst een pakket van het voorbeeld en bewerk dan zijn antwoorden.yaml: ${spec.command} --antwoorden MAP/antwoorden.yaml --bewerk`,
    });
  if (options.bewerk && !options.answers)
    throw new UsageError("--bewerk heeft een antwoordenbestand nodig om aan te passen.", {
      hint: `Gebruik het samen met --antwoorden BESTAND, bijvoorbeeld: ${spec.command} --antwoorden antwoorden.yaml --bewerk`,
    });
  if (options.bewerk && options.yes)
    throw new UsageError(
      "Gebruik --bewerk óf --standaard: --bewerk stelt alle vragen opnieuw, --standaard zo min mogelijk.",
    );
  if (options.bewerk && !context.interactive)
    throw new UsageError(
      "--bewerk stelt alle vragen opnieuw en heeft daarvoor een terminal nodig.",
      {
        hint: "Start het commando in een terminal (zonder --json), of pas het antwoordenbestand zelf aan.",
      },
    );
}

/** File answers (logo) are relative to the answers file; typed ones to the current folder. */
function rebaseFiles(schema: Schema, data: unknown, baseDir: string, cwd: string): unknown {
  if (!data || typeof data !== "object" || baseDir === cwd) return data;
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const q of listQuestions(schema).filter((q) => q.kind === "file")) {
    const value = getPath(copy, q.key);
    if (typeof value === "string" && value.trim() && !isAbsolute(value.trim()))
      setPath(copy, q.key, relative(cwd, resolve(baseDir, value.trim())));
  }
  return copy;
}

/** The file name idokit gives a draft: `idokit-concept-20261207-0130.yaml` (`-2` when taken). */
const DRAFT_NAME = /^idokit-concept-\d{8}-\d{4}(?:-\d+)?\.yaml$/;

/**
 * True when `file` is a draft idokit wrote: its name and its first line are idokit's. Only such a
 * file is ever replaced or removed; an answers file a person named or wrote stays untouched.
 */
export function isIdokitDraft(file: string): boolean {
  if (!DRAFT_NAME.test(basename(file))) return false;
  return /^# Antwoorden voor idokit /.test(readFileStart(file, 200) ?? "");
}

/**
 * Writes answers that are not complete yet to `idokit-concept-<date>-<time>.yaml` in `dir`,
 * never over an existing file, or, with `file`, over that draft of the same run (through a
 * temporary file, so a crash leaves the old draft whole). Returns the path as the person can
 * type it (relative when in `cwd`). `resume` is the command that continues, without
 * `--antwoorden`: `idokit training --map pakket-maart`.
 */
export function writeAnswersDraft(
  schema: Schema,
  draft: Draft,
  options: { dir: string; cwd: string; now: Date; command: string; resume?: string; file?: string },
): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  const { now } = options;
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  const shownOf = (file: string): string =>
    relative(options.cwd, file).startsWith("..") || isAbsolute(relative(options.cwd, file))
      ? file
      : relative(options.cwd, file);
  const textOf = (shown: string): string => {
    const header = [
      `Antwoorden voor ${options.command}, bewaard op ${pad(now.getDate())}-${pad(now.getMonth() + 1)}-${now.getFullYear()} om ${pad(now.getHours())}.${pad(now.getMinutes())} uur.`,
      `Ga verder met: ${options.resume ?? options.command} --antwoorden ${shellQuote(shown)}`,
    ].join("\n");
    return serializeAnswers(schema, draft, header);
  };
  if (options.file) {
    const shown = shownOf(options.file);
    const temp = `${options.file}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, textOf(shown), { flag: "wx" });
      renameWithRetry(temp, options.file);
    } finally {
      rmSync(temp, { force: true });
    }
    return shown;
  }
  for (let n = 1; ; n++) {
    const file = join(options.dir, `idokit-concept-${stamp}${n > 1 ? `-${n}` : ""}.yaml`);
    const shown = shownOf(file);
    try {
      writeFileSync(file, textOf(shown), { flag: "wx" });
      return shown;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || n > 50) throw error;
    }
  }
}

/**
 * The one draft of a run: the first save creates it (or reuses the draft the run started from),
 * every later save (another Ctrl-C, a failure while making the pack) replaces it, so a run never
 * leaves more than one. `resume` is the command that continues from it, `--map` included.
 */
export interface DraftKeeper {
  save(draft: Draft): string;
  resume(file: string): string;
  /** The draft the run started from (`--antwoorden idokit-concept-….yaml`), if any. */
  startedFrom: string | undefined;
}

function draftKeeper(
  spec: Pick<AnswerSpec<Schema>, "schema" | "command">,
  options: AnswerOptions,
  context: CommandContext,
): DraftKeeper {
  const answersFile = options.answers ? resolve(context.cwd, options.answers) : undefined;
  const startedFrom = answersFile && isIdokitDraft(answersFile) ? answersFile : undefined;
  let own: string | undefined = startedFrom;
  const command = options.out ? `${spec.command} --map ${shellQuote(options.out)}` : spec.command;
  return {
    startedFrom,
    resume: (file) => `${command} --antwoorden ${shellQuote(file)}`,
    save(draft) {
      const shown = writeAnswersDraft(spec.schema, draft, {
        dir: draftDir(options, context),
        cwd: context.cwd,
        now: context.now,
        command: spec.command,
        resume: command,
        ...(own ? { file: own } : {}),
      });
      own = resolve(context.cwd, shown);
      return shown;
    },
  };
}

/**
 * After a pack was made from a draft: the draft has done its work (its answers are in the pack's
 * antwoorden.yaml), so it is removed, if it is still idokit's draft. Never fails the run.
 */
export function removeUsedDraft(
  collected: Pick<CollectedAnswers<unknown>, "draftFile">,
  report?: { info(message: string): void },
): void {
  const file = collected.draftFile;
  if (!file || !isIdokitDraft(file)) return;
  try {
    rmSync(file);
    report?.info(
      `Het concept ${basename(file)} is verwijderd: de antwoorden staan nu in het pakket.`,
    );
  } catch {
    // Left in place: harmless, and the person can remove it.
  }
}

/** The folder for a draft: beside the pack folder when --map has an existing parent, else here. */
function draftDir(options: AnswerOptions, context: CommandContext): string {
  if (!options.out) return context.cwd;
  const parent = dirname(resolve(context.cwd, options.out));
  return existsSync(parent) ? parent : context.cwd;
}

/** Saves the answers typed in the wizard; set from the wizard's end until the pack is written. */
let unwrittenAnswers: (() => { file: string; resume: string }) | undefined;

/**
 * Saves the answers typed in the wizard of the pack that is being made, as a draft, when the
 * person stops (Ctrl-C) before it is written. Returns the draft's path and the command that
 * continues from it; nothing when nothing was typed (answers from a file or the example) or the
 * pack is already written. The CLI calls this on SIGINT.
 */
export function saveUnwrittenAnswers(): { file: string; resume: string } | undefined {
  const save = unwrittenAnswers;
  unwrittenAnswers = undefined;
  return save?.();
}

/**
 * Collects a command's answers: from its example, an answers file, or the wizard (in a
 * terminal), which asks what is missing or wrong, or everything with --bewerk. Without a
 * terminal, missing answers are a usage error that lists them.
 */
export async function collectAnswers<S extends Schema>(
  spec: AnswerSpec<S>,
  options: AnswerOptions,
  context: CommandContext,
  ctx: QuestionContext,
  io: AnswerIO = {},
): Promise<CollectedAnswers<AnswersOf<S>>> {
  checkAnswerFlags(spec, options, context);
  const raw =
    options.voorbeeld !== false
      ? {
          data: spec.example(context.today, options.voorbeeld),
          file: `het ingebouwde voorbeeld ${findExample(options.voorbeeld).naam}`,
          baseDir: context.cwd,
        }
      : io.given
        ? { data: io.given.data, file: io.given.source, baseDir: context.cwd }
        : options.answers
          ? readAnswersFile(resolve(context.cwd, options.answers))
          : { data: {}, file: "", baseDir: context.cwd };
  // The example is complete by design: never start asking about it.
  const interactive =
    context.interactive && options.voorbeeld === false && io.prompts !== undefined;
  const baseDir = interactive ? context.cwd : raw.baseDir;
  const drafts = draftKeeper(spec, options, context);
  const saveDraft = (draft: Draft): string => drafts.save(draft);
  const { answers, warnings, asked } = await completeAnswers({
    schema: spec.schema,
    sections: spec.sections,
    raw: interactive ? rebaseFiles(spec.schema, raw.data, raw.baseDir, context.cwd) : raw.data,
    source: raw.file,
    ctx: {
      ...ctx,
      inspectFile: io.given ? givenFileInspector(io.given.files) : fileInspector(baseDir),
    },
    interactive,
    edit: Boolean(options.bewerk),
    acceptDefaults: Boolean(options.yes) || options.voorbeeld !== false,
    prompts: io.prompts,
    pickers: io.pickers,
    confirmLabel: options.dryRun
      ? "Ja, laat zien wat er gemaakt wordt"
      : `Ja, maak ${spec.packName}`,
    command: spec.command,
    resumeCommand: (file) => drafts.resume(file),
    saveDraft,
    warn: (message) => context.report.warn(message),
  });
  // Typed answers are not on disk until the pack is: keep them for a Ctrl-C while it is made.
  unwrittenAnswers =
    asked > 0
      ? () => {
          const file = saveDraft(answers as unknown as Draft);
          return { file, resume: drafts.resume(file) };
        }
      : undefined;
  const logoOf = (path: string): Logo | undefined => {
    if (!io.given) return readLogo(path, baseDir).logo;
    const data = io.given.files.get(path);
    return data ? checkLogo(data).logo : undefined;
  };
  return {
    answers,
    warnings,
    baseDir,
    asked,
    logoOf,
    drafts,
    ...(drafts.startedFrom ? { draftFile: drafts.startedFrom } : {}),
  };
}

/** The file check for answers handed over in memory: the file must have come along, as an image. */
export function givenFileInspector(
  files: ReadonlyMap<string, Uint8Array>,
): (path: string) => string | undefined {
  return (path) => {
    const data = files.get(path);
    if (!data) return `het bestand "${path}" is niet meegestuurd. Kies het opnieuw.`;
    const result = checkLogo(data);
    return result.error === undefined ? undefined : `"${path}" ${result.error}`;
  };
}

/**
 * Makes a pack from collected answers; typed answers survive a failure while making it (a folder
 * that exists, a bug) as a draft the person can continue from.
 */
export async function keepAnswersOnFailure<S extends Schema, R>(
  spec: AnswerSpec<S>,
  collected: CollectedAnswers<AnswersOf<S>>,
  options: AnswerOptions,
  context: CommandContext,
  make: () => Promise<R>,
): Promise<R> {
  try {
    const result = await make();
    if (!options.dryRun) removeUsedDraft(collected, context.report);
    return result;
  } catch (error) {
    unwrittenAnswers = undefined;
    if (collected.asked > 0) {
      try {
        const drafts = collected.drafts ?? draftKeeper(spec, options, context);
        const file = drafts.save(collected.answers as unknown as Draft);
        context.report.warn(
          `Je antwoorden zijn bewaard in ${file}. Probeer het opnieuw met: ${drafts.resume(file)}`,
        );
      } catch {
        // Nothing more to do: the error that brought us here is reported by the caller.
      }
    }
    throw error;
  } finally {
    // Written into the pack (or into a draft above): nothing left to save on Ctrl-C.
    unwrittenAnswers = undefined;
  }
}
