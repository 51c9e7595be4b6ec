import { describe, expect, it } from "vitest";
import { ACTOR_SUBSECTIONS, FRONT_MATTER_FIELDS, parseCasus, SECTIONS } from "../../src/casussen/parse.js";
import { buildCasusScaffold, FIELD_HELP, SECTION_HELP, toCasusId } from "../../src/casussen/scaffold.js";
import { loadVocabulary } from "../../src/domain/load-vocabulary.js";
import { fillScaffold } from "./scaffold-fill.js";

const vocabulary = loadVocabulary();

describe("the scaffold of a new casus", () => {
  const scaffold = buildCasusScaffold("mijn-casus", vocabulary);

  it("has every field and section of the parser, each explained", () => {
    for (const field of FRONT_MATTER_FIELDS) {
      expect(FIELD_HELP[field], field).toBeDefined();
      expect(scaffold).toMatch(new RegExp(`^# ${field}: `, "m"));
    }
    for (const section of [...SECTIONS, ...ACTOR_SUBSECTIONS]) {
      expect(SECTION_HELP[section.key], section.key).toBeDefined();
      expect(scaffold).toMatch(new RegExp(`^#{2,3} ${section.heading}\\n\\n<!-- `, "m"));
    }
    // The choices come from the vocabulary.
    for (const thema of vocabulary.themas) expect(scaffold).toContain(`${thema.id} (`);
    expect(scaffold.split("\n").every((line) => line.length <= 100)).toBe(true);
  });

  it("does not pass the check until it is filled in, and says what is left", () => {
    const problems = parseCasus(scaffold, "mijn-casus.md", vocabulary).problems;
    const where = problems.map((p) => p.where);
    expect(where).toEqual(expect.arrayContaining(['mijn-casus.md, veld "titel"', 'mijn-casus.md, onderdeel "## Situatie"']));
    expect(problems.some((p) => /Niveau|niveau/.test(p.message))).toBe(true);
  });

  it("filled in as a person would, is a valid casus whose comments stay out of its texts", () => {
    const parsed = parseCasus(fillScaffold(scaffold, "Het pakketje dat niet kwam"), "mijn-casus.md", vocabulary);
    expect(parsed.problems).toEqual([]);
    expect(parsed.casus).toMatchObject({
      id: "mijn-casus",
      titel: "Het pakketje dat niet kwam",
      geslacht: "vrouw",
      leeftijd: 72,
      lokaleHulp: { "digitale-cursus": "een cursus over veilig online bankieren" },
      openingszin: "Ik moet nog twee euro betalen voor een pakketje, maar het lukt niet.",
    });
    expect(parsed.casus!.situatie).not.toContain("<!--");
    expect(parsed.casus!.acteur).toBe("Speel een vrouw die zich schaamt en het gesprek klein wil houden.");
  });

  it.each([
    ["Mijn Casus!.md", "mijn-casus"],
    ["Één brief van het CAK", "een-brief-van-het-cak"],
  ])("makes an id of %j", (name, id) => expect(toCasusId(name)).toBe(id));
});
