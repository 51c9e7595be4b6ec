import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { matchHeaders } from "../../src/batch/columns.js";
import { parseCsvTable } from "../../src/batch/read-csv.js";
import { parseXlsxTable } from "../../src/batch/read-xlsx.js";
import { checkRow } from "../../src/batch/rows.js";
import { columnLetter } from "../../src/batch/table.js";
import { buildTemplateCsv, describeTemplate } from "../../src/batch/template.js";
import { buildTemplateXlsx } from "../../src/batch/template-xlsx.js";
import { runBatch, runBatchTemplate } from "../../src/commands/batch.js";
import type { CommandContext } from "../../src/commands/context.js";
import { trainingSchema } from "../../src/questions/training.js";
import { tempDir } from "../helpers/cli.js";
import { fileContext, TODAY } from "../helpers/context.js";
import { trainingKind } from "./helpers.js";

const kind = await trainingKind();
const description = describeTemplate(kind, await kind.exampleAnswers(TODAY), fileContext());
const xlsx = await buildTemplateXlsx(description);

const context = (cwd: string): CommandContext => ({
  today: TODAY,
  now: new Date("2026-11-28T12:00:00Z"),
  cwd,
  interactive: false,
  report: { info: () => undefined, warn: () => undefined },
});

describe("the empty spreadsheet (.xlsx)", async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
  const data = workbook.getWorksheet("Bibliotheken")!;
  const headers = (data.getRow(1).values as unknown[]).slice(1) as string[];

  it("has the data sheet first, then Uitleg, and the choices hidden", () => {
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ["Bibliotheken", "visible"],
      ["Uitleg", "visible"],
      ["Keuzes", "hidden"],
    ]);
  });

  it("has one column per question, named by the schema, with the help as a note", () => {
    expect(headers.slice(0, 5)).toEqual([
      "Organisatie",
      "Vestiging",
      "Plaats",
      "Adres vestiging",
      "Gemeente(n)",
    ]);
    expect(headers).toContain("Datum training");
    expect(headers).toContain("Lokale partner 5 overdracht");
    const parts = unzipSync(xlsx);
    const comments = Object.keys(parts).find((name) => /^xl\/comments\d*\.xml$/.test(name))!;
    const xml = strFromU8(parts[comments]!);
    const cell = `${columnLetter(headers.indexOf("Datum training"))}1`;
    const comment = new RegExp(`<comment ref="${cell}"[\\s\\S]*?</comment>`).exec(xml)![0];
    const noteText = [...comment.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]).join("");
    expect(noteText).toContain("Datum van de training");
    expect(noteText).toContain("Verplicht: ja.");
    expect(noteText).toContain("dd-mm-jjjj");
  });

  it("offers dropdowns for choice and yes/no columns, reading from the Keuzes sheet", () => {
    const parts = unzipSync(xlsx);
    const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]!);
    const letter = (header: string) => columnLetter(headers.indexOf(header));
    const validations = [
      ...sheet.matchAll(
        /<dataValidation [^>]*sqref="([^"]+)"[^>]*>\s*<formula1>([^<]+)<\/formula1>/g,
      ),
    ].map((m) => [m[1], m[2]]);
    const byRange = Object.fromEntries(validations);
    expect(byRange[`${letter("Bemensing")}2:${letter("Bemensing")}1001`]).toMatch(
      /^Keuzes!\$[A-Z]+\$2:\$[A-Z]+\$4$/,
    );
    expect(
      byRange[`${letter("Toestemmingsformulier")}2:${letter("Toestemmingsformulier")}1001`],
    ).toMatch(/^Keuzes!/);
    expect(
      byRange[`${letter("Lokale partner 3 soort")}2:${letter("Lokale partner 3 soort")}1001`],
    ).toMatch(/^Keuzes!/);
    const choices = workbook.getWorksheet("Keuzes")!;
    const bemensing = choices.getRow(1).values as unknown[];
    const column = bemensing.indexOf("Bemensing");
    expect(choices.getColumn(column).values.slice(2)).toEqual([
      "Medewerkers",
      "Vrijwilligers",
      "Medewerkers en vrijwilligers",
    ]);
  });

  it("makes text columns so Excel keeps leading zeros and typed dates", () => {
    expect(data.getColumn(headers.indexOf("Telefoon kartrekker") + 1).numFmt).toBe("@");
    expect(data.getColumn(headers.indexOf("Datum training") + 1).numFmt).toBe("@");
    expect(data.getColumn(headers.indexOf("Aantal deelnemers") + 1).numFmt).toBeUndefined();
  });

  it("explains every column on the Uitleg sheet", () => {
    const help = workbook.getWorksheet("Uitleg")!;
    const rows: string[][] = [];
    help.eachRow((row) =>
      rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))),
    );
    const table = rows.slice(rows.findIndex((r) => r[0] === "Kolom") + 1);
    const explained = table.map((r) => r[0]);
    for (const header of headers.filter((h) => !/^Lokale partner [2-9]/.test(h)))
      expect(explained).toContain(header);
    expect(explained).toContain("Lokale partner 2 t/m 5");
    const datum = table.find((r) => r[0] === "Datum training")!;
    expect(datum).toEqual([
      "Datum training",
      "Datum van de training",
      "Gebruik dd-mm-jjjj.",
      expect.stringMatching(/^\d{2}-\d{2}-\d{4}$/),
      "ja",
      "datum als dd-mm-jjjj, bijvoorbeeld 13-03-2027",
    ]);
    const bemensing = table.find((r) => r[0] === "Bemensing")!;
    expect(bemensing[5]).toBe(
      "één van: Medewerkers / Vrijwilligers / Medewerkers en vrijwilligers",
    );
  });

  it("has an example row that reads back without a single problem", async () => {
    const table = await parseXlsxTable(xlsx, "sjabloon.xlsx");
    const match = matchHeaders(table, trainingSchema);
    expect(match.warnings).toEqual([]);
    const result = checkRow({
      schema: trainingSchema,
      row: table.rows[0]!,
      match,
      ctx: fileContext(),
    });
    expect(result.problems).toEqual([]);
    expect(result.answers).toBeDefined();
  });
});

describe("the empty spreadsheet (.csv)", () => {
  it("is ;-separated UTF-8 with a BOM, and its example row reads back", () => {
    const csv = buildTemplateCsv(description);
    expect(csv.startsWith("\uFEFFOrganisatie;Vestiging;Plaats;")).toBe(true);
    const table = parseCsvTable(Buffer.from(csv), "sjabloon.csv");
    expect(table.rows).toHaveLength(1);
    const match = matchHeaders(table, trainingSchema);
    const result = checkRow({
      schema: trainingSchema,
      row: table.rows[0]!,
      match,
      ctx: fileContext(),
    });
    expect(result.problems).toEqual([]);
  });
});

describe("runBatchTemplate and runBatch on it", () => {
  it("writes the template, refuses to overwrite it, and a batch on it makes a complete pack", async () => {
    const dir = tempDir();
    const written = await runBatchTemplate(
      { file: "bibliotheken.xlsx", pakket: "training", csv: false, force: false },
      context(dir),
    );
    expect(written).toMatchObject({ formaat: "xlsx", bestand: join(dir, "bibliotheken.xlsx") });
    await expect(
      runBatchTemplate(
        { file: "bibliotheken.xlsx", pakket: "training", csv: false, force: false },
        context(dir),
      ),
    ).rejects.toThrow(/bestaat al/);

    const result = await runBatch(
      {
        file: "bibliotheken.xlsx",
        pakket: "training",
        strikt: false,
        zip: false,
        hervat: false,
        force: false,
        dryRun: false,
        casussen: [],
        seed: 1,
        workers: 0,
      },
      context(dir),
    );
    expect(result.ok).toBe(true);
    expect(result.rijen).toEqual([
      expect.objectContaining({
        rij: 2,
        status: "gemaakt",
        bibliotheek: "Bibliotheek Zuiderlinge",
      }),
    ]);
    const folder = join(dir, "bibliotheken-pakketten", result.rijen[0]!.map);
    const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) as {
      bestanden: Array<{ naam: string; bytes: number }>;
    };
    expect(manifest.bestanden.map((f) => f.naam)).toContain("draaiboek.docx");
    for (const file of manifest.bestanden)
      expect(readFileSync(join(folder, file.naam)).byteLength).toBe(file.bytes);
  });

  it("does the same for the bijeenkomst pack", async () => {
    const dir = tempDir();
    await runBatchTemplate(
      { file: "bijeenkomsten.csv", pakket: "bijeenkomst", csv: true, force: false },
      context(dir),
    );
    const header = readFileSync(join(dir, "bijeenkomsten.csv"), "utf8").split("\r\n")[0]!;
    expect(header).toContain(";Datum bijeenkomst;");
    expect(header).not.toContain("Datum training");
    const result = await runBatch(
      {
        file: "bijeenkomsten.csv",
        pakket: "bijeenkomst",
        strikt: false,
        zip: false,
        hervat: false,
        force: false,
        dryRun: false,
        casussen: [],
        seed: 1,
        workers: 0,
      },
      context(dir),
    );
    expect(result.ok).toBe(true);
    const [made] = result.rijen;
    expect(made).toMatchObject({
      status: "gemaakt",
      map: expect.stringMatching(/^bijeenkomst-bibliotheek-zuiderlinge-/),
    });
    const folder = join(dir, "bijeenkomsten-pakketten", made!.map);
    const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) as {
      pakket: string;
      bestanden: Array<{ naam: string; bytes: number }>;
    };
    expect(manifest.pakket).toBe("bijeenkomst");
    for (const file of manifest.bestanden)
      expect(readFileSync(join(folder, file.naam)).byteLength).toBe(file.bytes);
  });
});
