import { Command } from "commander";
import { shellQuote } from "../shell-quote.js";
import type { ListResult } from "../commands/sjablonen.js";
import { addCasusFlags, addFlag, flagBoolean, flagValue } from "./options.js";
import type { Output } from "./output.js";
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
          out.success(
            `${result.bestanden.length} bestanden gekopieerd naar ${result.map}: de sjablonen, huisstijl.yaml, trainingsacteurs.yaml, instellingen.yaml en LEESMIJ.md.`,
          );
          out.info(`Lees ${map}/LEESMIJ.md, pas de sjablonen aan en controleer ze met:`);
          out.info(`  idokit sjablonen controleer ${shellQuote(map)}`);
          out.info(`Gebruik ze met: idokit training --sjablonen ${shellQuote(map)} …`);
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
    .description(
      "Toon waar de sjablonen, de huisstijl, de trainingsacteurs en de casussen vandaan komen.",
    );
  addFlag(lijst, "sjablonen", { description: "een eigen sjablonenmap" });
  addFlag(lijst, "huisstijl");
  addFlag(lijst, "acteurs");
  addCasusFlags(lijst)
    .option("--json", "geef het resultaat als JSON op stdout")
    .addHelpText(
      "after",
      `
Zonder opties laat idokit zien wat elk commando gebruikt: idokits eigen sjablonen, of wat jullie
instellingen (instellingen.yaml) zeggen. Met opties zie je wat die opties veranderen.`,
    )
    .action(async (flags: Record<string, unknown>, cmd: Command) => {
      await runAction(
        {
          json: Boolean(flags.json),
          debug: cmd.optsWithGlobals<{ debug?: boolean }>().debug ?? false,
        },
        async (context, out) => {
          const [{ listTemplates }, { loadSettings }] = await Promise.all([
            import("../commands/sjablonen.js"),
            import("../config/settings.js"),
          ]);
          const result = listTemplates(
            {
              templates: flagValue(flags, "sjablonen"),
              huisstijl: flagValue(flags, "huisstijl"),
              acteurs: flagValue(flags, "acteurs"),
              casussen: (flags.casussen as string[] | undefined) ?? [],
              alleenEigenCasussen: flagBoolean(flags, "alleenEigenCasussen"),
            },
            loadSettings(),
            context,
          );
          if (flags.json) return out.json(result);
          printList(result, out);
        },
      );
    });
  return command;
}

const SOURCE: Record<string, string> = {
  ingebouwd: "van idokit zelf",
  optie: "opgegeven bij het commando",
  instellingen: "uit de instellingen",
  "naast de sjablonen": "naast de sjablonen",
};

/** `idokit sjablonen lijst` for people: the sources first, then every template. */
function printList(result: ListResult, out: Output): void {
  const { color } = out;
  const line = (label: string, text: string) => out.info(`${color.bold(label.padEnd(14))}${text}`);
  const { instellingen, sjablonen, huisstijl, acteurs } = result;
  line(
    "Instellingen",
    instellingen.bestand
      ? `${instellingen.bestand} (${instellingen.gevonden === "omgevingsvariabele" ? "via IDOKIT_INSTELLINGEN" : "in de configuratiemap"})`
      : instellingen.gezocht
        ? `geen (gezocht: ${instellingen.gezocht})`
        : "geen (IDOKIT_INSTELLINGEN is leeg)",
  );
  line(
    "Sjablonen",
    sjablonen.map
      ? `${sjablonen.map} (${SOURCE[sjablonen.bron]}); ${sjablonen.gewijzigd} van ${sjablonen.totaal} gewijzigd`
      : "van idokit zelf",
  );
  line(
    "Huisstijl",
    huisstijl.bron === "ingebouwd"
      ? "van idokit zelf"
      : `${huisstijl.bestand} (${SOURCE[huisstijl.bron]})`,
  );
  line("Acteurs", acteurs.bestand ? `${acteurs.bestand} (${SOURCE[acteurs.bron]})` : "geen lijst");
  result.casussen.forEach((folder, index) =>
    line(
      index === 0 ? "Casussen" : "",
      `${folder.bron === "ingebouwd" ? "van idokit zelf" : `${folder.map} (${SOURCE[folder.bron]})`}: ${folder.aantal} ${folder.aantal === 1 ? "casus" : "casussen"}${folder.gebruikt ? "" : " — niet gebruikt (alleen eigen casussen)"}`,
    ),
  );
  out.info("");
  for (const file of result.bestanden)
    out.info(
      `${file.naam.padEnd(48)} ${file.bron === "ingebouwd" ? "van idokit zelf" : file.gewijzigd ? color.bold("eigen, gewijzigd") : "eigen, gelijk aan idokit"}`,
    );
}
