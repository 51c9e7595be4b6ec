import { Command, InvalidArgumentError, Option } from "commander";
import { shellQuote } from "../shell-quote.js";
import { CancelledError } from "../errors.js";
import type { BatchOptions, BatchResult, BatchTemplateResult } from "../commands/batch.js";
import type { PackKindId } from "../batch/kinds.js";
import {
  addFlag,
  addSeedFlag,
  addCasusFlags,
  flagBoolean,
  flagValue,
  selectionFlags,
} from "./options.js";
import type { Output } from "./output.js";

// Only commander loads with the program; everything else is imported when `batch` runs.

function parseWorkers(value: string): number {
  if (!/^\d{1,2}$/.test(value))
    throw new InvalidArgumentError(`verwacht een aantal (0 tot 99), niet "${value}".`);
  return Number(value);
}

/** How many problems the summary lists before pointing to rapport.csv. */
const LISTED_PROBLEMS = 25;

interface BatchFlags {
  pakket: PackKindId;
  blad?: string;
  strikt?: boolean;
  zip?: boolean;
  pdf?: boolean;
  hervat?: boolean;
  json?: boolean;
  werkers?: number;
  debug?: boolean;
  csv?: boolean;
  /** The flags of the scheme in `options.ts`, under either name. */
  [flag: string]: unknown;
}

/**
 * `idokit batch FILE` and `idokit batch sjabloon FILE`: declares the options and hands a typed
 * options object to the command. Options live on `batch` itself and the subcommand reads them with
 * `optsWithGlobals()`, because commander gives options after a subcommand name to the parent.
 */
export function batchCommand(): Command {
  const command = new Command("batch")
    .description(
      "Maak een pakket per bibliotheek uit een spreadsheet (.xlsx of .csv), met een rapport van wat er mis is.",
    )
    .argument("<bestand>", "spreadsheet met één bibliotheek per rij (.xlsx of .csv)")
    .addOption(
      new Option("--pakket <soort>", "welk pakket per rij")
        .choices(["training", "bijeenkomst"])
        .default("training"),
    );
  addFlag(command, "map", {
    description: "map voor de pakketten en rapport.csv (standaard <bestandsnaam>-pakketten)",
  });
  command.option("--blad <naam>", "het blad van een .xlsx-bestand (standaard het eerste)");
  addFlag(command, "antwoorden", {
    description:
      "YAML-bestand met antwoorden die voor alle rijen gelden; een ingevulde cel gaat voor",
  });
  command
    .option("--strikt", "maak niets als er ook maar één rij fouten heeft")
    .option("--zip", "maak per pakket een zip-bestand in plaats van een map")
    .option(
      "--pdf",
      "maak van elk Word- en PowerPoint-bestand ook een PDF (in de map pdf/ van elk pakket; nodig: LibreOffice)",
    )
    .option(
      "--hervat",
      "maak een afgebroken batch af: sla pakketten over die al compleet zijn en bij de rij passen",
    );
  addFlag(command, "vervang", { description: "vervang pakketten van idokit die al bestaan" });
  addFlag(command, "proefdraai", {
    description: "controleer alle rijen en toon de mapnamen, maar maak niets",
  });
  command.option("--json", "geef de samenvatting als JSON op stdout (meldingen gaan naar stderr)");
  addCasusFlags(command);
  addFlag(command, "sjablonen");
  addFlag(command, "huisstijl");
  addFlag(command, "acteurs", {
    description:
      "jullie lijst met trainingsacteurs (YAML, .xlsx of .csv): een naam in de kolom Trainingsacteur brengt bureau, e-mail en telefoon mee",
  });
  addSeedFlag(command);
  command
    .addOption(
      new Option(
        "--werkers <aantal>",
        "aantal pakketten dat tegelijk gemaakt wordt (standaard één per processorkern)",
      ).argParser(parseWorkers),
    )
    .addHelpText(
      "after",
      `
Per rij komt er een map (of met --zip een zip-bestand) met een leesbare naam: bibliotheek,
vestiging en datum. Alle rijen worden eerst gecontroleerd; elke fout staat met rij, kolom en
waarde in de samenvatting en in rapport.csv in de uitvoermap. Rijen zonder fouten worden gemaakt
(met --strikt alleen als álle rijen goed zijn). Een pakket verschijnt pas als het compleet is.

Voorbeelden:
  idokit batch sjabloon bibliotheken.xlsx         leeg spreadsheet met uitleg en keuzelijsten
  idokit batch bibliotheken.xlsx                  een pakket per rij, in bibliotheken-pakketten/
  idokit batch bibliotheken.csv --map pakketten --antwoorden gemeenschappelijk.yaml
  idokit batch bibliotheken.xlsx --proefdraai     alleen controleren
  idokit batch bibliotheken.xlsx --hervat         een afgebroken batch afmaken

Afsluitcode: 0 als elke rij een pakket heeft, 1 als een rij fouten heeft, 2 bij een verkeerd
gebruikte optie.`,
    )
    .action(async (file: string, _flags: unknown, self: Command) => {
      const flags = self.optsWithGlobals<BatchFlags>();
      const { runAction } = await import("./run.js");
      await runAction(
        { json: flags.json, debug: flags.debug },
        async (context, out) => {
          const [{ runBatch }, { createProgressDisplay }] = await Promise.all([
            import("../commands/batch.js"),
            import("../batch/progress.js"),
          ]);
          const { applySettings } = await import("./settings.js");
          const options: BatchOptions = await applySettings({
            file,
            pakket: flags.pakket,
            out: flagValue(flags, "map"),
            blad: flags.blad,
            answers: flagValue(flags, "antwoorden"),
            strikt: Boolean(flags.strikt),
            zip: Boolean(flags.zip),
            pdf: Boolean(flags.pdf),
            hervat: Boolean(flags.hervat),
            force: flagBoolean(flags, "vervang"),
            dryRun: flagBoolean(flags, "proefdraai"),
            ...selectionFlags(flags),
            templates: flagValue(flags, "sjablonen"),
            huisstijl: flagValue(flags, "huisstijl"),
            workers: flags.werkers,
          });
          const display = createProgressDisplay(process.stderr, out.fancy);
          context.signal?.addEventListener("abort", () => display.stop());
          let result: BatchResult;
          try {
            result = await runBatch(options, context, {
              onStart: (progress) => display.start(progress),
              onRow: (row, progress) => {
                if (!context.signal?.aborted) display.row(row, progress);
              },
              ...(context.signal ? { signal: context.signal } : {}),
            });
          } finally {
            display.stop();
          }
          if (flags.json) out.json(result);
          else printBatchResult(result, out);
          if (result.afgebroken)
            throw new CancelledError("Afgebroken; wat klaar was, staat in rapport.csv.", {
              hint: `Maak de batch af met: ${resumeCommand(process.argv.slice(2))}`,
            });
          // A batch with failed rows has done its work and said so; it still must not exit 0.
          if (!result.ok) process.exit(1);
        },
        { graceful: true },
      );
    });

  command
    .command("sjabloon")
    .description(
      "Schrijf een leeg spreadsheet: een kolom per vraag, uitleg, keuzelijsten en een voorbeeldrij.",
    )
    .argument("<bestand>", "bijvoorbeeld bibliotheken.xlsx, of bibliotheken.csv")
    .option("--csv", "schrijf een CSV-bestand (puntkomma's, UTF-8) in plaats van .xlsx")
    .configureHelp({ showGlobalOptions: true })
    .addHelpText(
      "after",
      `
Voorbeelden:
  idokit batch sjabloon bibliotheken.xlsx
  idokit batch sjabloon bibliotheken.csv --csv
  idokit batch sjabloon bijeenkomsten.xlsx --pakket bijeenkomst`,
    )
    .action(async (file: string, _flags: unknown, self: Command) => {
      const flags = self.optsWithGlobals<BatchFlags>();
      const { runAction } = await import("./run.js");
      await runAction({ json: flags.json, debug: flags.debug }, async (context, out) => {
        const { runBatchTemplate } = await import("../commands/batch.js");
        const result = await runBatchTemplate(
          {
            file,
            pakket: flags.pakket,
            csv: Boolean(flags.csv),
            force: flagBoolean(flags, "vervang"),
          },
          context,
        );
        if (flags.json) out.json(result);
        else printTemplateResult(result, out);
      });
    });

  return command;
}

/** The summary of a batch: counts, where the packs and the report are, and what to fix. */
function printBatchResult(result: BatchResult, out: Output): void {
  const { color } = out;
  const { aantallen } = result;
  if (result.dryRun) {
    out.info(color.bold(`Proefdraai: er is niets gemaakt. ${result.samenvatting}`));
    for (const row of result.rijen)
      if (row.status === "te maken") out.info(`  rij ${row.rij} → ${row.map}`);
  } else if (result.ok) {
    out.success(color.bold(result.samenvatting));
  } else {
    out.info(`${color.red(out.symbols.fail)} ${color.bold(result.samenvatting)}`);
  }
  if (aantallen.nietGemaakt > 0)
    out.info(
      `Er is niets gemaakt: met --strikt moeten eerst alle ${aantallen.fout} rijen met fouten verbeterd zijn.`,
    );
  if (!result.dryRun) {
    if (aantallen.gemaakt + aantallen.alKlaar > 0) out.info(`Pakketten: ${result.map}`);
    if (result.rapport) out.info(`Rapport:   ${result.rapport}`);
  }
  const problems = [
    ...(result.kolomProblemen ?? []),
    ...result.rijen.flatMap((row) => row.problemen),
  ];
  if (problems.length > 0) {
    out.info("");
    out.info(color.bold("Te verbeteren:"));
    for (const problem of problems.slice(0, LISTED_PROBLEMS))
      out.info(`  ${color.red("•")} ${problem}`);
    if (problems.length > LISTED_PROBLEMS)
      out.info(`  … en nog ${problems.length - LISTED_PROBLEMS}; alles staat in rapport.csv.`);
    if (!result.dryRun)
      out.info(
        `${color.cyan("Tip:")} verbeter de rijen en start opnieuw met --hervat: wat al klaar is, wordt overgeslagen.`,
      );
  }
  const notes = result.rijen.reduce((sum, row) => sum + row.meldingen.length, 0);
  if (notes > 0 && result.rapport)
    out.info(
      `${notes} ${notes === 1 ? "melding staat" : "meldingen staan"} in rapport.csv (kolom Meldingen).`,
    );
  if (!result.dryRun && result.pakkettenPerSeconde > 0)
    out.info(
      color.dim(
        `${String(result.seconden).replace(".", ",")} s, ${String(result.pakkettenPerSeconde).replace(".", ",")} pakketten per seconde.`,
      ),
    );
}

function printTemplateResult(result: BatchTemplateResult, out: Output): void {
  out.success(out.color.bold(`Leeg spreadsheet gemaakt: ${result.bestand}`));
  out.info(
    result.formaat === "xlsx"
      ? `${result.kolommen} kolommen, met uitleg per kolom (opmerking bij de kolomnaam en het blad Uitleg), keuzelijsten en een voorbeeldrij.`
      : `${result.kolommen} kolommen en een voorbeeldrij, gescheiden door puntkomma's. Het .xlsx-sjabloon heeft ook uitleg en keuzelijsten.`,
  );
  const pakket = result.pakket === "training" ? "" : ` --pakket ${result.pakket}`;
  out.info(
    `Vul één bibliotheek per rij in en maak de pakketten met: idokit batch ${shellQuote(result.bestand)}${pakket}`,
  );
}

/** Options that must not be repeated when a batch is resumed: they replace or only look. */
const NOT_RESUMED = new Set(["-f", "--vervang", "--force", "-n", "--proefdraai", "--dry-run"]);

/**
 * The command that finishes an interrupted batch: the same command line (`args` without the
 * program), without the options that replace or only look, with `--hervat`.
 */
export function resumeCommand(
  args: readonly string[],
  platform: NodeJS.Platform = process.platform,
): string {
  const kept = args.filter((argument) => !NOT_RESUMED.has(argument));
  if (!kept.includes("--hervat")) kept.push("--hervat");
  return ["idokit", ...kept.map((argument) => shellQuote(argument, platform))].join(" ");
}
