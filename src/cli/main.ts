import { Command, Help, Option } from "commander";
import { helpWidth, reflowHelp } from "./help-text.js";
import { VERSION } from "../version.js";
import { batchCommand } from "./batch.js";
import { bijeenkomstCommand } from "./bijeenkomst.js";
import { casussenCommand } from "./casussen.js";
import { controleerCommand } from "./controleer.js";
import { formulierCommand } from "./formulier.js";
import { sjablonenCommand } from "./sjablonen.js";
import { trainingCommand } from "./training.js";

/**
 * The idokit program. Only commander and the command declarations are loaded at start-up (in
 * dist/, they are bundled into main.js); every command imports what it needs when it runs, so
 * `idokit --help` and `idokit --version` stay instant.
 */
const program = new Command("idokit")
  .description(
    "Maakt trainingspakketten en bijeenkomstpakketten voor het Informatiepunt Digitale Overheid (IDO) in de bibliotheek.",
  )
  .addOption(new Option("--debug", "toon technische details bij een fout"))
  .helpCommand("help [commando]", "toon hulp bij een commando")
  .addHelpText(
    "after",
    `
Voorbeelden:
  idokit training                          beantwoord de vragen en maak een trainingspakket
  idokit formulier                         beantwoord de vragen in je browser en maak daar het pakket
  idokit training --voorbeeld              maak een pakket voor een verzonnen voorbeeldbibliotheek
  idokit training --voorbeeld aldervoort   hetzelfde voor een kleine bibliotheek met vrijwilligers
  idokit training --antwoorden antwoorden.yaml --map pakket
  idokit casussen --vaardigheid grenzen-stellen
  idokit controleer pakket                 controleer een pakket voordat je het verstuurt

Meer hulp per commando: idokit help training

De opties hebben Nederlandse namen. De Engelse namen van idokit 0.1 werken ook: --answers
(--antwoorden), --out (--map), --templates (--sjablonen), --force (--vervang), --dry-run
(--proefdraai), --yes (--standaard) en --seed (--variant).`,
  );

program.version(VERSION, "-V, --version", "toon het versienummer");
program.addCommand(trainingCommand());
program.addCommand(bijeenkomstCommand());
program.addCommand(casussenCommand());
program.addCommand(sjablonenCommand());
program.addCommand(batchCommand());
program.addCommand(controleerCommand());
program.addCommand(formulierCommand());

const TRANSLATIONS: Array<[RegExp, string]> = [
  [/^error: /m, "Fout: "],
  [/unknown option '([^']*)'/, "onbekende optie '$1'"],
  [/unknown command '([^']*)'/, "onbekend commando '$1'"],
  [/missing required argument '([^']*)'/, "het argument '$1' ontbreekt"],
  [/option '([^']*)' argument missing/, "de optie '$1' heeft een waarde nodig"],
  [
    /too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./,
    "te veel argumenten: verwacht $2, gekregen $3.",
  ],
  [/option '([^']*)' argument '([^']*)' is invalid\./, "de waarde '$2' van optie '$1' klopt niet:"],
  [/\(Did you mean (.*)\?\)/, "(Bedoelde je $1?)"],
];

/** Commander's messages in Dutch, with a pointer to the help. */
function toDutch(text: string): string {
  const translated = TRANSLATIONS.reduce(
    (out, [pattern, replacement]) => out.replace(pattern, replacement),
    text,
  );
  return `${translated.trimEnd()}\nZie idokit --help, of idokit help COMMANDO.\n`;
}

const TITLES: Record<string, string> = {
  "Usage:": "Gebruik:",
  "Options:": "Opties:",
  "Arguments:": "Argumenten:",
  "Commands:": "Commando's:",
  "Global Options:": "Algemene opties:",
};

/** Commander's help in Dutch: headings, and defaults and choices without programmer detail. */
const dutchUsage = (text: string): string =>
  text.replace("[options]", "[opties]").replace("[command]", "[commando]");

const DUTCH_HELP = {
  commandUsage: (cmd: Command): string =>
    dutchUsage(Help.prototype.commandUsage.call(new Help(), cmd)),
  subcommandTerm: (cmd: Command): string =>
    dutchUsage(Help.prototype.subcommandTerm.call(new Help(), cmd)),
  styleTitle: (title: string): string => TITLES[title] ?? title,
  optionDescription: (option: Option): string => {
    const extra: string[] = [];
    if (option.argChoices) extra.push(`keuze uit: ${option.argChoices.join(", ")}`);
    const value = option.defaultValue as unknown;
    const shown = !(typeof value === "boolean") && !(Array.isArray(value) && value.length === 0);
    if (value !== undefined && shown)
      extra.push(`standaard: ${option.defaultValueDescription ?? String(value)}`);
    return extra.length > 0 ? `${option.description} (${extra.join("; ")})` : option.description;
  },
};

/** Dutch help and errors, and exit 2 for everything commander rejects, on every (sub)command. */
function configureAll(command: Command): void {
  // Where commander adds a `help` subcommand by itself (a command with subcommands and no action
  // of its own), it describes it in English: give it Dutch words.
  if (new Help().visibleCommands(command).some((sub) => sub.name() === "help"))
    command.helpCommand("help [commando]", "toon hulp bij een commando");
  command
    .helpOption("-h, --help", "toon deze hulp")
    .configureHelp(DUTCH_HELP)
    .showSuggestionAfterError(true)
    .configureOutput({
      outputError: (text, write) => write(toDutch(text)),
      // Help prose is written as paragraphs: wrap it like commander wraps its columns.
      writeOut: (text) => process.stdout.write(reflowHelp(text, helpWidth())),
    })
    .exitOverride((error) => {
      // Help and version are successes; everything commander rejects is a usage error.
      const success = ["commander.helpDisplayed", "commander.version", "commander.help"];
      process.exit(success.includes(error.code) ? 0 : 2);
    });
  command.commands.forEach(configureAll);
}

configureAll(program);
await program.parseAsync(process.argv);
