import { dirname } from "node:path";
import { Command } from "commander";
import { shellQuote } from "../shell-quote.js";
import type { Casus } from "../casussen/types.js";
import { InputError, UsageError } from "../errors.js";
import { addFlag, flagBoolean } from "./options.js";

/** Where the command writes and how it ends; tests pass their own. */
export interface CasussenCommandIo {
  /** Results (the table, a casus, JSON). Defaults to stdout. */
  stdout?: (text: string) => void;
  /** Remarks such as "Eigen casus x vervangt …". Defaults to stderr. */
  stderr?: (text: string) => void;
  /** The built-in library folder; tests point it at fixtures. */
  builtInDir?: string;
  /**
   * Runs an action and maps its errors to messages and exit codes. Defaults to `runAction`
   * (which exits); tests pass `(_flags, action) => action()` so errors reach `parseAsync`.
   */
  run?: (flags: { json: boolean; debug: boolean }, action: () => Promise<void>) => Promise<void>;
  /** The POI's own casus folders from its settings (instellingen.yaml); tests pass none. */
  settingsDirs?: () => Promise<string[]>;
  /** Whether the settings leave the built-in casussen out; tests pass their own. */
  settingsOwnOnly?: () => Promise<boolean>;
  /** Ends the process after a commander parse error or help; defaults to `process.exit`. */
  exit?: (code: number) => never;
}

interface ListOptions {
  debug?: boolean;
  thema?: string;
  partner?: string;
  vaardigheid?: string;
  zoek?: string;
  casussen?: string[];
  alleenEigenCasussen?: boolean;
  ownCasussenOnly?: boolean;
  json?: boolean;
}

// No default value: commander would print "(default: [])" in the Dutch help.
const collect = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  value,
];

const SUBCOMMANDS = ["toon", "controleer", "nieuw"];

/**
 * `idokit casussen`: list and filter the casus library, show one casus (`toon ID`) and validate
 * a folder of casussen (`controleer MAP`). Errors are thrown as `IdokitError`s for the main
 * program to print; nothing here exits.
 *
 * The options live on `casussen` itself and subcommands read them with `optsWithGlobals()`:
 * without positional options on the root program, commander hands options after a subcommand
 * name to the parent, so declaring `--json` twice would silently lose it.
 */
export function casussenCommand(io: CasussenCommandIo = {}): Command {
  const stdout = io.stdout ?? ((text: string) => void process.stdout.write(text));
  const stderr = io.stderr ?? ((text: string) => void process.stderr.write(text));
  const run =
    io.run ??
    (async (flags: { json: boolean; debug: boolean }, action: () => Promise<void>) => {
      const { runAction } = await import("./run.js");
      await runAction(flags, action);
    });
  const within = (options: ListOptions, action: () => Promise<void>) =>
    run({ json: Boolean(options.json), debug: Boolean(options.debug) }, action);

  const command = new Command("casussen")
    .description("Bekijk, zoek en controleer de casussen voor de rollenspellen.")
    .option("--thema <thema>", "alleen casussen met dit thema (bijv. digid, toeslagen)")
    .option("--partner <partner>", "alleen casussen met deze instantie of soort lokale partner")
    .option("--vaardigheid <vaardigheid>", "alleen casussen die deze vaardigheid oefenen")
    .option(
      "--zoek <tekst>",
      "zoek in titel, klant en tekst (hoofdletters en accenten tellen niet)",
    )
    .option(
      "--casussen <map>",
      "map met eigen casussen, naast de ingebouwde (mag vaker; een latere map gaat voor)",
      collect,
    );
  addFlag(command, "alleenEigenCasussen", {
    description:
      "toon alleen de eigen casussen (--casussen of de instellingen), zonder de ingebouwde",
  });
  command
    .option("--json", "uitvoer als JSON op stdout")
    .allowExcessArguments()
    .addHelpText(
      "after",
      `
Voorbeelden:
  idokit casussen                              alle casussen als tabel
  idokit casussen --thema toeslagen            alleen casussen over toeslagen
  idokit casussen --partner cjib --vaardigheid grenzen-stellen
  idokit casussen --zoek "activeringscode"     zoeken in de tekst
  idokit casussen --casussen ./onze-casussen   ingebouwde en eigen casussen samen
  idokit casussen --casussen ./onze-casussen --alleen-eigen-casussen
                                               alleen de eigen casussen
  idokit casussen toon digid-verlopen-activeringsbrief
  idokit casussen controleer ./onze-casussen   een eigen map controleren

Een eigen casus begin je met idokit casussen nieuw BESTAND: een casus om in te vullen, met
uitleg bij elk veld en onderdeel. Een casus met dezelfde id als een ingebouwde vervangt die.`,
    )
    .action(async (_options: ListOptions, self: Command) => {
      const options = self.optsWithGlobals<ListOptions>();
      await within(options, async () => {
        const [extra] = self.args;
        if (extra !== undefined) {
          const { didYouMean } = await import("../domain/suggest.js");
          throw new UsageError(
            `Onbekende opdracht "${extra}" bij idokit casussen.${didYouMean(extra, SUBCOMMANDS)}`,
            {
              hint: "Kies uit: toon ID, controleer MAP, nieuw BESTAND. Zie idokit casussen --help.",
            },
          );
        }
        await listCasussen(options, io, stdout, stderr);
      });
    });

  command
    .command("toon")
    .description("Toon één casus volledig.")
    .argument("<id>", "id van de casus (de bestandsnaam zonder .md)")
    .configureHelp({ showGlobalOptions: true })
    .addHelpText(
      "after",
      `
Voorbeelden:
  idokit casussen toon digid-verlopen-activeringsbrief
  idokit casussen toon mijn-casus --casussen ./onze-casussen
  idokit casussen toon digid-verlopen-activeringsbrief --json`,
    )
    .action(async (id: string, _options: unknown, self: Command) => {
      const options = self.optsWithGlobals<ListOptions>();
      await within(options, async () => {
        refuseFilters(options, "toon");
        await showCasus(id, options, io, stdout, stderr);
      });
    });

  command
    .command("controleer")
    .description("Controleer een map met casusbestanden en meld elke fout met bestand en veld.")
    .argument("<map>", "de map met casusbestanden (*.md)")
    .configureHelp({ showGlobalOptions: true })
    .addHelpText(
      "after",
      `
Voorbeelden:
  idokit casussen controleer ./onze-casussen
  idokit casussen controleer ./onze-casussen --json

Bij fouten is de afsluitcode 1.`,
    )
    .action(async (dir: string, _options: unknown, self: Command) => {
      const options = self.optsWithGlobals<ListOptions>();
      await within(options, async () => {
        refuseFilters(options, "controleer");
        if ((options.casussen ?? []).length > 0)
          throw new UsageError("--casussen hoort niet bij controleer: geef de map direct mee.", {
            hint: "Bijvoorbeeld: idokit casussen controleer ./onze-casussen",
          });
        await checkFolder(dir, options, io, stdout);
      });
    });

  const nieuw = command
    .command("nieuw")
    .description("Maak een nieuwe casus om in te vullen, met uitleg bij elk veld en onderdeel.")
    .argument(
      "<bestand>",
      "het nieuwe casusbestand; de naam is het id, bijvoorbeeld onze-casussen/de-brief-van-het-cak.md",
    );
  addFlag(nieuw, "vervang", { description: "overschrijf een bestaand bestand met een lege casus" });
  nieuw
    .addHelpText(
      "after",
      `
Het bestand krijgt elk veld van het voorwerk en elk vast onderdeel, met uitleg en de keuzes
(thema's, instanties, vaardigheden, profielen). Vul het in en controleer de map:
  idokit casussen nieuw onze-casussen/de-brief-van-het-cak.md
  idokit casussen controleer onze-casussen
  idokit training --casussen onze-casussen
Heet het bestand als een ingebouwde casus (bijvoorbeeld digid-verlopen-activeringsbrief.md),
dan vervangt jouw casus die ingebouwde, zodra je de map meegeeft.`,
    )
    .action(async (file: string, flags: Record<string, unknown>, self: Command) => {
      const options = self.optsWithGlobals<ListOptions>();
      await within(options, async () => {
        refuseFilters(options, "nieuw");
        const { writeNewCasus } = await import("../commands/casus-nieuw.js");
        const result = writeNewCasus(
          file,
          { force: flagBoolean(flags, "vervang") },
          { cwd: process.cwd() },
        );
        if (options.json) {
          stdout(`${JSON.stringify(result, null, 2)}\n`);
          return;
        }
        stdout(`Nieuwe casus gemaakt: ${result.bestand}\n`);
        if (result.vervangt)
          stdout(
            `Het id ${result.id} is van de ingebouwde casus "${result.vervangt}": jouw casus vervangt die, zodra je de map meegeeft.\n`,
          );
        stdout(
          `Vul het bestand in en controleer het met: idokit casussen controleer ${shellQuote(dirname(result.bestand))}\n`,
        );
      });
    });

  // Commands added with addCommand() do not inherit the program's settings, so parse errors
  // here would exit 1 in English; make them usage errors (exit 2) like the rest of idokit.
  const exit = io.exit ?? ((code: number) => process.exit(code));
  for (const each of [command, ...command.commands]) {
    each
      .helpOption("-h, --help", "toon deze hulp")
      .configureOutput({ outputError: (text, write) => write(text.replace(/^error:/, "Fout:")) })
      .exitOverride((error) => {
        const success = ["commander.helpDisplayed", "commander.help", "commander.version"];
        return exit(success.includes(error.code) ? 0 : 2);
      });
  }
  return command;
}

function refuseFilters(options: ListOptions, subcommand: string): void {
  const used = (["thema", "partner", "vaardigheid", "zoek"] as const).filter(
    (key) => options[key] !== undefined,
  );
  if (used.length > 0)
    throw new UsageError(
      `${used.map((key) => `--${key}`).join(", ")} ${used.length === 1 ? "werkt" : "werken"} niet samen met ${subcommand}.`,
      { hint: "Filteren doe je met idokit casussen --thema … (zonder toon of controleer)." },
    );
}

async function loadLibrary(options: ListOptions, io: CasussenCommandIo) {
  const [{ loadVocabulary }, { loadCasusLibrary }] = await Promise.all([
    import("../domain/load-vocabulary.js"),
    import("../casussen/load.js"),
  ]);
  const vocabulary = loadVocabulary();
  // The POI's folders from its settings first, so a folder given with --casussen wins.
  const settings =
    io.settingsDirs === undefined
      ? (await import("../config/settings.js")).loadSettings()
      : undefined;
  const settingsDirs = settings ? settings.casussen : await io.settingsDirs!();
  const settingsOwnOnly = settings
    ? settings.alleenEigenCasussen === true
    : ((await io.settingsOwnOnly?.()) ?? false);
  const library = loadCasusLibrary({
    vocabulary,
    extraDirs: [...settingsDirs, ...(options.casussen ?? [])],
    ownOnly:
      flagBoolean(options as Record<string, unknown>, "alleenEigenCasussen") || settingsOwnOnly,
    ...(io.builtInDir === undefined ? {} : { builtInDir: io.builtInDir }),
  });
  return { vocabulary, ...library };
}

/** Where the listed casussen come from: "44 van idokit zelf, 3 uit onze-casussen". */
function sourcesLine(casussen: readonly Casus[], ownOnly: boolean): string {
  const counts = new Map<string, number>();
  for (const casus of casussen) {
    const from = casus.builtIn ? "van idokit zelf" : `uit ${dirname(casus.source)}`;
    counts.set(from, (counts.get(from) ?? 0) + 1);
  }
  const parts = [...counts].map(([from, count]) => `${count} ${from}`);
  return `Bron: ${parts.join(", ")}${ownOnly ? " (alleen eigen casussen; de ingebouwde doen niet mee)" : ""}.`;
}

async function listCasussen(
  options: ListOptions,
  io: CasussenCommandIo,
  stdout: (text: string) => void,
  stderr: (text: string) => void,
): Promise<void> {
  const { vocabulary, casussen, notices, ownOnly } = await loadLibrary(options, io);
  const browse = await import("../casussen/browse.js");
  const filter = {
    ...(options.thema === undefined ? {} : { thema: options.thema }),
    ...(options.partner === undefined ? {} : { partner: options.partner }),
    ...(options.vaardigheid === undefined ? {} : { vaardigheid: options.vaardigheid }),
    ...(options.zoek === undefined ? {} : { zoek: options.zoek }),
  };
  const problems = browse.checkCasusFilter(filter, vocabulary);
  if (problems.length > 0)
    throw new UsageError(
      problems.length === 1
        ? `${problems[0]?.where} ${problems[0]?.message}`
        : "Deze filters kloppen niet.",
      { problems: problems.length === 1 ? [] : problems },
    );
  const found = browse.filterCasussen(casussen, filter);
  if (options.json) {
    stdout(`${JSON.stringify({ casussen: found.map(summaryOf), meldingen: notices }, null, 2)}\n`);
    return;
  }
  for (const notice of notices) stderr(`${notice}\n`);
  if (found.length === 0) {
    stdout("Geen casussen gevonden met deze filters.\n");
    return;
  }
  const filtered = Object.keys(filter).length > 0;
  const total = filtered ? ` van ${casussen.length}` : "";
  stdout(`${browse.formatCasusTable(found.map(browse.toCasusRow))}\n\n`);
  stdout(`${found.length}${total} ${found.length === 1 && !filtered ? "casus" : "casussen"}.\n`);
  // Only idokit's own casussen need no word on where they come from.
  if (ownOnly !== undefined || found.some((casus) => !casus.builtIn))
    stdout(`${sourcesLine(found, ownOnly !== undefined)}\n`);
}

async function showCasus(
  id: string,
  options: ListOptions,
  io: CasussenCommandIo,
  stdout: (text: string) => void,
  stderr: (text: string) => void,
): Promise<void> {
  const { vocabulary, casussen, notices } = await loadLibrary(options, io);
  const casus = casussen.find((candidate) => candidate.id === id);
  if (casus === undefined) {
    const { didYouMean } = await import("../domain/suggest.js");
    throw new UsageError(
      `Er is geen casus met id "${id}".${didYouMean(
        id,
        casussen.map((candidate) => candidate.id),
      )}`,
      { hint: "Alle casussen en hun id zie je met: idokit casussen" },
    );
  }
  if (options.json) {
    stdout(`${JSON.stringify(casus, null, 2)}\n`);
    return;
  }
  for (const notice of notices) stderr(`${notice}\n`);
  const { formatCasusText } = await import("../casussen/browse.js");
  stdout(`${formatCasusText(casus, vocabulary)}\n`);
}

async function checkFolder(
  dir: string,
  options: ListOptions,
  io: CasussenCommandIo,
  stdout: (text: string) => void,
): Promise<void> {
  const [{ loadVocabulary }, { readCasusFolder }, { BUILTIN_CASUSSEN_DIR }, path] =
    await Promise.all([
      import("../domain/load-vocabulary.js"),
      import("../casussen/load.js"),
      import("../paths.js"),
      import("node:path"),
    ]);
  const vocabulary = loadVocabulary();
  const folder = readCasusFolder(dir, vocabulary);
  if (folder.fileCount === 0)
    throw new InputError(`In de map ${dir} staan geen casusbestanden (*.md).`, {
      hint: "Een casus is een .md-bestand; README.md telt niet mee.",
    });

  // Say which built-in casussen this folder would replace, so an override is never a surprise.
  const builtInDir = io.builtInDir ?? BUILTIN_CASUSSEN_DIR;
  const notices: string[] = [];
  if (path.resolve(dir) !== path.resolve(builtInDir)) {
    const builtIn = new Set(
      readCasusFolder(builtInDir, vocabulary, { builtIn: true }).casussen.map((c) => c.id),
    );
    for (const casus of folder.casussen)
      if (builtIn.has(casus.id))
        notices.push(`${casus.source} vervangt de ingebouwde casus ${casus.id}.`);
  }

  // With --json a failure is reported by the main program as {"ok": false, …}; print only success.
  if (folder.problems.length > 0) {
    const broken = folder.brokenFileCount;
    throw new InputError(
      `${broken} van ${folder.fileCount} casusbestanden in ${dir} ${broken === 1 ? "bevat" : "bevatten"} fouten.`,
      {
        problems: folder.problems,
        hint: "Bij elk veld staat uitleg in een casus van idokit casussen nieuw BESTAND; een ingebouwde casus als voorbeeld zie je met idokit casussen toon ID.",
      },
    );
  }
  const count = folder.casussen.length;
  if (options.json) {
    stdout(
      `${JSON.stringify(
        {
          ok: true,
          map: dir,
          casussen: folder.casussen.map((casus) => casus.id),
          meldingen: notices,
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  for (const notice of notices) stdout(`${notice}\n`);
  stdout(`${count} ${count === 1 ? "casus" : "casussen"} in orde.\n`);
}

function summaryOf(casus: Casus) {
  return {
    id: casus.id,
    titel: casus.titel,
    thema: casus.thema,
    partners: casus.partners,
    lokalePartners: casus.lokalePartners,
    vaardigheden: casus.vaardigheden,
    moeilijkheid: casus.moeilijkheid,
    profiel: casus.profiel,
    klant: casus.klant,
    openingszin: casus.openingszin,
    source: casus.source,
    builtIn: casus.builtIn,
  };
}
