import { Command } from "commander";
import { addPackOptions, casussenOption, packFlags, seedOption } from "./options.js";
import { terminalPrompts } from "./prompts.js";
import { runAction } from "./run.js";

/** `idokit training`: declares the options and hands a typed options object to the command. */
export function trainingCommand(): Command {
  return addPackOptions(
    new Command("training").description(
      "Maak een trainingspakket voor een vaardigheidstraining met een trainingsacteur.",
    ),
  )
    .addOption(casussenOption())
    .addOption(seedOption())
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
              ...packFlags(flags),
              casussen: flags.casussen as string[],
              seed: flags.seed as number,
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
