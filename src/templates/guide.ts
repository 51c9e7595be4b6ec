import { describeShape, mergeShapes, type Shape } from "./check-shape.js";
import type { PartialUse } from "./check.js";

/**
 * The LEESMIJ.md of an exported templates folder: per kind of pack the templates and every name
 * they can use, per partial where it is used and what it gets, and the helpers. Built from the
 * same shapes the template check uses, so it says what the code provides. Pure.
 */

/** What each helper does, for template authors; a test keeps it complete. */
export const HELPER_DOCS: Readonly<Record<string, { wat: string; voorbeeld: string }>> = {
  datum: {
    wat: "een datum voluit, met de dag",
    voorbeeld: "{{datum training.datum}} → dinsdag 9 februari 2027",
  },
  datumKort: { wat: "een datum zonder dag", voorbeeld: "{{datumKort training.datum}} → 9 februari 2027" },
  datumCijfers: { wat: "een datum in cijfers", voorbeeld: "{{datumCijfers training.datum}} → 9-2-2027" },
  tijd: { wat: "een tijd met 'uur'", voorbeeld: "{{tijd training.eindtijd}} → 16.45 uur" },
  klok: { wat: "een tijd zonder 'uur'", voorbeeld: "{{klok training.starttijd}} → 13.30" },
  opsomming: {
    wat: "een lijst als 'a, b en c' (of met \"of\": 'a, b of c')",
    voorbeeld: '{{opsomming bibliotheek.gemeenten}}, {{opsomming lijst "of"}}',
  },
  lijstMet: {
    wat: "een lijst met het juiste zelfstandig naamwoord ervoor",
    voorbeeld: '{{lijstMet "gemeente" "gemeenten" bibliotheek.gemeenten}} → gemeenten X en Y',
  },
  eq: { wat: "gelijk aan (in {{#if}})", voorbeeld: '{{#if (eq training.ervaring "nieuw")}}…{{/if}}' },
  ne: { wat: "niet gelijk aan (in {{#if}})", voorbeeld: '{{#if (ne id "pauze")}}…{{/if}}' },
  gt: { wat: "groter dan (in {{#if}})", voorbeeld: "{{#if (gt training.deelnemers 10)}}…{{/if}}" },
  and: { wat: "alle voorwaarden waar", voorbeeld: "{{#if (and acteur.naam acteur.email)}}…{{/if}}" },
  or: { wat: "een van de voorwaarden waar", voorbeeld: "{{#if (or a b)}}…{{/if}}" },
  not: { wat: "niet waar", voorbeeld: "{{#if (not acteur.naam)}}…{{/if}}" },
  bevat: {
    wat: "een lijst bevat een waarde",
    voorbeeld: '{{#if (bevat inrichting.apparatuur "printer")}}…{{/if}}',
  },
  aantal: { wat: "het aantal items van een lijst", voorbeeld: "{{aantal casussen}} → 5" },
  plus: { wat: "getallen optellen", voorbeeld: "{{plus @index 1}} → 1, 2, 3 …" },
  meervoud: {
    wat: "een aantal met enkelvoud of meervoud",
    voorbeeld: '{{meervoud training.deelnemers "deelnemer" "deelnemers"}} → 12 deelnemers',
  },
  klein: { wat: "eerste letter klein, midden in een zin", voorbeeld: "{{klein labels.samenstelling}}" },
  hoofdletter: {
    wat: "eerste letter groot, aan het begin van een zin",
    voorbeeld: "{{hoofdletter (datum training.datum)}} → Dinsdag 9 februari 2027",
  },
  inZin: {
    wat: "een vrij antwoord midden in een zin: kleine letter, geen punt aan het eind",
    voorbeeld: "{{inZin inrichting.plek}}",
  },
  zin: {
    wat: "een vrij antwoord als eigen zin: hoofdletter en één punt",
    voorbeeld: "{{zin inrichting.printsEnDownloads}}",
  },
  ofwel: {
    wat: "de eerste waarde die niet leeg is",
    voorbeeld: '{{ofwel acteur.naam "de trainingsacteur"}}',
  },
};

/** A kind of pack as the guide shows it. */
export interface GuideKind {
  label: string;
  documents: ReadonlyArray<{ template: string; file: string }>;
  shape: Shape;
}

const code = (text: string): string => `\`${text}\``;

function nameList(shape: Shape, prefix = ""): string[] {
  const names = describeShape(shape, prefix.replace(/\.$/, ""));
  return names.length === 0 ? ["- (geen namen bekend)"] : names.map((name) => `- ${code(name)}`);
}

/** The text of LEESMIJ.md for an exported templates folder. */
export function buildTemplateGuide(input: {
  version: string;
  kinds: readonly GuideKind[];
  partials: ReadonlyMap<string, PartialUse>;
  /** Every partial template name, also those no document uses. */
  partialNames: readonly string[];
  helpers: readonly string[];
  layouts: readonly string[];
}): string {
  const lines: string[] = [
    `# Sjablonen van idokit ${input.version}`,
    "",
    "In deze map staan de teksten van alle documenten die idokit maakt, als sjablonen (Handlebars",
    "over Markdown), en de huisstijl (`huisstijl.yaml`). Pas ze aan en gebruik ze met:",
    "",
    "    idokit training --sjablonen DEZE-MAP",
    "",
    "Controleer je wijzigingen eerst met `idokit sjablonen controleer DEZE-MAP`: die meldt elke fout",
    "met bestand, regel en kolom. Een pakket met een kapot sjabloon maakt idokit niet. Een sjabloon",
    "dat je weghaalt, komt weer uit idokit zelf. Dit bestand maakt idokit; je hoeft het niet bij te",
    "houden.",
    "",
    "## Zo werkt een sjabloon",
    "",
    "- `{{naam}}` voegt een waarde in, letterlijk (ook met tekens als `*`, `&` of `<`).",
    "- `{{{naam}}}` (drie accolades) voegt tekst in die al opmaak heeft, zoals de teksten van een casus.",
    "- `{{#if naam}} … {{else}} … {{/if}}`: tekst die alleen geldt als een antwoord er is of waar is.",
    "- `{{#each lijst}} … {{/each}}`: tekst voor elk item van een lijst. Binnen het blok gebruik je de",
    "  namen van één item (zonder `lijst[].` ervoor), `@index` (0, 1, …), `@first` en `@last`, en",
    "  `@root.naam` voor een naam van het hele pakket.",
    "- `{{> naam}}` voegt een gedeeld stuk in: `partials/naam.md.hbs`.",
    "- `{{helper waarde}}` of `(helper waarde)` binnen een ander blok: zie Helpers hieronder.",
    "- Een naam die er niet is, geeft een fout met de plek en een voorstel (\"bedoelde je …?\").",
    "",
    "In een presentatie scheidt een regel met alleen `---` de dia's. De eerste regel van een dia mag",
    `${code("<!-- layout: NAAM -->")} zijn, met als NAAM: ${input.layouts.join(", ")}. Elke dia begint met`,
    "een regel `# Titel` (behalve een citaat); na een regel met alleen `???` komen de sprekersnotities.",
    "In de overige documenten begint `<!-- pagina -->` een nieuwe pagina; zie de uitleg bovenaan elk",
    "sjabloon.",
    "",
    "## Helpers",
    "",
    "Elk sjabloon kan deze helpers gebruiken:",
    "",
    "| helper | wat het doet | voorbeeld |",
    "|---|---|---|",
    ...input.helpers.map((name) => {
      const doc = HELPER_DOCS[name];
      const example = doc ? doc.voorbeeld.replace(/\|/g, "\\|") : "";
      return `| ${code(name)} | ${doc?.wat ?? ""} | ${example ? code(example) : ""} |`;
    }),
    "| `if`, `unless`, `each`, `with`, `lookup` | de blokken en helpers van Handlebars zelf | `{{lookup acteur \"naam\"}}` |",
    "",
  ];
  for (const kind of input.kinds) {
    lines.push(`## ${kind.label[0]!.toUpperCase()}${kind.label.slice(1)}`, "");
    lines.push("Deze sjablonen maken de documenten van het pakket:", "");
    for (const doc of kind.documents) lines.push(`- ${code(`${doc.template}.hbs`)} → ${doc.file}`);
    lines.push(
      "",
      "Ze kunnen allemaal deze namen gebruiken (`lijst[]` is een lijst; `lijst[].veld` een veld van",
      "een item, binnen `{{#each lijst}}`):",
      "",
      ...nameList(kind.shape),
      "",
    );
  }
  lines.push("## Gedeelde stukken (partials)", "");
  for (const name of input.partialNames) {
    const use = input.partials.get(name);
    lines.push(`### ${code(`${name}.hbs`)}`, "");
    if (!use) {
      lines.push("Wordt in geen document gebruikt.", "");
      continue;
    }
    const given = describeShape(use.shapes.reduce(mergeShapes, { kind: "any" } as Shape));
    // Called with the whole pack's data (`{{> x @root blok=this}}`): say so, and list the rest.
    const kind = input.kinds.find((candidate) => {
      const all = describeShape(candidate.shape);
      return all.length > 0 && all.every((name) => given.includes(name));
    });
    const extra = kind ? given.filter((name) => !describeShape(kind.shape).includes(name)) : given;
    lines.push(
      `Gebruikt in: ${[...use.callers].map((caller) => code(`${caller}.hbs`)).join(", ")}.`,
      "",
      kind
        ? `Krijgt alle namen van het ${kind.label}${extra.length > 0 ? ", en daarnaast:" : "."}`
        : "Krijgt deze namen (en via `@root.` de namen van het hele pakket):",
      "",
      ...(kind && extra.length === 0 ? [] : extra.map((name) => `- ${code(name)}`)),
      "",
    );
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
