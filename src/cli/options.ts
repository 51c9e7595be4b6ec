import { InvalidArgumentError, Option, type Command } from "commander";
import { exampleNamesText } from "../domain/examples.js";
import { UsageError } from "../errors.js";

/**
 * The flag scheme of idokit, declared once. Only commander is imported here.
 *
 * Every long option is Dutch, like the rest of the command line (`--antwoorden`, `--map`,
 * `--sjablonen`, `--vervang`, `--proefdraai`, …). The English names that idokit 0.1 had
 * (`--answers`, `--out`, `--templates`, `--force`, `--dry-run`, `--yes`, `--seed`) keep working:
 * each is a hidden option next to its Dutch one, and the typed-options functions below merge the
 * two, so a command never sees which name was typed. Short options (`-a`, `-o`, `-y`, `-f`, `-n`)
 * stay as they were. Names that are the same in both languages (`--json`, `--debug`, `--zip`,
 * `--csv`) have no alias.
 *
 * A new option: add it to `FLAGS` (with `english` only when an English name already exists in
 * the wild), declare it on a command with `addFlag`, and read it with `flagValue`/`flagBoolean`.
 */

export interface FlagSpec {
  /** Commander's flags for the Dutch option, with the argument in Dutch: `-a, --antwoorden <bestand>`. */
  flags: string;
  /** The hidden English alias, if there is one: `--answers`. */
  english?: string;
  /** The description when a command gives none of its own. */
  description: string;
}

export const FLAGS = {
  antwoorden: {
    flags: "-a, --antwoorden <bestand>",
    english: "--answers",
    description:
      "antwoorden uit een YAML-bestand (bijvoorbeeld antwoorden.yaml uit een eerder pakket)",
  },
  map: {
    flags: "-o, --map <map>",
    english: "--out",
    description:
      "map voor het pakket (standaard een nieuwe map met bibliotheek, vestiging en datum)",
  },
  standaard: {
    flags: "-y, --standaard",
    english: "--yes",
    description:
      "neem de standaardantwoorden over voor alles wat niet gegeven is; vraag alleen wat echt nodig is",
  },
  vervang: {
    flags: "-f, --vervang",
    english: "--force",
    description: "vervang een eerder pakket van idokit in de uitvoermap",
  },
  proefdraai: {
    flags: "-n, --proefdraai",
    english: "--dry-run",
    description: "laat alleen zien wat er gemaakt zou worden; schrijf niets",
  },
  sjablonen: {
    flags: "--sjablonen <map>",
    english: "--templates",
    description: "eigen sjablonen uit deze map; ontbrekende sjablonen komen uit idokit zelf",
  },
  huisstijl: {
    flags: "--huisstijl <bestand>",
    description:
      "huisstijl uit dit bestand: kleuren, lettertypen, logo, voettekst (standaard huisstijl.yaml in de sjablonenmap)",
  },
  acteurs: {
    flags: "--acteurs <bestand>",
    description:
      "jullie lijst met trainingsacteurs (YAML, .xlsx of .csv); een naam uit de lijst brengt bureau, e-mail en telefoon mee",
  },
  alleenEigenCasussen: {
    flags: "--alleen-eigen-casussen",
    english: "--own-casussen-only",
    description:
      "gebruik alleen de eigen casussen (--casussen of de instellingen), niet de ingebouwde",
  },
  variant: {
    flags: "--variant <getal>",
    english: "--seed",
    description:
      "een andere casuskeuze bij dezelfde antwoorden (zelfde getal, zelfde keuze; standaard: 1)",
  },
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof FLAGS;

/** The English aliases, for the help and the tests. */
export const ENGLISH_ALIASES: readonly string[] = Object.values(FLAGS as Record<string, FlagSpec>)
  .map((spec) => spec.english)
  .filter((name): name is string => name !== undefined);

/** Commander's attribute name of a long option: `--dry-run` → `dryRun`. */
function attributeOf(long: string): string {
  return long.replace(/^--/, "").replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

const longOf = (flags: string): string => /--[a-z][a-z-]*/.exec(flags)![0];
const argumentOf = (flags: string): string => /\s(<[^>]+>|\[[^\]]+\])$/.exec(flags)?.[1] ?? "";

/**
 * Declares a flag of the scheme on a command: the Dutch option, shown in the help, and its
 * English alias, hidden. Neither gets a commander default, so the typed-options function can tell
 * which one was typed; defaults belong in the typed-options function (and in the description).
 */
export function addFlag(
  command: Command,
  name: FlagName,
  options: { description?: string; parse?: (value: string) => unknown } = {},
): Command {
  const spec: FlagSpec = FLAGS[name];
  const dutch = new Option(spec.flags, options.description ?? spec.description);
  if (options.parse) dutch.argParser(options.parse);
  command.addOption(dutch);
  if (spec.english) {
    const alias = new Option(`${spec.english} ${argumentOf(spec.flags)}`.trim()).hideHelp();
    if (options.parse) alias.argParser(options.parse);
    command.addOption(alias);
  }
  return command;
}

/** Both names of one flag were given, with different values: a usage error (exit 2). */
function refuseBoth(spec: FlagSpec): never {
  throw new UsageError(
    `${longOf(spec.flags)} en ${spec.english ?? ""} zijn dezelfde optie, met twee verschillende waarden.`,
    { hint: `Gebruik alleen ${longOf(spec.flags)}.` },
  );
}

/** The value of a flag, whichever of its names was typed; `undefined` when neither was. */
export function flagValue<T = string>(
  flags: Record<string, unknown>,
  name: FlagName,
): T | undefined {
  const spec: FlagSpec = FLAGS[name];
  const dutch = flags[attributeOf(longOf(spec.flags))];
  const english = spec.english ? flags[attributeOf(spec.english)] : undefined;
  if (dutch !== undefined && english !== undefined && dutch !== english) refuseBoth(spec);
  return (dutch ?? english) as T | undefined;
}

/** A yes/no flag: given under either name. */
export function flagBoolean(flags: Record<string, unknown>, name: FlagName): boolean {
  return Boolean(flagValue(flags, name));
}

const collect = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  value,
];

/** `--variant <getal>` (`--seed`): a whole number. */
export function parseSeed(value: string): number {
  if (!/^\d{1,9}$/.test(value))
    throw new InvalidArgumentError(`verwacht een heel getal, niet "${value}".`);
  return Number(value);
}

/** The casus selection's default variant. */
export const DEFAULT_SEED = 1;

/** `--casussen <map>`, repeatable. No commander default: it would print "(default: [])". */
export const casussenOption = (): Option =>
  new Option("--casussen <map>", "eigen casussen uit deze map (herhaalbaar)").argParser(collect);

/** `--casussen <map>` and `--alleen-eigen-casussen`: where the casussen of a command come from. */
export function addCasusFlags(command: Command): Command {
  command.addOption(casussenOption());
  return addFlag(command, "alleenEigenCasussen");
}

/** `--variant <getal>` (`--seed`): varies the casus selection, reproducibly. */
export function addSeedFlag(command: Command): Command {
  return addFlag(command, "variant", { parse: parseSeed });
}

/** The options of a command that makes one pack from answers (`training`, `bijeenkomst`). */
export function addPackOptions(command: Command): Command {
  addFlag(command, "antwoorden");
  command.option(
    "--voorbeeld [naam]",
    `gebruik de voorbeeldantwoorden van een verzonnen bibliotheek: ${exampleNamesText()}`,
  );
  addFlag(command, "map");
  addFlag(command, "standaard");
  command.option(
    "--bewerk",
    "stel alle vragen opnieuw, met de antwoorden uit --antwoorden als standaard",
  );
  addFlag(command, "vervang");
  command.option("--zip", "maak één zip-bestand in plaats van een map");
  command.option(
    "--pdf",
    "maak van elk Word- en PowerPoint-bestand ook een PDF (in de map pdf/; nodig: LibreOffice)",
  );
  addFlag(command, "proefdraai");
  command.option("--json", "geef het resultaat als JSON op stdout (meldingen gaan naar stderr)");
  addFlag(command, "sjablonen");
  addFlag(command, "huisstijl");
  return command;
}

/** The typed options of `addPackOptions`, from commander's flags under either name. */
export function packFlags(flags: Record<string, unknown>): {
  answers: string | undefined;
  /** false, true (the default example) or an example's name. */
  voorbeeld: boolean | string;
  out: string | undefined;
  yes: boolean;
  bewerk: boolean;
  force: boolean;
  dryRun: boolean;
  templates: string | undefined;
  zip: boolean;
  pdf: boolean;
  huisstijl: string | undefined;
} {
  return {
    answers: flagValue(flags, "antwoorden"),
    voorbeeld: typeof flags.voorbeeld === "string" ? flags.voorbeeld : Boolean(flags.voorbeeld),
    out: flagValue(flags, "map"),
    yes: flagBoolean(flags, "standaard"),
    bewerk: Boolean(flags.bewerk),
    force: flagBoolean(flags, "vervang"),
    dryRun: flagBoolean(flags, "proefdraai"),
    templates: flagValue(flags, "sjablonen"),
    zip: Boolean(flags.zip),
    pdf: Boolean(flags.pdf),
    huisstijl: flagValue(flags, "huisstijl"),
  };
}

/** `--casussen`, `--alleen-eigen-casussen`, `--variant` and `--acteurs`: what only a training has, typed. */
export function selectionFlags(flags: Record<string, unknown>): {
  casussen: string[];
  /** Only true when typed; the POI's settings can also turn it on (see `withSettings`). */
  alleenEigenCasussen: boolean;
  seed: number;
  acteurs: string | undefined;
} {
  return {
    casussen: (flags.casussen as string[] | undefined) ?? [],
    alleenEigenCasussen: flagBoolean(flags, "alleenEigenCasussen"),
    seed: flagValue<number>(flags, "variant") ?? DEFAULT_SEED,
    acteurs: flagValue(flags, "acteurs"),
  };
}
