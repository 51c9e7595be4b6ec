import { Command, Option } from "commander";
import { UsageError } from "../errors.js";
import { terminalPrompts } from "./prompts.js";
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
    .option(
      "-y, --yes",
      "neem de standaardantwoorden over voor alles wat niet gegeven is; vraag alleen wat echt nodig is",
      false,
    )
    .option(
      "--bewerk",
      "stel alle vragen opnieuw, met de antwoorden uit --answers als standaard",
      false,
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

Zonder --answers stelt idokit de vragen in de terminal. Met --answers vraagt idokit alleen wat
ontbreekt of niet klopt; zonder terminal noemt idokit wat ontbreekt (exitcode 2). Stop je halverwege
met Ctrl-C, dan bewaart idokit je antwoorden in een conceptbestand (idokit-concept-….yaml) en zegt
hoe je verdergaat.

Voorbeelden:
  idokit training
  idokit training --voorbeeld --out voorbeeldpakket
  idokit training --answers antwoorden.yaml --out pakket-maart
  idokit training --answers pakket-maart/antwoorden.yaml --bewerk --out pakket-april
  idokit training --answers antwoorden.yaml --yes --dry-run`,
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
              yes: Boolean(flags.yes),
              bewerk: Boolean(flags.bewerk),
            },
            context,
            { prompts: terminalPrompts(out) },
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
