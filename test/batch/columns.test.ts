import { describe, expect, it } from "vitest";
import {
  itemHeader,
  matchHeaders,
  normalizeHeader,
  schemaColumns,
} from "../../src/batch/columns.js";
import type { SheetTable } from "../../src/batch/table.js";
import { trainingSchema } from "../../src/questions/training.js";

const table = (headers: string[], rows: string[][] = []): SheetTable => ({
  source: "test.xlsx",
  headers,
  rows: rows.map((cells, i) => ({ number: i + 2, cells })),
  notices: [],
});

const keyOf = (headers: string[]) =>
  matchHeaders(table(headers), trainingSchema).columns.map((spec) =>
    spec ? (spec.item ? `${spec.key}[${spec.item.index}].${spec.item.field}` : spec.key) : null,
  );

describe("normalizeHeader", () => {
  it.each([
    ["E-mail kartrekker", "emailkartrekker"],
    ["  e-mail   KARTREKKER ", "emailkartrekker"],
    ["Gemeente(n)", "gemeenten"],
    ["Privacymaatregelen", "privacymaatregelen"],
    ["Bibliothèek Één", "bibliotheekeen"],
  ])("%j → %j", (header, expected) => {
    expect(normalizeHeader(header)).toBe(expected);
  });
});

describe("matchHeaders", () => {
  it("matches the schema's column names forgiving case, spaces, punctuation and accents", () => {
    expect(
      keyOf(["organisatie", "DATUM TRAINING", "e mail kartrekker", "Gemeente (n)", "Vestïging"]),
    ).toEqual([
      "bibliotheek.organisatie",
      "training.datum",
      "kartrekker.email",
      "bibliotheek.gemeenten",
      "bibliotheek.vestiging",
    ]);
  });

  it("also accepts a question's label or its answer key as the header", () => {
    expect(
      keyOf(["Datum van de training", "training.starttijd", "Naam van de IDO-kartrekker"]),
    ).toEqual(["training.datum", "training.starttijd", "kartrekker.naam"]);
  });

  it("reads local partner columns by number and field, in any spelling", () => {
    expect(
      keyOf([
        "Lokale partner 1 naam",
        "lokale partner 1 - Soort",
        "Lokale partners 2 naam",
        "Lokale partner 12: Waarvoor verwijzen jullie door",
      ]),
    ).toEqual([
      "partners.lokaal[1].naam",
      "partners.lokaal[1].soort",
      "partners.lokaal[2].naam",
      "partners.lokaal[12].waarvoor",
    ]);
  });

  it("warns about an unknown column and suggests the closest one", () => {
    const match = matchHeaders(
      table(["Organisatie", "Datum traning", "Lievelingskleur"]),
      trainingSchema,
    );
    expect(match.columns[1]).toBeUndefined();
    expect(match.warnings).toEqual([
      expect.stringMatching(
        /Kolom "Datum traning" \(B\) kent idokit niet.*Bedoelde je "Datum training"\?/,
      ),
      expect.stringMatching(
        /Kolom "Lievelingskleur" \(C\) kent idokit niet en wordt overgeslagen\.$/,
      ),
    ]);
  });

  it("explains how to give local partners when a single 'Lokale partners' column is used", () => {
    const match = matchHeaders(table(["Organisatie", "Lokale partners"]), trainingSchema);
    expect(match.warnings[0]).toMatch(/"Lokale partner 1 naam", "Lokale partner 1 soort"/);
  });

  it("skips a partner number beyond the maximum with a warning", () => {
    const match = matchHeaders(table(["Lokale partner 21 naam"]), trainingSchema);
    expect(match.columns[0]).toBeUndefined();
    expect(match.warnings[0]).toMatch(/nummer 21 kan niet, het gaat van 1 tot en met 20/);
  });

  it("reports the same question in two columns as a problem", () => {
    const match = matchHeaders(table(["Organisatie", "Plaats", "organisatie "]), trainingSchema);
    expect(match.problems).toEqual([
      {
        where: "kolom A en C",
        message: expect.stringMatching(/zijn dezelfde kolom \(Organisatie\)/),
      },
    ]);
  });

  it("ignores an unnamed empty column but warns about an unnamed column with data", () => {
    const empty = matchHeaders(table(["Organisatie", ""], [["A", ""]]), trainingSchema);
    expect(empty.warnings).toEqual([]);
    const filled = matchHeaders(table(["Organisatie", ""], [["A", "iets"]]), trainingSchema);
    expect(filled.warnings).toEqual([expect.stringMatching(/Kolom B heeft geen kolomnaam/)]);
  });
});

describe("schemaColumns", () => {
  it("lays out one column per question and five groups of partner columns, in asking order", () => {
    const headers = schemaColumns(trainingSchema).map((c) => c.header);
    expect(headers.slice(0, 3)).toEqual(["Organisatie", "Vestiging", "Plaats"]);
    expect(headers).toContain(itemHeader(trainingSchema.partners.lokaal, 5, "overdracht"));
    // Five partners of five fields: naam, soort, waarvoor, overdracht, contact.
    expect(headers.filter((h) => h.startsWith("Lokale partner "))).toHaveLength(25);
    expect(new Set(headers.map(normalizeHeader)).size).toBe(headers.length);
  });

  it("round-trips: every header it writes is matched back to the same column", () => {
    const columns = schemaColumns(trainingSchema);
    const match = matchHeaders(table(columns.map((c) => c.header)), trainingSchema);
    expect(match.warnings).toEqual([]);
    expect(match.problems).toEqual([]);
    expect(match.columns.map((c) => c?.header)).toEqual(columns.map((c) => c.header));
  });
});
