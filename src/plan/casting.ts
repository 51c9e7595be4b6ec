import { enumerate } from "../domain/format.js";

/**
 * Casting: the customer's gender and age per casus, so kartrekker and actor can discuss in the
 * voorbespreking who plays what. Casus files give `geslacht` and `leeftijd`; for casussen that do
 * not (a POI's own), they are read from the one-line customer description ("Weduwe, 78, …").
 */

export type Gender = "vrouw" | "man" | "onbepaald";

export interface Casting {
  /** Empty when neither the casus nor its description says. */
  geslacht: Gender | "";
  leeftijd: number | undefined;
  /** "vrouw, 78", "man", "78 jaar", or "" when nothing is known. */
  tekst: string;
}

const WOMAN =
  /\b(vrouw|mevrouw|moeder|dochter|weduwe|zus|zuster|oma|meisje|tante|echtgenote|studente)\b/iu;
const MAN = /\b(man|meneer|vader|zoon|weduwnaar|broer|opa|jongen|oom|echtgenoot|student)\b/iu;

function genderFrom(description: string): Gender | "" {
  const woman = WOMAN.exec(description)?.index ?? -1;
  const man = MAN.exec(description)?.index ?? -1;
  if (woman < 0 && man < 0) return "";
  if (man < 0) return "vrouw";
  if (woman < 0) return "man";
  return woman < man ? "vrouw" : "man";
}

function ageFrom(description: string): number | undefined {
  for (const match of description.matchAll(/\b(\d{1,3})\b/gu)) {
    const age = Number(match[1]);
    if (age >= 12 && age <= 110) return age;
  }
  return undefined;
}

/** The casting facts of one casus, from its fields or else its customer description. */
export function castingOf(casus: {
  klant: string;
  geslacht?: Gender | undefined;
  leeftijd?: number | undefined;
}): Casting {
  const geslacht = casus.geslacht ?? genderFrom(casus.klant);
  const leeftijd = casus.leeftijd ?? ageFrom(casus.klant);
  const gender = geslacht === "onbepaald" ? "man of vrouw" : geslacht;
  const tekst =
    gender !== "" && leeftijd !== undefined
      ? `${gender}, ${leeftijd}`
      : gender !== ""
        ? gender
        : leeftijd !== undefined
          ? `${leeftijd} jaar`
          : "";
  return { geslacht, leeftijd, tekst };
}

/**
 * The casting of a whole training in one phrase: "3 vrouwen (45, 78 en 81 jaar) en 2 mannen
 * (20 en 34 jaar)". Empty when nothing is known.
 */
export function castingSummary(castings: readonly Casting[]): string {
  const groups: Array<[string, string, Casting[]]> = [
    ["vrouw", "vrouwen", castings.filter((c) => c.geslacht === "vrouw")],
    ["man", "mannen", castings.filter((c) => c.geslacht === "man")],
    [
      "klant van wie het geslacht niet uitmaakt",
      "klanten van wie het geslacht niet uitmaakt",
      castings.filter((c) => c.geslacht === "onbepaald"),
    ],
  ];
  const parts = groups
    .filter(([, , list]) => list.length > 0)
    .map(([one, many, list]) => {
      const ages = list
        .map((c) => c.leeftijd)
        .filter((age): age is number => age !== undefined)
        .sort((a, b) => a - b);
      const noun = `${list.length} ${list.length === 1 ? one : many}`;
      return ages.length === 0 ? noun : `${noun} (${enumerate(ages)} jaar)`;
    });
  return enumerate(parts);
}
