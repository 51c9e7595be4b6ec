import { Command } from "commander";
import { runAction } from "./run.js";

/** `idokit sjablonen`: export the built-in templates to edit them, or list what is in use. */
export function sjablonenCommand(): Command {
  const command = new Command("sjablonen").description(
    "Bekijk of exporteer de sjablonen, om de teksten van de documenten zelf aan te passen.",
  );
  command
    .command("exporteer")
    .description("Kopieer de ingebouwde sjablonen naar een map om ze te bewerken.")
    .argument("<map>", "de map voor de sjablonen")
    .option("-f, --force", "overschrijf sjablonen in een bestaande map", false)
    .option("--json", "geef het resultaat als JSON op stdout", false)
    .addHelpText(
      "after",
      `
Bewerk daarna de bestanden in de map en gebruik ze met:
  idokit training --answers antwoorden.yaml --templates <map>
Sjablonen die je weghaalt, komen weer uit idokit zelf.`,
    )
    .action(async (map: string, flags: { force: boolean; json: boolean }, cmd: Command) => {
      await runAction(
        { json: flags.json, debug: cmd.optsWithGlobals<{ debug?: boolean }>().debug ?? false },
        async (context, out) => {
          const { exportTemplates } = await import("../commands/sjablonen.js");
          const result = exportTemplates(map, { force: flags.force }, context);
          if (flags.json) return out.json(result);
          out.success(`${result.bestanden.length} sjablonen gekopieerd naar ${result.map}`);
          for (const name of result.bestanden) out.info(`  ${name}`);
          out.info(`Gebruik ze met: idokit training --templates ${map} …`);
        },
      );
    });
  command
    .command("lijst")
    .description("Toon de sjablonen, en welke uit een eigen map komen.")
    .option("--templates <map>", "een eigen sjablonenmap")
    .option("--json", "geef het resultaat als JSON op stdout", false)
    .action(async (flags: { templates?: string; json: boolean }, cmd: Command) => {
      await runAction(
        { json: flags.json, debug: cmd.optsWithGlobals<{ debug?: boolean }>().debug ?? false },
        async (context, out) => {
          const { listTemplates } = await import("../commands/sjablonen.js");
          const rows = listTemplates(flags.templates, context);
          if (flags.json) return out.json(rows);
          for (const row of rows) out.info(`${row.naam.padEnd(48)} ${row.bron}`);
        },
      );
    });
  return command;
}
