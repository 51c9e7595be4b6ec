import { columnLetter } from "../../src/batch/table.js";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { BIN, runIdokit, tempDir } from "../helpers/cli.js";
import {
  readReport,
  rowWith,
  templateSheet,
  writeCsv1252,
  writeXlsx,
  type Cell,
} from "./helpers.js";

const { headers, example } = await templateSheet();
const row = (changes: Record<string, Cell>): Cell[] => rowWith(headers, example, changes);
const date = example[headers.indexOf("Datum training")] as string;
const iso = date.split("-").reverse().join("-");

interface Manifest {
  pakket: string;
  antwoordenHash: string;
  bestanden: Array<{ naam: string; bytes: number }>;
}

/** Asserts that a folder holds a complete pack: every file the manifest lists, at its size. */
function expectCompletePack(folder: string): Manifest {
  const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) as Manifest;
  expect(manifest.bestanden.map((f) => f.naam).sort()).toEqual(
    readdirSync(folder, { recursive: true })
      .map((name) => String(name).replace(/\\/g, "/"))
      .filter((name) => name !== "manifest.json" && statSync(join(folder, name)).isFile())
      .sort(),
  );
  expect(manifest.bestanden.map((f) => f.naam)).toEqual(
    expect.arrayContaining([
      "draaiboek.docx",
      "presentatie-vaardigheidstraining.pptx",
      "antwoorden.yaml",
    ]),
  );
  for (const file of manifest.bestanden)
    expect(statSync(join(folder, file.naam)).size).toBe(file.bytes);
  return manifest;
}

const packsIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => !name.startsWith(".") && name !== "rapport.csv")
    .sort();

describe("idokit batch on an .xlsx made with exceljs", () => {
  it("makes the valid rows, reports every bad one by row and column, and exits 1", async () => {
    const dir = tempDir();
    const file = join(dir, "bibliotheken.xlsx");
    const dateColumn = headers.indexOf("Datum training") + 1;
    await writeXlsx(
      file,
      headers,
      [
        row({}),
        row({ Organisatie: "Bibliotheek Oost", "Datum training": "31-02-2027" }),
        row({ Organisatie: "Bibliotheek West", "Aantal deelnemers": 17 }),
        row({}),
        headers.map(() => null),
        row({ Organisatie: "../../etc", Vestiging: "..", "Telefoon kartrekker": 345123456 }),
        row({
          Organisatie: "Bibliotheek Noord",
          "Datum training": new Date(`${iso}T00:00:00Z`),
          Starttijd: new Date(Date.UTC(1899, 11, 30, 9, 30)),
          Eindtijd: new Date(Date.UTC(1899, 11, 30, 12, 45)),
        }),
        row({ Organisatie: "Bibliotheek Vast", "Vaste casussen": "bestaat-niet-casus" }),
      ],
      { formats: { [dateColumn]: "dd-mm-yyyy" } },
    );
    // Real time cells need a time format; set it on the two time columns of the last row.
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const last = workbook.worksheets[0]!.getRow(8);
    last.getCell(headers.indexOf("Starttijd") + 1).numFmt = "hh:mm";
    last.getCell(headers.indexOf("Eindtijd") + 1).numFmt = "hh:mm";
    await workbook.xlsx.writeFile(file);

    const result = runIdokit(["batch", "bibliotheken.xlsx", "--out", "uit"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'Rij 3, kolom "Datum training": "31-02-2027" bestaat niet als datum. Gebruik dd-mm-jjjj',
    );
    expect(result.stderr).toMatch(/Rij 4, kolom "Aantal deelnemers" \("17"\): 17 is te groot/);
    expect(result.stderr).toContain("8 rijen: 4 gemaakt, 3 met fouten, 1 leeg overgeslagen.");

    const out = join(dir, "uit");
    const base = `training-bibliotheek-zuiderlinge-vestiging-marktplein-${iso}`;
    const report = readReport(readFileSync(join(out, "rapport.csv"), "utf8"));
    expect(report.map((r) => [r.Rij, r.Bibliotheek, r.Status, r.Map])).toEqual([
      ["2", "Bibliotheek Zuiderlinge", "gemaakt", base],
      [
        "3",
        "Bibliotheek Oost",
        "fout",
        expect.stringMatching(/^training-bibliotheek-oost-vestiging-marktplein$/),
      ],
      ["4", "Bibliotheek West", "fout", `training-bibliotheek-west-vestiging-marktplein-${iso}`],
      ["5", "Bibliotheek Zuiderlinge", "gemaakt", `${base}-2`],
      ["6", "", "leeg", ""],
      ["7", "../../etc", "gemaakt", `training-etc-${iso}`],
      [
        "8",
        "Bibliotheek Noord",
        "gemaakt",
        `training-bibliotheek-noord-vestiging-marktplein-${iso}`,
      ],
      ["9", "Bibliotheek Vast", "fout", `training-bibliotheek-vast-vestiging-marktplein-${iso}`],
    ]);
    // Checked against the casus library before anything was written.
    expect(report[7]!.Problemen).toMatch(/^Rij 9, .*bestaat-niet-casus/);
    expect(report[1]!.Problemen).toContain(
      'Rij 3, kolom "Datum training": "31-02-2027" bestaat niet als datum',
    );
    expect(report[2]!.Problemen).toContain(
      'Rij 4, kolom "Aantal deelnemers" ("17"): 17 is te groot',
    );
    expect(report[5]!.Meldingen).toMatch(/"345123456" gelezen als 0345123456/);
    expect(report[3]!.Meldingen).toContain("precies gelijk aan rij 2");

    expect(packsIn(out)).toEqual(
      [
        base,
        `${base}-2`,
        `training-etc-${iso}`,
        `training-bibliotheek-noord-vestiging-marktplein-${iso}`,
      ].sort(),
    );
    for (const name of packsIn(out)) expectCompletePack(join(out, name));
    // Nothing escaped the output folder.
    expect(readdirSync(dir).sort()).toEqual(["bibliotheken.xlsx", "uit"]);
    const noord = readFileSync(
      join(out, `training-bibliotheek-noord-vestiging-marktplein-${iso}`, "antwoorden.yaml"),
      "utf8",
    );
    expect(noord).toMatch(/starttijd: "?09:30"?\n/);
    expect(noord).toMatch(/eindtijd: "?12:45"?\n/);
    const etc = readFileSync(join(out, `training-etc-${iso}`, "antwoorden.yaml"), "utf8");
    expect(etc).toMatch(/telefoon: "?0345123456"?\n/);
  });

  it("makes nothing with --strikt when a row is bad, and says so in the report", async () => {
    const dir = tempDir();
    await writeXlsx(join(dir, "lijst.xlsx"), headers, [
      row({}),
      row({ "Datum training": "13-13-2027" }),
    ]);
    const result = runIdokit(["batch", "lijst.xlsx", "--strikt", "--json"], { cwd: dir });
    expect(result.status).toBe(1);
    const summary = JSON.parse(result.stdout) as { ok: boolean; aantallen: Record<string, number> };
    expect(summary).toMatchObject({
      ok: false,
      aantallen: { fout: 1, nietGemaakt: 1, gemaakt: 0 },
    });
    const out = join(dir, "lijst-pakketten");
    expect(packsIn(out)).toEqual([]);
    expect(readReport(readFileSync(join(out, "rapport.csv"), "utf8")).map((r) => r.Status)).toEqual(
      ["niet gemaakt", "fout"],
    );
  });
});

describe("idokit batch on a Dutch Excel CSV", () => {
  it("reads a ;-separated Windows-1252 file with a BOM and makes a zip per pack", () => {
    const dir = tempDir();
    // Common values: the location of every training, unless a row gives its own.
    writeFileSync(
      join(dir, "gemeenschappelijk.yaml"),
      "training:\n  locatie: Zaal Gemeenschappelijk, begane grond\n",
    );
    writeCsv1252(
      join(dir, "bibliotheken.csv"),
      headers,
      [
        row({
          Organisatie: "Bibliotheek Café Zuid",
          Vestiging: "Vestiging Één",
          Plaats: "Zuiderhaven",
          "Locatie training": null,
        }),
        row({
          Organisatie: "Bibliothèque Noord",
          "Openingstijden IDO": "Dinsdag 10.00–12.00 uur;\r\ndonderdag 14.00 uur",
          "Datum training": "13-4-27",
        }),
      ],
      { bom: true },
    );
    const result = runIdokit(
      [
        "batch",
        "bibliotheken.csv",
        "--zip",
        "--json",
        "--out",
        "zips",
        "-a",
        "gemeenschappelijk.yaml",
      ],
      { cwd: dir },
    );
    expect(result.stderr).toContain(
      "gelezen als Windows-1252 (ANSI) met puntkomma als scheidingsteken",
    );
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout) as {
      ok: boolean;
      rijen: Array<{ map: string; status: string }>;
    };
    expect(summary.ok).toBe(true);
    expect(summary.rijen.map((r) => [r.status, r.map])).toEqual([
      ["gemaakt", `training-bibliotheek-cafe-zuid-vestiging-een-${iso}.zip`],
      ["gemaakt", "training-bibliotheque-noord-vestiging-marktplein-2027-04-13.zip"],
    ]);
    const out = join(dir, "zips");
    expect(packsIn(out)).toEqual(summary.rijen.map((r) => r.map).sort());
    const zip = unzipSync(readFileSync(join(out, summary.rijen[1]!.map)));
    const manifest = JSON.parse(strFromU8(zip["manifest.json"]!)) as Manifest;
    for (const file of manifest.bestanden) expect(zip[file.naam]?.byteLength).toBe(file.bytes);
    const answers = strFromU8(zip["antwoorden.yaml"]!);
    expect(answers).toContain("organisatie: Bibliothèque Noord");
    expect(answers).toContain("Dinsdag 10.00–12.00 uur; donderdag 14.00 uur");
    const cafe = strFromU8(
      unzipSync(readFileSync(join(out, summary.rijen[0]!.map)))["antwoorden.yaml"]!,
    );
    expect(cafe).toContain("organisatie: Bibliotheek Café Zuid");
    expect(cafe).toContain("locatie: Zaal Gemeenschappelijk, begane grond");
    expect(answers).toContain("locatie: Vergaderzaal De Linde, eerste verdieping");
  });
});

describe("idokit batch --hervat", () => {
  it("finishes a batch killed halfway with every pack exactly once", async () => {
    const dir = tempDir();
    const count = 10;
    await writeXlsx(
      join(dir, "lijst.xlsx"),
      headers,
      Array.from({ length: count }, (_, i) => row({ Organisatie: `Bibliotheek ${i + 1}` })),
    );
    const out = join(dir, "uit");

    // 1. Start the batch and kill it hard once a few packs have appeared.
    const child = spawn(
      process.execPath,
      [BIN, "batch", "lijst.xlsx", "--out", "uit", "--werkers", "2"],
      {
        cwd: dir,
        env: { ...process.env, IDOKIT_VANDAAG: "2026-11-28", NO_COLOR: "1" },
        stdio: "ignore",
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, signal) => resolve(signal)),
    );
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline && (!existsSync(out) || packsIn(out).length < 3))
      await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    const before = packsIn(out);
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(before.length).toBeLessThan(count);
    expect(existsSync(join(out, "rapport.csv"))).toBe(false);
    const manifestsBefore = new Map(
      before.map((name) => [name, readFileSync(join(out, name, "manifest.json"), "utf8")]),
    );
    // A temporary folder as a killed writer leaves it (its process no longer runs).
    mkdirSync(
      join(out, ".idokit-tmp-training-bibliotheek-99-vestiging-marktplein-999999-deadbeef"),
    );

    // 2. Without --hervat the existing packs are not touched.
    const refused = runIdokit(["batch", "lijst.xlsx", "--out", "uit"], { cwd: dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/bestaa?n al/);
    expect(refused.stderr).toContain("--hervat");

    // 3. --hervat makes the rest and skips what is complete.
    const resumed = runIdokit(["batch", "lijst.xlsx", "--out", "uit", "--hervat"], { cwd: dir });
    expect(resumed.stderr).toContain(
      `${count} rijen: ${count - before.length} gemaakt, ${before.length} al klaar.`,
    );
    expect(resumed.status).toBe(0);
    expect(readdirSync(out).filter((name) => name.startsWith("."))).toEqual([]);
    const after = packsIn(out);
    expect(after).toHaveLength(count);
    expect(new Set(after).size).toBe(count);
    for (const name of after) expectCompletePack(join(out, name));
    for (const [name, manifest] of manifestsBefore)
      expect(readFileSync(join(out, name, "manifest.json"), "utf8")).toBe(manifest);
    const report = readReport(readFileSync(join(out, "rapport.csv"), "utf8"));
    expect(
      report
        .filter((r) => r.Status === "al klaar")
        .map((r) => r.Map)
        .sort(),
    ).toEqual(before);
    expect(report.map((r) => r.Map).sort()).toEqual(after);

    // 4. A row whose answers changed is made again; the rest stays.
    const again = runIdokit(["batch", "lijst.xlsx", "--out", "uit", "--hervat", "--json"], {
      cwd: dir,
    });
    expect(again.status).toBe(0);
    expect((JSON.parse(again.stdout) as { aantallen: { alKlaar: number } }).aantallen.alKlaar).toBe(
      count,
    );
  }, 180_000);
});

describe("idokit batch --force and --hervat replace only earlier packs", () => {
  it("fails the row whose folder is the user's, touches nothing in it, and makes the rest", async () => {
    const dir = tempDir();
    await writeXlsx(join(dir, "lijst.xlsx"), headers, [
      row({}),
      row({ Organisatie: "Bibliotheek Oost" }),
    ]);
    const dry = runIdokit(["batch", "lijst.xlsx", "--out", "uit", "--dry-run", "--json"], {
      cwd: dir,
    });
    const [first, second] = (JSON.parse(dry.stdout) as { rijen: Array<{ map: string }> }).rijen;
    const out = join(dir, "uit");
    const theirs = join(out, second!.map);
    mkdirSync(join(theirs, "src"), { recursive: true });
    writeFileSync(join(theirs, "notities.txt"), "niet weggooien");
    for (const flag of ["--force", "--hervat"]) {
      const result = runIdokit(["batch", "lijst.xlsx", "--out", "uit", flag, "--json"], {
        cwd: dir,
      });
      expect(result.status, result.stderr).toBe(1);
      const json = JSON.parse(result.stdout) as {
        rijen: Array<{ status: string; problemen: string[] }>;
      };
      expect(json.rijen[0]!.status).toMatch(/gemaakt|al klaar/);
      expect(json.rijen[1]!.status).toBe("fout");
      expect(json.rijen[1]!.problemen.join(" ")).toContain(
        `De map "${theirs}" is geen pakket van idokit`,
      );
      expect(json.rijen[1]!.problemen.join(" ")).toContain(
        `${flag === "--force" ? "--vervang" : flag} vervangt alleen een eerder pakket van idokit`,
      );
      expect(readdirSync(theirs).sort()).toEqual(["notities.txt", "src"]);
      expect(readFileSync(join(theirs, "notities.txt"), "utf8")).toBe("niet weggooien");
      expectCompletePack(join(out, first!.map));
    }
  });
});

describe("idokit batch usage", () => {
  it("checks without writing in a dry run and refuses contradictory flags", async () => {
    const dir = tempDir();
    await writeXlsx(
      join(dir, "lijst.xlsx"),
      [...headers, "Lievelingskleur"],
      [[...row({}), "blauw"]],
    );
    const dry = runIdokit(["batch", "lijst.xlsx", "--dry-run"], { cwd: dir });
    expect(dry.status).toBe(0);
    // The column after the template's own, whatever their number.
    expect(dry.stderr).toContain(
      `Kolom "Lievelingskleur" (${columnLetter(headers.length)}) kent idokit niet en wordt overgeslagen.`,
    );
    expect(dry.stderr).toMatch(/rij 2 → training-bibliotheek-zuiderlinge/);
    expect(readdirSync(dir)).toEqual(["lijst.xlsx"]);
    const both = runIdokit(["batch", "lijst.xlsx", "--hervat", "--force"], { cwd: dir });
    expect(both.status).toBe(2);
    const kind = runIdokit(["batch", "lijst.xlsx", "--pakket", "cursus"], { cwd: dir });
    expect(kind.status).toBe(2);
    const sheet = runIdokit(["batch", "lijst.xlsx", "--blad", "Blad9"], { cwd: dir });
    expect(sheet.status).toBe(2);
    expect(sheet.stderr).toContain('lijst.xlsx heeft geen blad "Blad9".');
    expect(sheet.stderr).toContain('De bladen in dit bestand: "Bibliotheken".');
    await writeXlsx(join(dir, "leeg.xlsx"), headers, [headers.map(() => null)]);
    const empty = runIdokit(["batch", "leeg.xlsx"], { cwd: dir });
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain("heeft geen ingevulde rijen");
    const missing = runIdokit(["batch", "bestaat-niet.xlsx"], { cwd: dir });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Het bestand "');
  });

  it("tells a misspelled column once, with the closest header, and warns about copied rows", async () => {
    const dir = tempDir();
    const misspelled = headers.map((h) => (h === "Kartrekker" ? "Kartreker" : h));
    const letter = columnLetter(headers.indexOf("Kartrekker"));
    const second = row({ Vestiging: "Vestiging Haven" });
    await writeXlsx(join(dir, "lijst.xlsx"), misspelled, [row({}), second, row({}), second]);
    const dry = runIdokit(["batch", "lijst.xlsx", "--dry-run"], { cwd: dir });
    expect(dry.status).toBe(1);
    const told = dry.stderr.split("\n");
    expect(told.filter((line) => line.includes("Kartrek"))).toEqual([
      `  • Kolom "Kartrekker" staat niet in het blad, dus alle 4 rijen missen dit antwoord. Kolom ${letter} heet "Kartreker": bedoelde je "Kartrekker"? Geef kolom ${letter} die naam en start opnieuw.`,
    ]);
    expect(told).toContain(
      "Let op: Rij 4 is precies gelijk aan rij 2: idokit maakt twee dezelfde pakketten. Staat de rij er per ongeluk dubbel in, haal hem dan weg.",
    );
    expect(told.filter((line) => line.includes("precies gelijk"))).toHaveLength(2);

    // Spelled right, the copies are still made (nothing is dropped), each in its own folder.
    await writeXlsx(join(dir, "goed.xlsx"), headers, [row({}), row({})]);
    const made = runIdokit(["batch", "goed.xlsx", "--out", "uit", "--json"], { cwd: dir });
    expect(made.status).toBe(0);
    const result = JSON.parse(made.stdout) as {
      rijen: Array<{ map: string; meldingen: string[] }>;
      waarschuwingen: string[];
    };
    expect(result.waarschuwingen).toEqual([
      expect.stringMatching(/^Rij 3 is precies gelijk aan rij 2/),
    ]);
    expect(result.rijen[1]!.meldingen).toEqual([
      `Rij 3: precies gelijk aan rij 2; de map heet daarom ${result.rijen[1]!.map}.`,
    ]);
    expect(packsIn(join(dir, "uit"))).toHaveLength(2);
  }, 120_000);

  it("tells a sheet's own problem before a broken template, which the workers load meanwhile", async () => {
    const dir = tempDir();
    const templates = join(dir, "sjablonen");
    expect(runIdokit(["sjablonen", "exporteer", templates]).status).toBe(0);
    const draaiboek = join(templates, "training", "draaiboek.md.hbs");
    const text = readFileSync(draaiboek, "utf8");
    writeFileSync(draaiboek, text.replace("# Over dit draaiboek", "# {{bibliotheek.organisatei}}"));
    await writeXlsx(join(dir, "leeg.xlsx"), headers, [headers.map(() => null)]);
    await writeXlsx(join(dir, "goed.xlsx"), headers, [row({})]);
    const own = ["--sjablonen", templates, "--out", "uit", "--werkers", "3"];

    const empty = runIdokit(["batch", "leeg.xlsx", ...own], { cwd: dir });
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain("heeft geen ingevulde rijen");
    expect(empty.stderr).not.toContain("organisatei");
    const broken = runIdokit(["batch", "goed.xlsx", ...own], { cwd: dir });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('onbekende variabele "bibliotheek.organisatei"');
    expect(existsSync(join(dir, "uit"))).toBe(false);

    // Repaired, the one row is made by one of the three workers asked for.
    writeFileSync(draaiboek, text);
    const made = runIdokit(["batch", "goed.xlsx", ...own, "--json"], { cwd: dir });
    expect(made.status).toBe(0);
    expect(packsIn(join(dir, "uit"))).toHaveLength(1);
  }, 120_000);
});
