import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchHeaders } from "../../src/batch/columns.js";
import { assignUniqueNames, toSafeFolderName } from "../../src/batch/folder-names.js";
import { checkDefaults, checkRow, mergeAnswers, readRowAnswers } from "../../src/batch/rows.js";
import type { SheetTable } from "../../src/batch/table.js";
import { trainingSchema, type TrainingAnswers } from "../../src/questions/training.js";
import { fileContext } from "../helpers/context.js";
import { rowWith, templateSheet, type Cell } from "./helpers.js";

const { headers, example } = await templateSheet();

const text = (cells: readonly Cell[]): string[] =>
  cells.map((cell) => (cell === null ? "" : String(cell)));

function check(
  changes: Record<string, Cell>,
  options: { defaults?: Record<string, unknown>; number?: number; headers?: string[] } = {},
) {
  const sheetHeaders = options.headers ?? headers;
  const cells = options.headers
    ? options.headers.map((h) => text([example[headers.indexOf(h)] ?? null])[0]!)
    : text(rowWith(headers, example, changes));
  const table: SheetTable = {
    source: "t.xlsx",
    headers: sheetHeaders,
    rows: [{ number: options.number ?? 7, cells }],
    notices: [],
  };
  return checkRow({
    schema: trainingSchema,
    row: table.rows[0]!,
    match: matchHeaders(table, trainingSchema),
    defaults: options.defaults,
    defaultsFile: options.defaults ? "gemeenschappelijk.yaml" : undefined,
    ctx: fileContext(),
  });
}

describe("checkRow", () => {
  it("accepts the template's example row", () => {
    const result = check({});
    expect(result.problems).toEqual([]);
    const answers = result.answers as TrainingAnswers;
    expect(answers.bibliotheek.organisatie).toBe("Bibliotheek Zuiderlinge");
    expect(answers.partners.lokaal).toHaveLength(5);
    expect(answers.partners.lokaal[1]).toMatchObject({ soort: "humanitas" });
    expect(answers.kartrekker.telefoon).toBe("0345 123 456");
  });

  it("names row, column and value of a date that does not exist", () => {
    const result = check({ "Datum training": "31-02-2027" });
    expect(result.answers).toBeUndefined();
    expect(result.problems).toContainEqual({
      where: 'Rij 7, kolom "Datum training"',
      message: '"31-02-2027" bestaat niet als datum. Gebruik dd-mm-jjjj, bijvoorbeeld 13-03-2027.',
    });
  });

  it("puts the value beside the column when the message does not quote it", () => {
    const result = check({ "Aantal deelnemers": "17" }, { number: 4 });
    expect(result.problems).toEqual([
      {
        where: 'Rij 4, kolom "Aantal deelnemers" ("17")',
        message: expect.stringMatching(/^17 is te groot; het maximum is 16/),
      },
    ]);
  });

  it("reports every problem of a row at once", () => {
    const result = check({
      "Datum training": "13-3-27x",
      "E-mail kartrekker": "sanne@",
      "Inloop of afspraak": "soms",
      Organisatie: null,
    });
    expect(result.problems.map((p) => p.where)).toEqual([
      'Rij 7, kolom "E-mail kartrekker"',
      'Rij 7, kolom "Inloop of afspraak"',
      'Rij 7, kolom "Datum training"',
      'Rij 7, kolom "Organisatie"',
    ]);
    expect(result.problems.at(-1)!.message).toMatch(
      /^is leeg; vul dit in\. Bijvoorbeeld: Bibliotheek/,
    );
  });

  it("locates a problem in a local partner by its own column", () => {
    const result = check({ "Lokale partner 2 soort": "bakkerij" });
    expect(result.problems).toEqual([
      {
        where: 'Rij 7, kolom "Lokale partner 2 soort"',
        message: expect.stringMatching(/^"bakkerij" is geen van de mogelijke keuzes/),
      },
    ]);
  });

  it("reads dates, times and lists the way spreadsheets give them", () => {
    const result = check({
      "Datum training": "2027-04-13",
      Starttijd: "13.30",
      Eindtijd: "16:45",
      "Gemeente(n)": "Zuiderhaven, Lingedijk",
      "Landelijke partners": "belastingdienst;toeslagen, uwv",
    });
    const answers = result.answers as TrainingAnswers;
    expect(answers.training).toMatchObject({ datum: "2027-04-13", starttijd: "13:30" });
    expect(answers.partners.landelijk).toEqual(["belastingdienst", "toeslagen", "uwv"]);
    // Free-text lists split on ; only, since items may hold commas.
    expect(answers.bibliotheek.gemeenten).toEqual(["Zuiderhaven, Lingedijk"]);
  });

  it("puts back the leading zero Excel strips from a phone number, with a warning", () => {
    const result = check({ "Telefoon kartrekker": "345123456" });
    expect((result.answers as TrainingAnswers).kartrekker.telefoon).toBe("0345123456");
    expect(result.warnings[0]!.message).toMatch(/voorloopnul/);
  });

  it("says a required column is missing from the sheet, and takes it from the common values", () => {
    const without = headers.filter((h) => h !== "Datum training");
    const missing = check({}, { headers: without });
    // Not a problem of the row: the batch says it once for the sheet (missingColumnProblems).
    expect(missing.problems).toEqual([]);
    expect(missing.missingColumns).toEqual(["Datum training"]);
    expect(missing.answers).toBeUndefined();
    const given = check({}, { headers: without, defaults: { training: { datum: "20-04-2027" } } });
    expect(given.problems).toEqual([]);
    expect((given.answers as TrainingAnswers).training.datum).toBe("2027-04-20");
  });

  it("lets a filled cell win over the common values and names the file for their problems", () => {
    const result = check(
      { "Aantal deelnemers": "10" },
      { defaults: { training: { deelnemers: 8 }, acteur: { voorbespreking: "01-06-2027" } } },
    );
    expect(result.problems).toEqual([
      {
        where: "Rij 7, gemeenschappelijk.yaml (acteur.voorbespreking)",
        message: "De voorbespreking moet vóór de trainingsdag liggen.",
      },
    ]);
    expect(result.draft).toMatchObject({ training: { deelnemers: 10 } });
  });
});

describe("readRowAnswers", () => {
  it("skips empty partner groups and keeps the numbering of the filled ones", () => {
    const table: SheetTable = {
      source: "t",
      headers: ["Lokale partner 1 naam", "Lokale partner 2 naam", "Lokale partner 3 naam"],
      rows: [{ number: 2, cells: ["", "Taalhuis", "Humanitas"] }],
      notices: [],
    };
    const read = readRowAnswers(table.rows[0]!, matchHeaders(table, trainingSchema));
    expect(read.raw).toEqual({
      partners: { lokaal: [{ naam: "Taalhuis" }, { naam: "Humanitas" }] },
    });
    expect(read.cells.get("partners.lokaal[1].naam")?.header).toBe("Lokale partner 2 naam");
  });
});

describe("mergeAnswers and checkDefaults", () => {
  it("replaces a common list as a whole and keeps other common values", () => {
    const merged = mergeAnswers(
      {
        partners: { landelijk: ["svb"], lokaal: [{ naam: "A" }, { naam: "B" }] },
        training: { deelnemers: 8 },
      },
      { partners: { lokaal: [{ naam: "C" }] } },
    );
    expect(merged).toEqual({
      partners: { landelijk: ["svb"], lokaal: [{ naam: "C" }] },
      training: { deelnemers: 8 },
    });
  });

  it("finds unknown keys and malformed values in the common values file", () => {
    const problems = checkDefaults(
      trainingSchema,
      { training: { datum: "31-02-2027", deelnemrs: 8 }, huisstijl: "blauw" },
      fileContext(),
      "gemeenschappelijk.yaml",
    );
    expect(problems).toEqual([
      {
        where: "gemeenschappelijk.yaml, training.datum",
        message: expect.stringMatching(/bestaat niet als datum/),
      },
      {
        where: "gemeenschappelijk.yaml, training.deelnemrs",
        message: 'onbekend veld. Bedoelde je "training.deelnemers"?',
      },
      {
        where: "gemeenschappelijk.yaml, huisstijl",
        message: expect.stringMatching(/moet een groep velden zijn/),
      },
    ]);
  });
});

describe("toSafeFolderName", () => {
  it.each([
    [["training", "../../etc", "", "2027-04-13"], "training-etc-2027-04-13"],
    [["../../etc"], "etc"],
    [[".."], "pakket"],
    [[""], "pakket"],
    [["CON"], "con-pakket"],
    [["com1"], "com1-pakket"],
    [["Bibliothèek Zuid / Oost", "Vestiging C:\\Markt"], "bibliotheek-zuid-oost-vestiging-c-markt"],
    [[".verborgen"], "verborgen"],
  ])("%j → %j", (parts, expected) => {
    expect(toSafeFolderName(parts)).toBe(expected);
  });

  it("is always a plain, short name whatever the input", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "grapheme", maxLength: 60 }), { maxLength: 4 }),
        (parts) => {
          const name = toSafeFolderName(parts);
          expect(name).toMatch(/^[a-z0-9][a-z0-9-]{0,85}$/);
          expect(name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/);
        },
      ),
    );
  });
});

describe("assignUniqueNames", () => {
  it("numbers duplicates -2, -3 in row order, without clashing with a name that exists", () => {
    expect(assignUniqueNames(["a", "b", "a", "a-2", "a", "B"])).toEqual([
      "a",
      "b",
      "a-2",
      "a-2-2",
      "a-3",
      "B-2",
    ]);
  });
});
