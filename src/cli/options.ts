import { InvalidArgumentError, Option, type Command } from "commander";

// Options shared by the pack commands, declared once. Only commander is imported here.

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function parseSeed(value: string): number {
  if (!/^\d{1,9}$/.test(value))
    throw new InvalidArgumentError(`verwacht een heel getal, niet "${value}".`);
  return Number(value);
}

/** `--casussen <map>`, repeatable. */
export const casussenOption = (): Option =>
  new Option("--casussen <map>", "eigen casussen uit deze map (herhaalbaar)")
    .argParser(collect)
    .default([] as string[]);

/** `--seed <getal>`: varies the casus selection, reproducibly. */
export const seedOption = (): Option =>
  new Option("--seed <getal>", "varieer de casuskeuze (zelfde getal, zelfde keuze)")
    .default(1)
    .argParser(parseSeed);

/** The options of a command that makes one pack from answers (`training`, `bijeenkomst`). */
export function addPackOptions(command: Command): Command {
  return command
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
    .option("--zip", "maak één zip-bestand in plaats van een map", false)
    .option(
      "--pdf",
      "maak van elk Word- en PowerPoint-bestand ook een PDF (in de map pdf/; nodig: LibreOffice)",
      false,
    )
    .option("-n, --dry-run", "laat alleen zien wat er gemaakt zou worden", false)
    .option("--json", "geef het resultaat als JSON op stdout (meldingen gaan naar stderr)", false)
    .option(
      "--templates <map>",
      "eigen sjablonen uit deze map; ontbrekende sjablonen komen uit idokit zelf",
    );
}

/** The typed options of `addPackOptions`, from commander's flags. */
export function packFlags(flags: Record<string, unknown>): {
  answers: string | undefined;
  voorbeeld: boolean;
  out: string | undefined;
  yes: boolean;
  bewerk: boolean;
  force: boolean;
  dryRun: boolean;
  templates: string | undefined;
  zip: boolean;
  pdf: boolean;
} {
  return {
    answers: flags.answers as string | undefined,
    voorbeeld: Boolean(flags.voorbeeld),
    out: flags.out as string | undefined,
    yes: Boolean(flags.yes),
    bewerk: Boolean(flags.bewerk),
    force: Boolean(flags.force),
    dryRun: Boolean(flags.dryRun),
    templates: flags.templates as string | undefined,
    zip: Boolean(flags.zip),
    pdf: Boolean(flags.pdf),
  };
}
