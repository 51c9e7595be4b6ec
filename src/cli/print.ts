import type { TrainingResult } from "../commands/training.js";
import type { Output } from "./output.js";

const kb = (bytes: number | undefined): string =>
  bytes === undefined ? "" : ` (${Math.max(1, Math.round(bytes / 1024))} kB)`;

/** The short result of `idokit training`: where the files are and which to open first. */
export function printTrainingResult(result: TrainingResult, out: Output): void {
  const { color } = out;
  if (result.dryRun) {
    out.info(color.bold(`Proefdraai: er is niets geschreven. Dit zou in ${result.map} komen:`));
  } else {
    out.success(color.bold(`Trainingspakket klaar in ${result.map}`));
    printPreviousPack(result.vorigPakket, out);
  }
  for (const file of result.bestanden) out.info(`  ${file.naam}${kb(file.bytes)}`);
  out.info("");
  out.info(color.bold("Programma"));
  // Times as the documents write them: 13.30, not 13:30 (the JSON keeps 13:30).
  const clock = (time: string) => time.replace(":", ".");
  for (const row of result.programma)
    out.info(`  ${clock(row.start)}–${clock(row.eind)}  ${row.onderdeel}`);
  out.info("");
  out.info(color.bold("Gekozen casussen"));
  for (const c of result.casussen)
    out.info(
      `  ${c.nummer}. ${c.titel} ${color.dim(`(${c.id})`)}${c.reserve ? " – reserve, alleen als er tijd over is" : ""}\n     ${color.dim(c.redenen.join("; "))}`,
    );
  for (const note of result.nietGedekt) out.warn(note);
  printPdfReport(result.pdf, out);
  if (!result.dryRun) {
    out.info("");
    out.info(
      `Open eerst ${color.bold("LEESMIJ.html")}: wat elk bestand is, voor wie, hoeveel je print en wat je wanneer doet.`,
    );
    out.info(
      `Begin daarna met ${color.bold("draaiboek.docx")}. De mails om te versturen staan in de map ${color.bold("mails")}; de acteur krijgt ${color.bold("briefing-trainingsacteur.docx")}.`,
    );
  }
}

/** After remaking a pack in place: whether anything changed compared with the pack it replaced. */
export function printPreviousPack(
  previous: { ongewijzigd: boolean; gewijzigd: string[] } | undefined,
  out: Output,
): void {
  if (!previous) return;
  if (previous.ongewijzigd)
    out.info("Niets veranderd: het pakket is precies gelijk aan het pakket dat er al stond.");
  else if (previous.gewijzigd.length > 0)
    out.info(`Veranderd ten opzichte van het vorige pakket: ${previous.gewijzigd.join(", ")}.`);
}

/** One line about `--pdf`; the warnings themselves were reported while making the pack. */
export function printPdfReport(pdf: TrainingResult["pdf"], out: Output): void {
  if (!pdf || pdf.gemaakt === 0) return;
  out.info("");
  out.info(
    `${pdf.gemaakt} PDF's in de map pdf/${pdf.mislukt.length > 0 ? `; niet gelukt: ${pdf.mislukt.join(", ")}` : ""}.`,
  );
}
