import { describe, expect, it } from "vitest";
import { formatProgressLine, formatRowLine } from "../../src/batch/progress.js";
import {
  buildReportCsv,
  countRows,
  csvField,
  formatCounts,
  isBatchReport,
  type RowReport,
} from "../../src/batch/report.js";
import { readReport } from "./helpers.js";

const row = (overrides: Partial<RowReport>): RowReport => ({
  rij: 2,
  bibliotheek: "Bieb",
  status: "gemaakt",
  map: "training-bieb",
  problemen: [],
  meldingen: [],
  ...overrides,
});

describe("buildReportCsv", () => {
  it("writes a BOM, ; separators and CRLF, and quotes fields that need it", () => {
    const csv = buildReportCsv([
      row({}),
      row({
        rij: 3,
        bibliotheek: 'Bieb "Zuid"; Oost',
        status: "fout",
        map: "",
        problemen: ['Rij 3, kolom "Datum training": "31-02-2027" bestaat niet', "tweede"],
      }),
    ]);
    expect(csv.startsWith("\uFEFFRij;Bibliotheek;Status;Map;Problemen;Meldingen\r\n")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(readReport(csv)).toEqual([
      {
        Rij: "2",
        Bibliotheek: "Bieb",
        Status: "gemaakt",
        Map: "training-bieb",
        Problemen: "",
        Meldingen: "",
      },
      {
        Rij: "3",
        Bibliotheek: 'Bieb "Zuid"; Oost',
        Status: "fout",
        Map: "",
        Problemen: 'Rij 3, kolom "Datum training": "31-02-2027" bestaat niet | tweede',
        Meldingen: "",
      },
    ]);
  });

  it.each([
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["+31 6", "'+31 6"],
    ["@bieb", "'@bieb"],
    ["gewoon", "gewoon"],
  ])("keeps Excel from running %j as a formula", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe("isBatchReport: which rapport.csv a new report may replace", () => {
  it("knows idokit's own report, also as Excel or LibreOffice save it again", () => {
    const csv = buildReportCsv([row({})]);
    expect(isBatchReport(csv)).toBe(true);
    expect(isBatchReport(csv.replace("\uFEFF", "").replace(/;/g, ","))).toBe(true);
    expect(isBatchReport('"Rij"\t"Bibliotheek"\tStatus\tMap\tProblemen\tMeldingen\n')).toBe(true);
  });

  it("refuses anything else, such as the user's own rapport.csv", () => {
    expect(isBatchReport("Datum;Bedrag;Omschrijving\r\n1-1-2027;12,50;koffie\r\n")).toBe(false);
    expect(isBatchReport("Rij;Bibliotheek;Status\r\n")).toBe(false);
    expect(isBatchReport("Mijn eigen aantekeningen over de batch.")).toBe(false);
    expect(isBatchReport("")).toBe(false);
  });
});

describe("countRows and formatCounts", () => {
  it("counts every status and says it in one Dutch sentence", () => {
    const counts = countRows([
      row({}),
      row({ status: "fout" }),
      row({ status: "leeg" }),
      row({ status: "al klaar" }),
    ]);
    expect(counts).toEqual({
      totaal: 4,
      gemaakt: 1,
      alKlaar: 1,
      fout: 1,
      leeg: 1,
      nietGemaakt: 0,
      afgebroken: 0,
    });
    expect(formatCounts(counts)).toBe(
      "4 rijen: 1 gemaakt, 1 al klaar, 1 met fouten, 1 leeg overgeslagen.",
    );
  });

  it("counts the rows a Ctrl-C left unmade", () => {
    const counts = countRows([
      row({}),
      row({ status: "afgebroken" }),
      row({ status: "afgebroken" }),
    ]);
    expect(counts.afgebroken).toBe(2);
    expect(formatCounts(counts)).toMatch(/^3 rijen: 1 gemaakt, .*2 .*afgebroken/);
  });
});

describe("progress lines", () => {
  it("shows done of total, failures, rate and time left", () => {
    const line = formatProgressLine({ total: 300, done: 150, failed: 2, elapsedMs: 10_000 }, 100);
    expect(line).toMatch(/^█{15}░{15} 150\/300 · 2 fout · 15,0 per s · nog 0:10$/);
  });

  it("fits a narrow terminal", () => {
    const line = formatProgressLine({ total: 300, done: 1, failed: 0, elapsedMs: 1000 }, 40);
    expect(line.length).toBeLessThanOrEqual(39);
  });

  it("writes one plain line per row when there is no terminal", () => {
    const progress = { total: 12, done: 3, failed: 1, elapsedMs: 1 };
    expect(formatRowLine(row({ rij: 4 }), progress)).toBe("[ 3/12] rij 4 gemaakt: training-bieb");
    expect(formatRowLine(row({ rij: 5, status: "fout", problemen: ["x"] }), progress)).toBe(
      "[ 3/12] rij 5 mislukt: x",
    );
  });
});
