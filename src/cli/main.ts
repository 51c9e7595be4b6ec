import { Command, Option } from "commander";
import { trainingCommand } from "./training.js";

/**
 * The idokit program. Only commander is loaded at start-up; every command imports what it needs
 * when it runs, so `idokit --help` and `idokit --version` stay instant.
 */
const program = new Command("idokit")
  .description(
    "Maakt trainingspakketten en bijeenkomstpakketten voor het Informatiepunt Digitale Overheid (IDO) in de bibliotheek.",
  )
  .addOption(new Option("--debug", "toon technische details bij een fout"))
  .helpOption("-h, --help", "toon deze hulp")
  .helpCommand("help [commando]", "toon hulp bij een commando")
  .showSuggestionAfterError(true)
  .configureOutput({ outputError: (text, write) => write(text.replace(/^error:/, "Fout:")) })
  .exitOverride((error) => {
    // Help and version are successes; everything commander rejects is a usage error (exit 2).
    if (
      error.code === "commander.helpDisplayed" ||
      error.code === "commander.version" ||
      error.code === "commander.help"
    )
      process.exit(0);
    process.exit(2);
  })
  .addHelpText(
    "after",
    `
Voorbeelden:
  idokit training                          beantwoord de vragen en maak een trainingspakket
  idokit training --voorbeeld              maak een pakket voor een verzonnen voorbeeldbibliotheek
  idokit training --answers antwoorden.yaml --out pakket
  idokit casussen --vaardigheid grenzen-stellen

Meer hulp per commando: idokit help training`,
  );

program.version(await readVersion(), "-V, --version", "toon het versienummer");
program.addCommand(trainingCommand());
program.addCommand((await import("./casussen.js")).casussenCommand());

async function readVersion(): Promise<string> {
  const { VERSION } = await import("../version.js");
  return VERSION;
}

await program.parseAsync(process.argv);
