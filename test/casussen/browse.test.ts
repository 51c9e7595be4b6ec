import { describe, expect, it } from "vitest";
import {
  checkCasusFilter,
  filterCasussen,
  formatCasusTable,
  formatCasusText,
  toCasusRow,
} from "../../src/casussen/browse.js";
import { parseCasus } from "../../src/casussen/parse.js";
import { loadVocabulary } from "../../src/domain/load-vocabulary.js";
import { makeCasus, MODEL_SOURCE, MODEL_TEXT } from "./helpers.js";

const vocabulary = loadVocabulary();
const library = [
  makeCasus({
    id: "boete",
    titel: "De aanmaning",
    thema: "boetes-schulden",
    partners: ["cjib"],
    lokalePartners: ["schuldhulp"],
    vaardigheden: ["grenzen-stellen"],
    moeilijkheid: 2,
    situatie: "Een vrouw heeft een brief over een verkeersboete.",
  }),
  makeCasus({
    id: "privé",
    titel: "Privé zaken",
    klant: "Jongen, 19",
    vaardigheden: ["privacy"],
    situatie: "Hij wil zijn privégegevens beschermen.",
  }),
];
const ids = (casussen: readonly { id: string }[]) => casussen.map((casus) => casus.id);

describe("filterCasussen", () => {
  it.each([
    [{ thema: "boetes-schulden" }, ["boete"]],
    [{ partner: "cjib" }, ["boete"]],
    [{ partner: "schuldhulp" }, ["boete"]],
    [{ partner: "logius" }, ["privé"]],
    [{ vaardigheid: "privacy" }, ["privé"]],
    [{ zoek: "VERKEERSBOETE" }, ["boete"]],
    [{ zoek: "prive belasting" }, []],
    [{ zoek: "privegegevens jongen" }, ["privé"]],
    [{ zoek: "brief vrouw" }, ["boete"]],
    [{ thema: "digid", vaardigheid: "grenzen-stellen" }, []],
    [{}, ["boete", "privé"]],
  ])("%o finds %o", (filter, expected) => {
    expect(ids(filterCasussen(library, filter))).toEqual(expected);
  });
});

describe("checkCasusFilter", () => {
  it("names an unknown filter value with a suggestion", () => {
    expect(checkCasusFilter({ thema: "toeslag", partner: "cjib" }, vocabulary)).toEqual([
      {
        where: "--thema",
        message: expect.stringMatching(/^"toeslag" is geen bekend thema\. Bedoelde je "toeslagen"\? Kies uit: digid, /),
      },
    ]);
  });
});

describe("formatCasusTable", () => {
  it("aligns columns under a header", () => {
    const table = formatCasusTable(library.map(toCasusRow));
    expect(table.split("\n")).toEqual([
      "id     titel         thema            partners  moeilijkheid",
      "-----  ------------  ---------------  --------  ------------",
      "boete  De aanmaning  boetes-schulden  cjib      2 gemiddeld",
      "privé  Privé zaken   digid            logius    1 instap",
    ]);
  });
});

describe("formatCasusText", () => {
  it("shows facts with vocabulary names and every section", () => {
    const casus = parseCasus(MODEL_TEXT, MODEL_SOURCE, vocabulary).casus;
    if (casus === undefined) throw new Error("model casus should parse");
    const text = formatCasusText(casus, vocabulary);
    expect(text).toMatch(/^# De verlopen activeringsbrief\n/);
    expect(text).toContain("thema:           DigiD en inloggen");
    expect(text).toContain("moeilijkheid:    1 instap");
    for (const heading of [
      "## Situatie",
      "## Wat de klant zegt",
      "## De echte vraag",
      "## Wat het lastig maakt",
      "## Instructie voor de acteur",
      "### Intensiteit",
      "### Belonen",
      "### Escaleren",
      "## Goede aanpak",
      "## Doorverwijzing",
      "## Privacy",
      "## Kijkopdracht",
    ])
      expect(text).toContain(`${heading}\n`);
    expect(text).toContain("- Niveau 3: je verheft je stem");
    expect(text).toContain('"Die DigiD doet het niet. Ik heb alles gedaan wat in de brief stond."');
    expect(text).toContain("rol:             man, 67 jaar");
    expect(text).toContain(
      "lokale partners: Digitale cursussen, zoals Digisterker, Klik & Tik en SeniorWeb (voor het oefenen met DigiD, zodat hij het daarna zelf kan)",
    );
  });
});
