import { describe, expect, it } from "vitest";
import {
  mulberry32,
  niveauTargets,
  selectCasussen,
  type SelectionRequest,
} from "../../src/casussen/select.js";
import { loadVocabulary } from "../../src/domain/load-vocabulary.js";
import { makeCasus } from "./helpers.js";

const vocabulary = loadVocabulary();

const request = (overrides: Partial<SelectionRequest> = {}): SelectionRequest => ({
  count: 3,
  focus: [],
  partners: [],
  localPartnerTypes: [],
  pinned: [],
  niveau: "gemengd",
  seed: 1,
  ...overrides,
});

const library = [
  makeCasus({
    id: "boete",
    thema: "boetes-schulden",
    partners: ["cjib"],
    lokalePartners: ["humanitas"],
    vaardigheden: ["grenzen-stellen"],
    moeilijkheid: 2,
    profiel: ["oudere", "boos"],
  }),
  makeCasus({ id: "digid", thema: "digid", vaardigheden: ["doorvragen"], profiel: ["jongere"] }),
  makeCasus({
    id: "zorg",
    thema: "zorg",
    partners: ["cak"],
    vaardigheden: ["emoties"],
    profiel: ["mantelzorger"],
  }),
  makeCasus({
    id: "pittig",
    thema: "toeslagen",
    partners: ["toeslagen"],
    vaardigheden: ["zakelijke-empathie"],
    moeilijkheid: 3,
  }),
];

const ids = (selection: { chosen: { casus: { id: string } }[] }) =>
  selection.chosen.map((item) => item.casus.id);

describe("selectCasussen", () => {
  it("covers the focus, prefers partners, and explains every choice in Dutch", () => {
    const selection = selectCasussen(
      library,
      request({
        focus: ["grenzen-stellen", "doorvragen"],
        partners: ["cjib"],
        localPartnerTypes: ["humanitas"],
        niveau: "rustig",
      }),
      vocabulary,
    );
    expect(selection.chosen.map(({ casus, reasons }) => [casus.id, reasons])).toEqual([
      ["digid", ["oefent doorvragen"]],
      ["zorg", ["zorgt voor variatie met het thema zorg", "zorgt voor variatie in klanten (mantelzorger)"]],
      [
        "boete",
        [
          "oefent grenzen stellen",
          "CJIB staat in jullie partnerafspraken",
          "jullie Humanitas Thuisadministratie past als vervolg",
        ],
      ],
    ]);
    expect(selection.uncovered).toEqual([]);
    expect(selection.problems).toEqual([]);
  });

  it("names the library's own local partners, not their kinds, when it knows them", () => {
    const selection = selectCasussen(
      library,
      request({
        focus: ["grenzen-stellen"],
        partners: ["cjib"],
        localPartnerTypes: ["humanitas", "taalhuis"],
        localPartners: [
          { naam: "Thuisadministratie De Brug", soort: "humanitas" },
          { naam: "Taalpunt Centrum", soort: "taalhuis" },
        ],
        niveau: "rustig",
      }),
      vocabulary,
    );
    const reasons = selection.chosen.flatMap((item) => item.reasons).join("; ");
    expect(reasons).toContain("Thuisadministratie De Brug past als vervolg");
    expect(reasons).not.toMatch(/Humanitas Thuisadministratie|lokale partner \(/);
  });

  it("names skills as the documents do: the casus's own feeling, LSD without doorvragen again", () => {
    const casussen = [
      makeCasus({ id: "weduwe", vaardigheden: ["emoties", "warm-doorverwijzen"], profiel: ["verdrietig"] }),
      makeCasus({ id: "lsd", thema: "digid", vaardigheden: ["lsd", "doorvragen"], profiel: ["jongere"] }),
    ];
    const selection = selectCasussen(
      casussen,
      request({ count: 2, focus: ["emoties", "warm-doorverwijzen", "lsd", "doorvragen"] }),
      vocabulary,
    );
    const reasons = selection.chosen.map((c) => c.reasons[0]);
    expect(reasons).toContain("oefent omgaan met verdriet en warm doorverwijzen");
    expect(reasons).toContain("oefent LSD (luisteren, samenvatten, doorvragen)");
  });

  it("always includes pinned casussen and says so first", () => {
    const selection = selectCasussen(library, request({ count: 2, pinned: ["pittig"] }), vocabulary);
    expect(ids(selection)).toContain("pittig");
    expect(selection.chosen.find((item) => item.casus.id === "pittig")?.reasons[0]).toBe(
      "vastgezet door jullie",
    );
  });

  it("keeps every pin when there are more pins than places, and reports it", () => {
    const selection = selectCasussen(
      library,
      request({ count: 2, pinned: ["zorg", "boete", "pittig"] }),
      vocabulary,
    );
    expect(ids(selection)).toEqual(["zorg", "boete", "pittig"]);
    expect(selection.uncovered).toEqual([
      "Er zijn 3 casussen vastgezet, meer dan de gevraagde 2; ze zijn allemaal opgenomen.",
    ]);
  });

  it("reports an unknown pinned id as a problem with a suggestion, without throwing", () => {
    const selection = selectCasussen(library, request({ pinned: ["digi"] }), vocabulary);
    expect(selection.problems).toEqual([
      { where: "vastgezette casussen", message: '"digi" is geen bekende casus. Bedoelde je "digid"?' },
    ]);
    expect(selection.chosen).toHaveLength(3);
  });

  it("uses no difficulty 3 for rustig while others are left, and says so when it must", () => {
    expect(ids(selectCasussen(library, request({ niveau: "rustig" }), vocabulary))).not.toContain(
      "pittig",
    );
    const selection = selectCasussen(library, request({ count: 4, niveau: "rustig" }), vocabulary);
    expect(ids(selection)).toContain("pittig");
    expect(selection.uncovered).toEqual([
      "Er zijn te weinig casussen die passen bij het niveau rustig; daarom is 1 casus met moeilijkheid 3 toegevoegd.",
    ]);
    expect(selection.chosen.find((item) => item.casus.id === "pittig")?.reasons).toContain(
      "aangevuld buiten het niveau rustig, omdat er te weinig casussen waren",
    );
  });

  it("explains why a focus skill is not covered", () => {
    const selection = selectCasussen(
      library,
      request({ count: 2, focus: ["taalbarriere", "doorvragen"], niveau: "uitdagend" }),
      vocabulary,
    );
    expect(selection.uncovered).toEqual([
      "Geen casus gevonden die omgaan met een taalbarrière oefent.",
      "Geen casus gevonden die doorvragen oefent binnen het gekozen niveau.",
    ]);
  });

  it("says when the count leaves no room for every focus skill", () => {
    const selection = selectCasussen(
      library,
      request({ count: 1, focus: ["doorvragen", "emoties"] }),
      vocabulary,
    );
    expect(selection.uncovered).toHaveLength(1);
    expect(selection.uncovered[0]).toMatch(
      /komt niet aan bod: in 1 casus passen niet alle gekozen vaardigheden\. Kies meer casussen of minder vaardigheden\.$/,
    );
  });

  it("returns the whole library, and says so, when fewer casussen exist than requested", () => {
    const selection = selectCasussen(library, request({ count: 6 }), vocabulary);
    expect(selection.chosen).toHaveLength(4);
    expect(selection.uncovered).toContain(
      "De casusbibliotheek heeft 4 casussen; er zijn er 6 gevraagd.",
    );
  });

  it("orders from easier to harder, ties by id", () => {
    const selection = selectCasussen(library, request({ count: 4 }), vocabulary);
    expect(ids(selection)).toEqual(["digid", "zorg", "boete", "pittig"]);
  });

  it("finds an exact cover where greedy would run out of places", () => {
    // Greedy takes "breed" (four skills) first and then needs two more; "links" + "rechts" do it in two.
    const skills = ["doorvragen", "lsd", "privacy", "emoties", "grenzen-stellen", "taalbarriere"];
    const cover = [
      makeCasus({ id: "breed", vaardigheden: ["doorvragen", "lsd", "emoties", "grenzen-stellen"] }),
      makeCasus({ id: "links", thema: "zorg", vaardigheden: ["doorvragen", "lsd", "privacy"] }),
      makeCasus({
        id: "rechts",
        thema: "werk",
        vaardigheden: ["emoties", "grenzen-stellen", "taalbarriere"],
      }),
    ];
    const selection = selectCasussen(cover, request({ count: 2, focus: skills }), vocabulary);
    expect(ids(selection).sort()).toEqual(["links", "rechts"]);
    expect(selection.uncovered).toEqual([]);
  });

  it("breaks ties by seed: the same seed gives the same choice, other seeds vary it", () => {
    const twins = ["a", "b", "c", "d", "e", "f"].map((id) => makeCasus({ id: `tweeling-${id}` }));
    const pick = (seed: number) => ids(selectCasussen(twins, request({ count: 1, seed }), vocabulary));
    expect(pick(7)).toEqual(pick(7));
    const seen = new Set(Array.from({ length: 20 }, (_, seed) => pick(seed)[0]));
    expect(seen.size).toBeGreaterThan(1);
  });

  it("reports unknown focus skills and partners and a count below 1", () => {
    const selection = selectCasussen(
      library,
      request({ count: 0, focus: ["doorvrage"], partners: ["cjibb"] }),
      vocabulary,
    );
    expect(selection.problems.map((problem) => `${problem.where}: ${problem.message}`)).toEqual([
      "aantal casussen: moet een geheel getal van minstens 1 zijn (nu 0).",
      'focus: "doorvrage" is geen bekende vaardigheid. Bedoelde je "doorvragen"?',
      'partners: "cjibb" is geen bekende instantie. Bedoelde je "cjib"?',
    ]);
    expect(selection.chosen).toEqual([]);
  });
});

describe("niveauTargets", () => {
  it.each([
    ["rustig", 6, { 1: 4, 2: 2, 3: 0 }],
    ["rustig", 1, { 1: 1, 2: 0, 3: 0 }],
    ["gemengd", 6, { 1: 2, 2: 2, 3: 2 }],
    ["gemengd", 4, { 1: 1, 2: 2, 3: 1 }],
    ["gemengd", 1, { 1: 0, 2: 1, 3: 0 }],
    ["uitdagend", 5, { 1: 0, 2: 2, 3: 3 }],
  ] as const)("%s with %i casussen aims for %o", (niveau, count, expected) => {
    expect(niveauTargets(niveau, count)).toEqual(expected);
  });
});

describe("mulberry32", () => {
  it("is reproducible and stays in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 100 }, () => a());
    expect(values).toEqual(Array.from({ length: 100 }, () => b()));
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
  });
});
