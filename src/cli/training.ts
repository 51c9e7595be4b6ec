import { Command, Option } from "commander";
import { UsageError } from "../errors.js";
import { runAction } from "./run.js";

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function parseSeed(value: string): number {
  if (!/^\d{1,9}$/.test(value))
    throw new UsageError(`--seed verwacht een heel getal, niet "${value}".`);
  return Number(value);
}

/** `idokit training`: declares the options and hands a typed options object to the command. */
export function trainingCommand(): Command {
  return new Command("training")
    .description("Maak een trainingspakket voor een vaardigheidstraining met een trainingsacteur.")
    .option(
      "-a, --answers <bestand>",
      "antwoorden uit een YAML-bestand (bijvoorbeeld antwoorden.yaml uit een eerder pakket)",
    )
    .option(
      "--voorbeeld",
      "gebruik de ingebouwde voorbeeldantwoorden van een verzonnen bibliotheek",
      false,
    )
    .option(
      "-o, --out <map>",
      "map voor het pakket (standaard een nieuwe map met bibliotheek, vestiging en datum)",
    )
    .option("-f, --force", "vervang een bestaande, niet-lege uitvoermap", false)
    .option("-n, --dry-run", "laat alleen zien wat er gemaakt zou worden", false)
    .option("--json", "geef het resultaat als JSON op stdout (meldingen gaan naar stderr)", false)
    .option(
      "--casussen <map>",
      "eigen casussen uit deze map (herhaalbaar)",
      collect,
      [] as string[],
    )
    .option(
      "--templates <map>",
      "eigen sjablonen uit deze map; ontbrekende sjablonen komen uit idokit zelf",
    )
    .addOption(
      new Option("--seed <getal>", "varieer de casuskeuze (zelfde getal, zelfde keuze)")
        .default(1)
        .argParser(parseSeed),
    )
    .addHelpText(
      "after",
      `
Het pakket bevat: presentatie-vaardigheidstraining.pptx (met sprekersnotities), draaiboek.docx,
briefing-trainingsacteur.docx, casussen-trainer.docx, casussen-deelnemers.docx, antwoorden.yaml
en manifest.json. Het pakket verschijnt pas als alles klaar is; een bestaande map wordt alleen
vervangen met --force.

Voorbeelden:
  idokit training --voorbeeld --out voorbeeldpakket
  idokit training --answers antwoorden.yaml --out pakket-maart
  idokit training --answers antwoorden.yaml --dry-run`,
    )
    .action(async (flags: Record<string, unknown>, command: Command) => {
      const globals = command.optsWithGlobals<{ debug?: boolean }>();
      await runAction(
        { json: Boolean(flags.json), debug: globals.debug ?? false },
        async (context, out) => {
          const { runTraining } = await import("../commands/training.js");
          const result = await runTraining(
            {
              answers: flags.answers as string | undefined,
              voorbeeld: Boolean(flags.voorbeeld),
              out: flags.out as string | undefined,
              force: Boolean(flags.force),
              dryRun: Boolean(flags.dryRun),
              casussen: flags.casussen as string[],
              templates: flags.templates as string | undefined,
              seed: flags.seed as number,
            },
            context,
          );
          if (flags.json) {
            out.json(result);
            return;
          }
          const { printTrainingResult } = await import("./print.js");
          printTrainingResult(result, out);
        },
      );
    });
}
