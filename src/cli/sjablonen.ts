import { Command } from "commander";
import { addFlag, flagBoolean, flagValue } from "./options.js";
import { runAction } from "./run.js";

/** `idokit sjablonen`: export the built-in templates to edit them, or list what is in use. */
export function sjablonenCommand(): Command {
  const command = new Command("sjablonen").description(
    "Bekijk of exporteer de sjablonen, om de teksten van de documenten zelf aan te passen.",
  );
  const exporteer = command
    .command("exporteer")
    .description("Kopieer de ingebouwde sjablonen naar een map om ze te bewerken.")
    .argument("<map>", "de map voor de sjablonen");
  addFlag(exporteer, "vervang", { description: "overschrijf sjablonen in een bestaande map" })
    .option("--json", "geef het resultaat als JSON op stdout")
    .addHelpText(
      "after",
      `
Bewerk daarna de bestanden in de map en gebruik ze met:
  idokit training --antwoorden antwoorden.yaml --sjablonen <map>
Sjablonen die je weghaalt, komen weer uit idokit zelf.`,
    )
    .action(async (map: string, flags: Record<string, unknown>, cmd: Command) => {
      await runAction(
        {
          json: Boolean(flags.json),
          debug: cmd.optsWithGlobals<{ debug?: boolean }>().debug ?? false,
        },
        async (context, out) => {
          const { exportTemplates } = await import("../commands/sjablonen.js");
          const result = exportTemplates(map, { force: flagBoolean(flags, "vervang") }, context);
          if (flags.json) return out.json(result);
          out.success(`${result.bestanden.length} sjablonen gekopieerd naar ${result.map}`);
          for (const name of result.bestanden) out.info(`  ${name}`);
          out.info(`Gebruik ze met: idokit training --sjablonen ${map} …`);
        },
      );
    });
  const lijst = command
    .command("lijst")
    .description("Toon de sjablonen, en welke uit een eigen map komen.");
  addFlag(lijst, "sjablonen", { description: "een eigen sjablonenmap" })
    .option("--json", "geef het resultaat als JSON op stdout")
    .action(async (flags: Record<string, unknown>, cmd: Command) => {
      await runAction(
        {
          json: Boolean(flags.json),
          debug: cmd.optsWithGlobals<{ debug?: boolean }>().debug ?? false,
        },
        async (context, out) => {
          const { listTemplates } = await import("../commands/sjablonen.js");
          const rows = listTemplates(flagValue(flags, "sjablonen"), context);
          if (flags.json) return out.json(rows);
          for (const row of rows) out.info(`${row.naam.padEnd(48)} ${row.bron}`);
        },
      );
    });
  return command;
}
