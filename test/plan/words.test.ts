import { describe, expect, it } from "vitest";
import { loadVocabulary } from "../../src/domain/load-vocabulary.js";
import { castingOf, castingSummary } from "../../src/plan/casting.js";
import { matchLocalPartners } from "../../src/plan/local-partners.js";
import {
  kindAddsInformation,
  kindWithArticle,
  skillTexts,
  toPartnerView,
} from "../../src/plan/words.js";

const vocabulary = loadVocabulary();
const kind = (id: string) => vocabulary.lokalePartnerSoorten.find((k) => k.id === id)!;
const partner = (
  naam: string,
  soort: string,
  waarvoor = "Hulp bij post",
  overdracht = "Samen bellen.",
) => toPartnerView({ naam, soort, waarvoor, overdracht }, vocabulary, [naam]);

describe("a local partner's display name", () => {
  it.each([
    ["Taalhuis Zuiderhaven", "taalhuis", false],
    ["Sociaal Team Zuiderhaven", "sociaal-wijkteam", false],
    ["Humanitas Thuisadministratie Rivierland", "humanitas", false],
    ["Belastingspreekuur (vrijwilligers ouderenbond)", "belastinghulp", false],
    ["Schuldhulp gemeente Zuiderhaven", "schuldhulp", false],
    ["Stichting Het Anker", "welzijn", true],
    ["Digicafé", "digitale-cursus", true],
    ["Het Steunpunt", "anders", false],
  ])("%j (%s): the kind adds information: %s", (name, id, adds) => {
    expect(kindAddsInformation(name, kind(id))).toBe(adds);
  });

  it("shows the kind readably, in brackets, only when it adds something", () => {
    expect(partner("Stichting Het Anker", "welzijn").weergave).toBe(
      "Stichting Het Anker (welzijnsorganisatie)",
    );
    expect(partner("Taalhuis Zuiderhaven", "taalhuis").weergave).toBe("Taalhuis Zuiderhaven");
  });

  it("shapes what the partner is for and the handover for running text", () => {
    const view = partner(
      "De Brug",
      "welzijn",
      "Schulden en administratie.",
      "Met toestemming bellen we.",
    );
    expect(view.waarvoorTekst).toBe("schulden en administratie");
    expect(view.overdrachtTekst).toBe("met toestemming bellen we");
    expect(view.overdracht).toBe("Met toestemming bellen we.");
  });

  it.each([
    ["sociaal-wijkteam", "een sociaal wijkteam"],
    ["taalhuis", "het Taalhuis"],
    ["humanitas", "Humanitas Thuisadministratie"],
    ["schuldhulp", "de schuldhulpverlening van de gemeente"],
  ])("names the kind %s with its article: %j", (id, expected) => {
    expect(kindWithArticle(kind(id))).toBe(expected);
  });
});

describe("skills in running text", () => {
  it.each([
    [["lsd", "doorvragen"], [], ["LSD (luisteren, samenvatten, doorvragen)"]],
    [["doorvragen", "zakelijke-empathie"], [], ["doorvragen", "zakelijke empathie"]],
    [
      ["emoties", "warm-doorverwijzen"],
      ["oudere", "verdrietig"],
      ["omgaan met verdriet", "warm doorverwijzen"],
    ],
    [["emoties"], ["boos", "angstig"], ["omgaan met boosheid en angst"]],
    [["emoties"], [], ["omgaan met emoties"]],
  ])("%j (profile %j) → %j", (skills, profile, expected) => {
    expect(skillTexts(skills, vocabulary, profile)).toEqual(expected);
  });
});

describe("matching the library's own partners to a casus", () => {
  const partners = [
    partner("Belastingspreekuur KBO", "belastinghulp", "Aangifte en toeslagen"),
    partner("Sociaal Team Noord", "sociaal-wijkteam", "Zorg, Wmo en meer tegelijk"),
    partner("Taalpunt", "taalhuis", "Lezen en schrijven"),
  ];

  it("finds every partner of a needed kind, with the casus's own need", () => {
    const result = matchLocalPartners(["belastinghulp", "taalhuis"], partners, vocabulary, {
      belastinghulp: "de aangifte voor haar overleden man",
    });
    expect(result.gevonden.map((p) => [p.naam, p.hulp])).toEqual([
      ["Belastingspreekuur KBO", "de aangifte voor haar overleden man"],
      ["Taalpunt", "lezen en schrijven"],
    ]);
    expect(result.ontbreekt).toEqual([]);
  });

  it("gives a second partner for the same need its own 'waarvoor', not the same phrase again", () => {
    const two = [
      partner("De Formulierenbrigade", "belastinghulp", "Belastingaangifte, het hele jaar"),
      partner("Raadslieden Oost", "sociaal-raadslieden", "Hulp bij formulieren en bezwaar."),
      partner("Invulhulp KBO", "belastinghulp", "Aangifte voor senioren"),
    ];
    const result = matchLocalPartners(["belastinghulp"], two, vocabulary, {
      belastinghulp: "de aangifte voor haar overleden man",
    });
    expect(result.gevonden.map((p) => [p.naam, p.hulp])).toEqual([
      ["De Formulierenbrigade", "de aangifte voor haar overleden man"],
      ["Invulhulp KBO", "aangifte voor senioren"],
      ["Raadslieden Oost", "hulp bij formulieren en bezwaar"],
    ]);
  });

  it("finds a partner by what it is for when its kind differs", () => {
    const result = matchLocalPartners(["wmo-loket"], partners, vocabulary);
    expect(result.gevonden.map((p) => [p.naam, p.opSoort])).toEqual([
      ["Sociaal Team Noord", false],
    ]);
  });

  it("never invents a partner: a kind nobody covers is missing, with related partners", () => {
    const result = matchLocalPartners(["welzijn"], partners, vocabulary, {
      welzijn: "contact en activiteiten in de buurt",
    });
    expect(result.gevonden).toEqual([]);
    expect(result.ontbreekt).toEqual([
      {
        soort: "welzijn",
        soortTekst: "een welzijnsorganisatie",
        hulp: "contact en activiteiten in de buurt",
        verwant: ["Sociaal Team Noord"],
      },
    ]);
    expect(result.ontbreektTekst).toBe("een welzijnsorganisatie");
  });

  it("does not call a kind missing when a partner of a related kind already serves the casus", () => {
    const result = matchLocalPartners(["belastinghulp", "ouderenbond"], partners, vocabulary);
    expect(result.ontbreekt).toEqual([]);
  });
});

describe("casting", () => {
  it.each([
    [{ klant: "Weduwe, 78, haar man overleed" }, "vrouw", 78, "vrouw, 78"],
    [{ klant: "Man, 20, eerste auto" }, "man", 20, "man, 20"],
    [{ klant: "Vader, 36, twee kinderen van 3 en 6" }, "man", 36, "man, 36"],
    [{ klant: "Iemand van middelbare leeftijd" }, "", undefined, ""],
    [
      { klant: "Vrouw, 70", geslacht: "onbepaald" as const, leeftijd: 65 },
      "onbepaald",
      65,
      "man of vrouw, 65",
    ],
  ])("%j → %s, %s", (casus, geslacht, leeftijd, tekst) => {
    expect(castingOf(casus)).toEqual({ geslacht, leeftijd, tekst });
  });

  it("sums the training up per gender with ages", () => {
    const summary = castingSummary([
      castingOf({ klant: "Vrouw, 78" }),
      castingOf({ klant: "Man, 20" }),
      castingOf({ klant: "Vrouw, 45" }),
    ]);
    expect(summary).toBe("2 vrouwen (45 en 78 jaar) en 1 man (20 jaar)");
  });
});
