import { Command } from "commander";
import { exampleListText } from "../domain/examples.js";
import {
  addPackOptions,
  addFlag,
  addSeedFlag,
  addCasusFlags,
  packFlags,
  selectionFlags,
} from "./options.js";
import { terminalPrompts } from "./prompts.js";
import type { runAction as RunAction } from "./run.js";

/** run.js (output, the pack writer) loads when the command runs, not for `idokit --help`. */
const runAction: typeof RunAction = async (flags, action) =>
  (await import("./run.js")).runAction(flags, action);
import { applySettings } from "./settings.js";

/** `idokit training`: declares the options and hands a typed options object to the command. */
export function trainingCommand(): Command {
  const command = addPackOptions(
    new Command("training").description(
      "Maak een trainingspakket voor een vaardigheidstraining met een trainingsacteur.",
    ),
  );
  addCasusFlags(command);
  addFlag(command, "acteurs");
  return addSeedFlag(command)
    .addHelpText(
      "after",
      `
Het pakket bevat: presentatie-vaardigheidstraining.pptx (met sprekersnotities), draaiboek.docx,
briefing-trainingsacteur.docx, casussen-trainer.docx, casussen-deelnemers.docx, spiekbrief.docx,
presentielijst.docx, evaluatieformulier.docx, voornemenkaartjes.docx, de mails en
agenda-uitnodigingen in mails/, LEESMIJ.html (begin daar), antwoorden.yaml en manifest.json.
Met --pdf ook een PDF van elk document (nodig: LibreOffice); met --zip één zip-bestand. Het pakket verschijnt pas als alles klaar is; een bestaande map wordt alleen
vervangen met --vervang.

Zonder --antwoorden stelt idokit de vragen in de terminal. Met --antwoorden vraagt idokit alleen wat
ontbreekt of niet klopt; zonder terminal noemt idokit wat ontbreekt (exitcode 2). Stop je halverwege
met Ctrl-C, dan bewaart idokit je antwoorden in een conceptbestand (idokit-concept-….yaml) en zegt
hoe je verdergaat.

Ingebouwde voorbeelden, verzonnen bibliotheken (--voorbeeld NAAM):
${exampleListText()}

Voorbeelden:
  idokit training
  idokit training --voorbeeld --map voorbeeldpakket
  idokit training --voorbeeld aldervoort --map voorbeeld-aldervoort
  idokit training --antwoorden antwoorden.yaml --map pakket-maart
  idokit training --antwoorden pakket-maart/antwoorden.yaml --bewerk --map pakket-april
  idokit training --antwoorden antwoorden.yaml --standaard --proefdraai`,
    )
    .action(async (flags: Record<string, unknown>, command: Command) => {
      const globals = command.optsWithGlobals<{ debug?: boolean }>();
      await runAction(
        { json: Boolean(flags.json), debug: globals.debug ?? false },
        async (context, out) => {
          const { runTraining } = await import("../commands/training.js");
          const result = await runTraining(
            await applySettings({ ...packFlags(flags), ...selectionFlags(flags) }),
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
