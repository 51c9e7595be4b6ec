import { Command } from "commander";
import { printPreviousPack } from "./print.js";
import { exampleListText } from "../domain/examples.js";
import type { BijeenkomstResult } from "../commands/bijeenkomst.js";
import { addPackOptions, packFlags } from "./options.js";
import type { Output } from "./output.js";

// Only commander loads with this module; everything else is imported when the command runs, so
// `idokit --help` stays fast.

/** `idokit bijeenkomst`: declares the options and hands a typed options object to the command. */
export function bijeenkomstCommand(): Command {
  return addPackOptions(
    new Command("bijeenkomst").description(
      "Maak een bijeenkomstpakket voor de lokale IDO-bijeenkomst, waarin jullie de werkafspraken vastleggen.",
    ),
  )
    .addHelpText(
      "after",
      `
Het pakket bevat: handleiding-lokale-bijeenkomst.docx, presentatie-lokale-bijeenkomst.pptx (met
sprekersnotities), werkafspraken-formulier.docx, presentielijst.docx, de uitnodiging (mail en
agenda) in mails/, LEESMIJ.html (begin daar), werkafspraken.yaml, antwoorden.yaml en
manifest.json. Vul na de bijeenkomst werkafspraken.yaml aan en maak er het trainingspakket mee:
idokit training --antwoorden werkafspraken.yaml

Zonder --antwoorden stelt idokit de vragen in de terminal; de werkafspraken mag je overslaan, die
spreken jullie in de bijeenkomst af. Met --antwoorden vraagt idokit alleen wat ontbreekt of niet
klopt; zonder terminal noemt idokit wat ontbreekt (exitcode 2). Stop je halverwege met Ctrl-C,
dan bewaart idokit je antwoorden in een conceptbestand (idokit-concept-….yaml).

Ingebouwde voorbeelden, verzonnen bibliotheken (--voorbeeld NAAM):
${exampleListText()}

Voorbeelden:
  idokit bijeenkomst
  idokit bijeenkomst --voorbeeld --map voorbeeld-bijeenkomst
  idokit bijeenkomst --voorbeeld aldervoort --map voorbeeld-bijeenkomst-aldervoort
  idokit bijeenkomst --antwoorden antwoorden.yaml --map bijeenkomst-maart
  idokit bijeenkomst --antwoorden antwoorden.yaml --bewerk --map bijeenkomst-april
  idokit bijeenkomst --antwoorden antwoorden.yaml --standaard --proefdraai`,
    )
    .action(async (flags: Record<string, unknown>, command: Command) => {
      const globals = command.optsWithGlobals<{ debug?: boolean }>();
      const { runAction } = await import("./run.js");
      const { terminalPrompts } = await import("./prompts.js");
      await runAction(
        { json: Boolean(flags.json), debug: globals.debug ?? false },
        async (context, out) => {
          const { runBijeenkomst } = await import("../commands/bijeenkomst.js");
          const { applySettings } = await import("./settings.js");
          const result = await runBijeenkomst(await applySettings(packFlags(flags)), context, {
            prompts: terminalPrompts(out),
          });
          if (flags.json) out.json(result);
          else printBijeenkomstResult(result, out);
        },
      );
    });
}

const kb = (bytes: number | undefined): string =>
  bytes === undefined ? "" : ` (${Math.max(1, Math.round(bytes / 1024))} kB)`;

/** The short result of `idokit bijeenkomst`: where the files are and what to do next. */
export function printBijeenkomstResult(result: BijeenkomstResult, out: Output): void {
  const { color } = out;
  if (result.dryRun)
    out.info(color.bold(`Proefdraai: er is niets geschreven. Dit zou in ${result.map} komen:`));
  else {
    out.success(color.bold(`Bijeenkomstpakket klaar in ${result.map}`));
    printPreviousPack(result.vorigPakket, out);
  }
  for (const file of result.bestanden) out.info(`  ${file.naam}${kb(file.bytes)}`);
  out.info("");
  out.info(color.bold("Agenda"));
  for (const row of result.agenda) out.info(`  ${row.start}–${row.eind}  ${row.onderdeel}`);
  for (const note of result.aandachtspunten) out.warn(note);
  if (result.pdf && result.pdf.gemaakt > 0)
    out.info(`\n${result.pdf.gemaakt} PDF's in de map pdf/.`);
  if (!result.dryRun) {
    out.info("");
    out.info(
      `Open eerst ${color.bold("LEESMIJ.html")}: wat elk bestand is, voor wie en wat je wanneer doet.`,
    );
    out.info(
      `Begin daarna met ${color.bold("handleiding-lokale-bijeenkomst.docx")}; de uitnodiging staat in de map ${color.bold("mails")}.`,
    );
    out.info(
      `Na de bijeenkomst: werk ${color.bold("werkafspraken.yaml")} bij en maak het trainingspakket met ${color.bold("idokit training --antwoorden werkafspraken.yaml")}.`,
    );
  }
}
