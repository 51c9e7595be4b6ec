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
  for (const row of result.programma) out.info(`  ${row.start}–${row.eind}  ${row.onderdeel}`);
  out.info("");
  out.info(color.bold("Gekozen casussen"));
  result.casussen.forEach((c, i) =>
    out.info(
      `  ${i + 1}. ${c.titel} ${color.dim(`(${c.id})`)}\n     ${color.dim(c.redenen.join("; "))}`,
    ),
  );
  for (const note of result.nietGedekt) out.warn(note);
  if (!result.dryRun) {
    out.info("");
    out.info(
      `Begin met ${color.bold("draaiboek.docx")}: daarin staan de voorbereiding met data en het programma.`,
    );
    out.info(
      `Stuur ${color.bold("briefing-trainingsacteur.docx")} en ${color.bold("casussen-trainer.docx")} vóór de voorbespreking naar de acteur.`,
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
