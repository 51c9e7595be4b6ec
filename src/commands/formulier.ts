import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { actorListIn, loadActorList } from "../acteurs/load.js";
import type { ActorList } from "../acteurs/parse.js";
import { readAnswersFile, readLogo } from "../answers/load.js";
import { zipPackFiles } from "../batch/zip.js";
import { loadVocabulary } from "../domain/load-vocabulary.js";
import { InputError } from "../errors.js";
import { FormSession, type FormPack, type MakeOutcome } from "../form/session.js";
import { startFormServer, type StopReason } from "../form/server.js";
import { readFileGuide } from "../form/file-guide.js";
import { FORM_STYLE } from "../form/style.js";
import { README_FILE } from "../plan/extras.js";
import { loadTrainingResources } from "../pack/resources.js";
import { assertWritable } from "../pack/write.js";
import { PACKAGE_ROOT } from "../paths.js";
import { getPath, type Draft } from "../questions/define.js";
import { VERSION } from "../version.js";
import type { GivenAnswers } from "./answers.js";
import { BIJEENKOMST_ANSWERS, loadBijeenkomstResources, runBijeenkomst } from "./bijeenkomst.js";
import type { CommandContext } from "./context.js";
import { runTraining, TRAINING_ANSWERS } from "./training.js";

/**
 * `idokit formulier`: the questions of a pack as a web form on this computer. Starts a server on
 * the loopback address and makes the pack with the same command code as `idokit training` and
 * `idokit bijeenkomst`, written by the same pack writer. Runs until stopped or idle.
 */

export interface FormulierOptions {
  bijeenkomst: boolean;
  answers?: string | undefined;
  out?: string | undefined;
  /** Undefined: the usual port (`DEFAULT_PORT`), or a free one when that is taken; 0: a free port. */
  poort?: number | undefined;
  casussen: string[];
  /** Only the own casus folders, not the built-in library (`--alleen-eigen-casussen`). */
  alleenEigenCasussen?: boolean | undefined;
  /** The POI's list of trainingsacteurs (`--acteurs`); else the one beside the templates. */
  acteurs?: string | undefined;
  templates?: string | undefined;
  /** A house style file (`--huisstijl`), as for the pack commands. */
  huisstijl?: string | undefined;
  seed: number;
  /** Stop after this many minutes without an open form. */
  idleMinutes: number;
}

/**
 * The port of the form unless `--poort` says otherwise. Always the same, because the browser keeps
 * the draft per address (port included): at the usual address a new run finds the draft again.
 */
export const DEFAULT_PORT = 47110;

export interface FormulierRun {
  /** The page with its token: printed in the terminal. */
  url: string;
  /** A one-time link for the browser opener, whose command line `ps` shows (see the server). */
  launchUrl(): string;
  port: number;
  /** The port to give with --poort to find this run's draft again; undefined: no need. */
  portForDraft: number | undefined;
  /** Resolves when the server has stopped, with why. */
  stopped: Promise<StopReason>;
  stop(): Promise<void>;
}

/** The built browser script (compiled from src/form/client by `npm run build`). */
const CLIENT_SCRIPT = join(PACKAGE_ROOT, "dist", "form", "client", "app.js");

/** The first of `path`, `path-2`, `path-3`, … that does not exist or is an empty folder. */
export function freeFolder(path: string): string {
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? path : `${path}-${n}`;
    if (!existsSync(candidate)) return candidate;
    if (statSync(candidate).isDirectory() && readdirSync(candidate).length === 0) return candidate;
  }
  throw new InputError(`Er is geen vrije mapnaam naast "${path}" te vinden.`, {
    hint: "Ruim oude pakketten op, of kies een andere map met --map.",
  });
}

function readClientScript(): Uint8Array {
  try {
    return readFileSync(CLIENT_SCRIPT);
  } catch {
    throw new Error(
      `Het script van het formulier ontbreekt (${CLIENT_SCRIPT}). Draai npm run build.`,
    );
  }
}

/** True when LibreOffice is there to make PDFs; the PDF module loads only for this check. */
async function canMakePdfs(): Promise<boolean> {
  const { locateSoffice } = await import("../pdf/libreoffice.js");
  return locateSoffice() !== undefined;
}

/** Starts the form; the CLI prints the URL, opens the browser and waits for `stopped`. */
export async function startFormulier(
  options: FormulierOptions,
  context: CommandContext,
  hooks: { openFolder?: ((path: string) => Promise<void>) | undefined } = {},
): Promise<FormulierRun> {
  // 1. Refuse an existing output folder before anyone answers a question.
  if (options.out)
    assertWritable(resolve(context.cwd, options.out), { force: false, cwd: context.cwd });

  // 2. What the pack is made from: a broken casus or template folder is reported up front.
  const vocabulary = loadVocabulary();
  let pack: FormPack;
  let actors: ActorList | undefined;
  if (options.bijeenkomst) {
    const { notices } = loadBijeenkomstResources({
      templatesDir: options.templates,
      huisstijl: options.huisstijl,
      vocabulary,
    });
    for (const notice of notices) context.report.warn(notice);
    pack = {
      kind: "bijeenkomst",
      answers: BIJEENKOMST_ANSWERS,
      title: "Een bijeenkomstpakket maken",
      intro:
        "Voor de lokale IDO-bijeenkomst, waarin jullie de werkafspraken vastleggen. Vul in wat al vastligt; wat nog open is, spreken jullie in de bijeenkomst af.",
    };
  } else {
    // The POI's trainingsacteurs: the form offers their names, and a name brings its details.
    const actorFile = options.acteurs ?? actorListIn(options.templates);
    actors = actorFile === undefined ? undefined : await loadActorList(actorFile);
    const { resources, notices } = loadTrainingResources({
      vocabulary,
      casussenDirs: options.casussen,
      ownCasussenOnly: options.alleenEigenCasussen,
      templatesDir: options.templates,
      huisstijl: options.huisstijl,
      acteurs: actors,
    });
    for (const notice of notices) context.report.warn(notice);
    pack = {
      kind: "training",
      answers: TRAINING_ANSWERS,
      title: "Een trainingspakket maken",
      intro:
        "Beantwoord de vragen over jullie IDO en de training. idokit maakt daarna alle documenten voor de vaardigheidstraining met een trainingsacteur.",
      casus: { library: resources.casussen, seed: options.seed },
    };
  }

  // 3. Answers to start from (--antwoorden), with the logo they name read here, not by the browser.
  let start: ConstructorParameters<typeof FormSession>[0]["start"];
  if (options.answers) {
    const raw = readAnswersFile(resolve(context.cwd, options.answers));
    const logoPath = getPath(raw.data, "huisstijl.logo");
    let logo: { name: string; data: Uint8Array } | undefined;
    if (typeof logoPath === "string" && logoPath.trim()) {
      const read = readLogo(logoPath.trim(), raw.baseDir);
      if (read.logo) logo = { name: basename(logoPath.trim()), data: read.logo.data };
      else context.report.warn(`Logo: ${read.error} Kies het logo in het formulier opnieuw.`);
    }
    start = { data: raw.data, source: basename(raw.file), ...(logo ? { logo } : {}) };
  }

  const session = new FormSession({
    pack,
    ctx: { today: context.today, vocabulary, mode: "wizard" },
    version: VERSION,
    ...(start ? { start } : {}),
    ...(actors && actors.acteurs.length > 0 ? { actors } : {}),
    make: (given, extras) =>
      makeFromForm(options, context, { ...given, source: "het formulier" }, extras),
    canMakePdf: await canMakePdfs(),
    openFolder: hooks.openFolder,
  });
  const serve = (port: number) =>
    startFormServer({
      session,
      port,
      idleMs: options.idleMinutes * 60_000,
      assets: { "app.js": readClientScript(), "app.css": new TextEncoder().encode(FORM_STYLE) },
      onError: (error) =>
        context.report.warn(`Fout in het formulier: ${(error as Error)?.message ?? String(error)}`),
    });
  const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;
  let server;
  try {
    server = await serve(options.poort ?? DEFAULT_PORT);
  } catch (error) {
    const code = codeOf(error);
    if (options.poort === undefined && (code === "EADDRINUSE" || code === "EACCES")) {
      // The usual port is taken (another idokit formulier?): a free one, and say what that means.
      server = await serve(0);
      context.report.warn(
        `Poort ${DEFAULT_PORT}, waar het formulier meestal staat, is bezet (draait idokit formulier al?). Dit formulier staat daarom op poort ${server.port}. Een concept van een vorige keer staat niet in dit formulier: stop het andere formulier en start opnieuw, of open je opgeslagen antwoorden.yaml.`,
      );
    } else if (code === "EADDRINUSE" || code === "EACCES") {
      throw new InputError(
        code === "EADDRINUSE"
          ? `Poort ${options.poort} is al in gebruik.`
          : `Poort ${options.poort} mag idokit niet gebruiken.`,
        {
          hint: "Kies een andere poort met --poort, of laat --poort weg: dan kiest idokit zelf een poort.",
        },
      );
    } else throw error;
  }
  return {
    url: server.url,
    launchUrl: () => server.launchUrl(),
    port: server.port,
    portForDraft: server.port === DEFAULT_PORT ? undefined : server.port,
    stopped: server.stopped,
    stop: () => server.stop(),
  };
}

/**
 * Makes the pack from the form's answers with the command's own code: a dry run says where the
 * pack goes by default, then it is written into a folder that does not exist yet (an earlier
 * pack of this run, or anything else, is never replaced). The written files are zipped for the
 * browser.
 */
async function makeFromForm(
  options: FormulierOptions,
  context: CommandContext,
  given: GivenAnswers & { data: Draft },
  extras: { pdf: boolean },
): Promise<MakeOutcome> {
  const notes: string[] = [];
  const quiet: CommandContext = {
    ...context,
    now: new Date(),
    interactive: false,
    report: { info: () => {}, warn: () => {}, progress: () => {} },
  };
  const base = {
    answers: undefined,
    voorbeeld: false,
    force: false,
    templates: options.templates,
    huisstijl: options.huisstijl,
    yes: false,
    bewerk: false,
  };
  const run = (out: string | undefined, dryRun: boolean, ctx: CommandContext) =>
    options.bijeenkomst
      ? runBijeenkomst({ ...base, out, dryRun, pdf: extras.pdf }, ctx, { given })
      : runTraining(
          {
            ...base,
            out,
            dryRun,
            pdf: extras.pdf,
            casussen: options.casussen,
            alleenEigenCasussen: options.alleenEigenCasussen,
            acteurs: options.acteurs,
            seed: options.seed,
          },
          ctx,
          { given },
        );

  const planned = await run(options.out, true, quiet);
  const dest = freeFolder(planned.map);
  const result = await run(dest, false, {
    ...quiet,
    report: { ...quiet.report, warn: (message) => notes.push(message) },
  });
  context.report.info(`Pakket gemaakt in ${result.map}`);

  const files = result.bestanden.map((file) => ({
    name: file.naam,
    data: new Uint8Array(readFileSync(join(result.map, file.naam))),
  }));
  const readme = files.find((file) => file.name === README_FILE);
  const training = "casussen" in result ? result : undefined;
  const bijeenkomst = "agenda" in result ? result : undefined;
  return {
    made: {
      map: result.map,
      movedFrom: dest === planned.map ? undefined : planned.map,
      files: result.bestanden,
      guide: readme ? readFileGuide(new TextDecoder().decode(readme.data)) : [],
      schedule: training
        ? { title: "Programma", rows: training.programma }
        : { title: "Agenda", rows: bijeenkomst?.agenda ?? [] },
      casussen: training?.casussen ?? [],
      notes: [...(training?.nietGedekt ?? []), ...(bijeenkomst?.aandachtspunten ?? []), ...notes],
      next: training
        ? [
            "Begin daarna met draaiboek.docx. De mails om te versturen staan in de map mails; de acteur krijgt briefing-trainingsacteur.docx.",
          ]
        : [
            "Begin daarna met handleiding-lokale-bijeenkomst.docx: de voorbereiding, de agenda en de vragen per onderwerp.",
            "Na de bijeenkomst: werk werkafspraken.yaml bij, open het in idokit formulier (zonder --bijeenkomst) en maak het trainingspakket.",
          ],
      canOpenFolder: true,
    },
    zip: { name: `${basename(result.map)}.zip`, data: zipPackFiles(files, quiet.now) },
    ...(readme ? { readme: { name: readme.name, data: readme.data } } : {}),
  };
}
