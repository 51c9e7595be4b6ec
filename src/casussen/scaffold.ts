import type { Vocabulary } from "../domain/vocabulary.js";
import { ACTOR_SUBSECTIONS, FRONT_MATTER_FIELDS, SECTIONS } from "./parse.js";
import { GESLACHTEN } from "./types.js";

/**
 * The scaffold of a new casus (`idokit casussen nieuw BESTAND`): every front-matter field and
 * every section of the parser, in its order, each explained in a comment, with the choices from
 * the vocabulary. Fields and sections come from the parser's own lists, so a field the format
 * gains shows up here (a test keeps the explanations complete). The comments are not part of the
 * casus: YAML ignores `#` lines and the parser leaves `<!-- -->` out. Pure.
 */

type Field = (typeof FRONT_MATTER_FIELDS)[number];

/** How each front-matter field is explained, and what the scaffold writes for it. */
export const FIELD_HELP: Readonly<
  Record<Field, { uitleg: string; waarde: (id: string) => string; optioneel?: boolean }>
> = {
  id: {
    uitleg: "kleine letters, cijfers en streepjes; gelijk aan de bestandsnaam zonder .md.",
    waarde: (id) => id,
  },
  titel: {
    uitleg: 'korte, pakkende titel, bijvoorbeeld "De verlopen activeringsbrief".',
    waarde: () => "",
  },
  thema: { uitleg: "één thema.", waarde: () => "" },
  partners: {
    uitleg: "de instanties in deze casus, minstens één, als lijst: [svb, logius].",
    waarde: () => "[]",
  },
  lokalePartners: {
    uitleg:
      "de soorten lokale partners waarnaar je verwijst, als lijst. Geen? Laat de lijst leeg: [].",
    waarde: () => "[]",
  },
  vaardigheden: {
    uitleg: "wat de deelnemers met deze casus oefenen, minstens één, als lijst.",
    waarde: () => "[]",
  },
  moeilijkheid: {
    uitleg: "1 (instap, goed voor beginners), 2 (gemiddeld) of 3 (pittig).",
    waarde: () => "",
  },
  profiel: { uitleg: "wat voor klant dit is, minstens één, als lijst.", waarde: () => "[]" },
  klant: {
    uitleg:
      'één regel: wie is de klant, bijvoorbeeld "Man, 67, woont alleen, geen smartphone". Verzonnen en anoniem.',
    waarde: () => "",
  },
  geslacht: {
    uitleg: `niet verplicht: ${GESLACHTEN.join(", ")} (de acteur speelt de klant als man of vrouw). Haal het # weg om het in te vullen.`,
    waarde: () => "vrouw",
    optioneel: true,
  },
  leeftijd: {
    uitleg:
      "niet verplicht: de leeftijd in jaren, gelijk aan het getal in klant. Haal het # weg om het in te vullen.",
    waarde: () => "67",
    optioneel: true,
  },
  lokaleHulp: {
    uitleg:
      'niet verplicht: per soort uit lokalePartners wat déze klant daar nodig heeft, kort, met een kleine letter en zonder punt; het volgt op "voor" in een zin. Haal de # weg om het in te vullen.',
    waarde: () => "\n#   taalhuis: hulp bij het lezen van de brieven van de gemeente",
    optioneel: true,
  },
};

type SectionKey = (typeof SECTIONS)[number]["key"];
type ActorKey = (typeof ACTOR_SUBSECTIONS)[number]["key"];

/** What each section is for, as the comment under its heading; a skeleton where one helps. */
export const SECTION_HELP: Readonly<Record<SectionKey | ActorKey, { uitleg: string; vorm?: string }>> =
  {
    situatie: {
      uitleg:
        "Wat de medewerker ziet als de bezoeker aan tafel komt, in een paar zinnen. Dit staat ook op de kaart van de deelnemers: niet de echte vraag, niet wat de klant verzwijgt, geen oordeel. Wat de klant laat zien (boos, gehaast, verdrietig) mag wel.",
    },
    openingszin: {
      uitleg: "De eerste zin van de klant, als citaat. De acteur zegt hem zelf.",
      vorm: '> ""',
    },
    echteVraag: { uitleg: "Wat de klant eigenlijk nodig heeft." },
    lastig: { uitleg: "Waarom dit gesprek niet vanzelf gaat." },
    acteur: {
      uitleg:
        "Hoe de acteur de klant speelt: houding, wat de klant laat zien, wanneer de echte vraag op tafel komt. Daaronder drie vaste subkoppen.",
    },
    intensiteit: {
      uitleg:
        "Precies drie punten, van mild tot zwaar: hoe de klant zich gedraagt op elk niveau.",
      vorm: "- **Niveau 1:** \n- **Niveau 2:** \n- **Niveau 3:** ",
    },
    belonen: { uitleg: "Welk gedrag van de deelnemer de klant rustiger en opener maakt." },
    escaleren: { uitleg: "Welk gedrag de klant bozer, banger of geslotener maakt." },
    aanpak: {
      uitleg:
        "De stappen van een goed gesprek: luisteren, samenvatten, doorvragen, zakelijke empathie, grenzen, wat de klant zelf doet.",
      vorm: "1. ",
    },
    doorverwijzing: {
      uitleg:
        'De route: de landelijke instantie bij naam, en lokale hulp in algemene woorden ("de belastinghulp, als jullie die hebben"); koud of warm.',
    },
    privacy: { uitleg: "De aandachtspunten voor privacy in deze casus." },
    kijkopdracht: {
      uitleg:
        "Eén tot drie korte vragen voor de deelnemers die kijken, over wat de medewerker doet. Niet verplicht: haal dit onderdeel weg als je er geen wilt; idokit neemt dan een vraag bij de vaardigheid.",
    },
  };

/** Text wrapped into lines of at most `width` characters, each starting with `prefix`. */
function wrap(text: string, prefix: string, width = 98): string[] {
  const lines: string[] = [];
  let line = prefix;
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length + 1 > width && line.trim() !== prefix.trim()) {
      lines.push(line.trimEnd());
      line = prefix;
    }
    line += line === prefix ? word : ` ${word}`;
  }
  lines.push(line.trimEnd());
  return lines;
}

/** Ids with their names, wrapped into comment lines: `#   digid (DigiD), toeslagen (…), …`. */
function choiceLines(entries: ReadonlyArray<{ id: string; naam: string }>): string[] {
  const items = entries.map((entry) => (entry.id === entry.naam ? entry.id : `${entry.id} (${entry.naam})`));
  const lines: string[] = [];
  let line = "#   ";
  for (const [index, item] of items.entries()) {
    const text = `${item}${index < items.length - 1 ? "," : ""}`;
    if (line.length + text.length > 98 && line.trim() !== "#") {
      lines.push(line.trimEnd());
      line = "#   ";
    }
    line += `${text} `;
  }
  lines.push(line.trimEnd());
  return lines;
}

/** The vocabulary list a field chooses from, if it has one. */
function choicesFor(field: Field, vocabulary: Vocabulary): ReadonlyArray<{ id: string; naam: string }> {
  switch (field) {
    case "thema":
      return vocabulary.themas;
    case "partners":
      return vocabulary.instanties;
    case "lokalePartners":
    case "lokaleHulp":
      return vocabulary.lokalePartnerSoorten;
    case "vaardigheden":
      return vocabulary.vaardigheden;
    case "profiel":
      return vocabulary.profielen;
    default:
      return [];
  }
}

/** An explanation as an HTML comment, wrapped: `<!-- … -->`. */
function comment(text = "zie casussen/README.md."): string[] {
  const lines = wrap(`<!-- ${text} -->`, "");
  return lines;
}

/** The text of a new casus file with this id. */
export function buildCasusScaffold(id: string, vocabulary: Vocabulary): string {
  const lines: string[] = [
    "---",
    "# Een eigen casus voor idokit. Vul elk veld en elk onderdeel in; de uitleg staat erboven, in",
    "# regels met # en tussen <!-- en -->. Die uitleg komt niet in de documenten. Controleer de casus",
    "# met: idokit casussen controleer MAP (de map waar dit bestand in staat). Voorbeelden zie je met:",
    "# idokit casussen toon digid-verlopen-activeringsbrief",
    "#",
    "# Alles is verzonnen en anoniem: geen echte namen, BSN's, adressen of telefoonnummers.",
  ];
  for (const field of FRONT_MATTER_FIELDS) {
    const help = FIELD_HELP[field];
    const choices = choicesFor(field, vocabulary);
    lines.push("", ...wrap(`${field}: ${help?.uitleg ?? "zie casussen/README.md."}`, "# "));
    if (choices.length > 0) lines.push("# Kies uit:", ...choiceLines(choices));
    const value = help?.waarde(id) ?? "";
    lines.push(`${help?.optioneel ? "# " : ""}${field}:${value === "" || value.startsWith("\n") ? "" : " "}${value}`);
  }
  lines.push("---");
  for (const section of SECTIONS) {
    lines.push("", `## ${section.heading}`, "", ...comment(SECTION_HELP[section.key]?.uitleg));
    const form = SECTION_HELP[section.key]?.vorm;
    if (form) lines.push("", form);
    if (section.key !== "acteur") continue;
    for (const sub of ACTOR_SUBSECTIONS) {
      lines.push("", `### ${sub.heading}`, "", ...comment(SECTION_HELP[sub.key]?.uitleg));
      const subForm = SECTION_HELP[sub.key]?.vorm;
      if (subForm) lines.push("", subForm);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** A casus id made from any file name: `Mijn Casus!.md` → `mijn-casus`. */
export function toCasusId(name: string): string {
  return name
    .replace(/\.md$/i, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
