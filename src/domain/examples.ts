/**
 * The built-in examples: invented libraries whose answers make a complete pack, chosen with
 * `--voorbeeld NAAM` (no name: the first). A plain table without imports, so the command line can
 * list the names in its help without loading anything else.
 */
export interface BuiltInExample {
  /** The name as typed after `--voorbeeld`. */
  naam: string;
  /** What sets this example apart, for the help: a phrase after the name. */
  omschrijving: string;
  /** The training answers, a file in `data/`. */
  training: string;
  /** The bijeenkomst answers of the same library, a file in `data/`. */
  bijeenkomst: string;
  /** Weekday of the training, 0 = Sunday: the example's date is the first one nine weeks ahead. */
  weekdag: number;
}

export const EXAMPLES: readonly BuiltInExample[] = [
  {
    naam: "zuiderlinge",
    omschrijving: "stadsbibliotheek, medewerkers en vrijwilligers, middagtraining",
    training: "voorbeeld-training.yaml",
    bijeenkomst: "voorbeeld-bijeenkomst.yaml",
    weekdag: 2,
  },
  {
    naam: "aldervoort",
    omschrijving: "dorpsbibliotheek, alleen vrijwilligers, IDO aan de leestafel, ochtendtraining",
    training: "voorbeeld-training-aldervoort.yaml",
    bijeenkomst: "voorbeeld-bijeenkomst-aldervoort.yaml",
    weekdag: 4,
  },
];

/** The example `--voorbeeld` without a name stands for. */
export const DEFAULT_EXAMPLE: BuiltInExample = EXAMPLES[0]!;

/** The example names for a help text: "zuiderlinge (standaard) of aldervoort". */
export function exampleNamesText(): string {
  const names = EXAMPLES.map((example, index) =>
    index === 0 ? `${example.naam} (standaard)` : example.naam,
  );
  return names.length === 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} of ${names.at(-1) ?? ""}`;
}

/** One line per example for a help text: name and what sets it apart. */
export function exampleListText(): string {
  const width = Math.max(...EXAMPLES.map((example) => example.naam.length));
  return EXAMPLES.map(
    (example, index) =>
      `  ${example.naam.padEnd(width)}  ${example.omschrijving}${index === 0 ? " (standaard)" : ""}`,
  ).join("\n");
}
