import { Command } from "commander";
import { addFlag, flagBoolean, flagValue } from "./options.js";
import type { runAction as RunAction } from "./run.js";

/** run.js (output, the pack writer) loads when the command runs, not for `idokit --help`. */
const runAction: typeof RunAction = async (flags, action) =>
  (await import("./run.js")).runAction(flags, action);

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
De map krijgt ook huisstijl.yaml (kleuren, lettertypen, logo, voettekst) en LEESMIJ.md: per
sjabloon welke namen en helpers je kunt gebruiken. Bewerk de bestanden, controleer ze, en
gebruik ze:
  idokit sjablonen controleer <map>
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
          out.success(`${result.bestanden.length} bestanden gekopieerd naar ${result.map}`);
          for (const name of result.bestanden) out.info(`  ${name}`);
          out.info(`Lees ${map}/LEESMIJ.md, pas de sjablonen aan en controleer ze met:`);
          out.info(`  idokit sjablonen controleer ${map}`);
          out.info(`Gebruik ze met: idokit training --sjablonen ${map} …`);
        },
      );
    });
  command
    .command("controleer")
    .description(
      "Controleer een map met eigen sjablonen en huisstijl; meld elke fout met bestand, regel en kolom.",
    )
    .argument("<map>", "de map met sjablonen (gemaakt met sjablonen exporteer)")
    .option("--json", "geef het resultaat als JSON op stdout")
    .addHelpText(
      "after",
      `
Controleert wat idokit ook controleert voordat het een pakket maakt, en meer: de opmaak van
elk sjabloon (Handlebars), namen die niet bestaan ("bedoelde je …?"), onbekende helpers en
gedeelde stukken (partials), dia's zonder titel of met een onbekende indeling, huisstijl.yaml
(kleuren, lettertypen, logo) en bestanden die bij geen sjabloon horen.

Voorbeelden:
  idokit sjablonen controleer mijn-sjablonen
  idokit sjablonen controleer mijn-sjablonen --json

Bij fouten is de afsluitcode 1.`,
    )
    .action(async (map: string, flags: Record<string, unknown>, cmd: Command) => {
      await runAction(
        {
          json: Boolean(flags.json),
          debug: cmd.optsWithGlobals<{ debug?: boolean }>().debug ?? false,
        },
        async (context, out) => {
          const { checkTemplatesFolder } = await import("../commands/sjablonen.js");
          const result = checkTemplatesFolder(map, context);
          if (flags.json) return out.json(result);
          for (const warning of result.waarschuwingen) out.warn(warning);
          const changed = result.gewijzigd.length;
          out.success(
            `De sjablonen in ${map} zijn in orde${changed === 0 ? " (nog niets gewijzigd)" : `; ${changed === 1 ? "één sjabloon" : `${changed} sjablonen`} gewijzigd`}${result.huisstijl ? ", met huisstijl.yaml" : ""}.`,
          );
          for (const file of result.gewijzigd) out.info(`  ${file}`);
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
