import { Command } from "commander";

/** `idokit controleer PAD`: declares the command; the work is in src/commands/controleer.ts. */
export function controleerCommand(): Command {
  return new Command("controleer")
    .description(
      "Controleer een pakket of een .docx/.pptx op fouten waardoor Word of PowerPoint het bestand wil herstellen.",
    )
    .argument("<pad>", "de map van een pakket (of van een batch), of één .docx- of .pptx-bestand")
    .option("--json", "geef het resultaat als JSON op stdout (meldingen gaan naar stderr)", false)
    .addHelpText(
      "after",
      `
idokit controleert elk Word- en PowerPoint-bestand op wat Word of PowerPoint laat weigeren of
laat vragen om het bestand te "herstellen": kapotte onderdelen, verwijzingen naar wat er niet
is, dubbele nummers, lege tekstvakken, ongeldige waarden, en de bekende oorzaken in
PowerPoint-bestanden. Ook bestanden die je zelf in Word of LibreOffice hebt aangepast en
opgeslagen. Zo controleer je een pakket voordat je het verstuurt.

Exitcode 0: geen fouten (opmerkingen "let op" kunnen er wel zijn); 1: minstens één fout.

Voorbeelden:
  idokit controleer pakket-maart
  idokit controleer pakket-maart/presentatie-vaardigheidstraining.pptx
  idokit controleer pakketten --json`,
    )
    .action(async (pad: string, flags: { json?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<{ debug?: boolean }>();
      const { runAction } = await import("./run.js");
      await runAction(
        { json: Boolean(flags.json), debug: globals.debug ?? false },
        async (context, out) => {
          const { runControleer } = await import("../commands/controleer.js");
          const result = runControleer({ pad }, context);
          if (flags.json) out.json(result);
          else {
            const { printCheckResult } = await import("./print-check.js");
            printCheckResult(result, out);
          }
          return result.ok ? 0 : 1;
        },
      );
    });
}
