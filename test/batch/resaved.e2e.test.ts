import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { inCi } from "../helpers/ci.js";
import { runIdokit, tempDir } from "../helpers/cli.js";
import { findPython } from "../helpers/python.js";

// The batch template as it comes back from the programs POI staff use: re-saved by LibreOffice
// Calc (headless) and edited by openpyxl (Debian's python3-openpyxl), then by both. Each must
// make packs. .ci/run installs LibreOffice Calc and python3-openpyxl; in CI they must be there.

const PYTHON = findPython("openpyxl");
const hasCalc = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
const hasOpenpyxl = PYTHON !== undefined;
if (inCi && !(hasCalc && hasOpenpyxl))
  throw new Error("CI: LibreOffice Calc or python3-openpyxl is missing. .ci/run installs them.");
if (!(hasCalc && hasOpenpyxl))
  console.warn(
    "\n⚠ LibreOffice Calc of python3-openpyxl ontbreekt: de test met opnieuw opgeslagen spreadsheets wordt overgeslagen.\n",
  );

/** Edits the template as a POI adviser's script might, with openpyxl. */
const EDIT = `
import datetime, openpyxl
from openpyxl.comments import Comment
wb = openpyxl.load_workbook("sjabloon.xlsx")
ws = wb["Bibliotheken"]
col = {cell.value: cell.column for cell in ws[1]}
for c in range(1, ws.max_column + 1):
    ws.cell(row=3, column=c).value = ws.cell(row=2, column=c).value
def put(row, header, value, fmt=None):
    cell = ws.cell(row=row, column=col[header])
    cell.value = value
    if fmt:
        cell.number_format = fmt
start = ws.cell(row=2, column=col["Starttijd"]).value
hours, minutes = (int(part) for part in str(start).split(":"))
put(2, "Organisatie", "Bibliotheek Openpyxl")
put(2, "Datum training", datetime.datetime(2027, 3, 9), "DD-MM-YYYY")
put(2, "Starttijd", datetime.time(hours, minutes), "HH:MM")
put(3, "Organisatie", "Bibliotheek Tekstdatum")
put(3, "Datum training", "16-03-2027")
ws.column_dimensions["C"].hidden = True
ws.cell(row=2, column=1).comment = Comment("Nagekeken door de POI.", "POI")
notes = wb.create_sheet("Aantekeningen", 0)
notes["A1"] = "Dit blad is voor onze eigen aantekeningen."
wb.active = 0
wb.save("openpyxl.xlsx")
`;

interface Result {
  rijen: Array<{ bibliotheek: string; status: string; map: string }>;
}

describe.runIf(hasCalc && hasOpenpyxl)("spreadsheets re-saved by other programs", () => {
  it(
    "makes packs from the template re-saved by LibreOffice Calc, by openpyxl, and by both",
    {
      timeout: 300_000,
    },
    () => {
      const dir = tempDir();
      expect(runIdokit(["batch", "sjabloon", "sjabloon.xlsx"], { cwd: dir }).status).toBe(0);
      writeFileSync(join(dir, "edit.py"), EDIT);
      const edited = spawnSync(PYTHON!, ["edit.py"], { cwd: dir, encoding: "utf8" });
      expect(edited.status, edited.stderr).toBe(0);
      const profile = tempDir("idokit-lo-profile-");
      const converted = spawnSync(
        "soffice",
        [
          "--headless",
          "--norestore",
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          "--convert-to",
          "xlsx",
          "--outdir",
          "calc",
          "sjabloon.xlsx",
          "openpyxl.xlsx",
        ],
        { cwd: dir, encoding: "utf8", timeout: 240_000 },
      );
      expect(converted.status, converted.stderr).toBe(0);

      const cases = [
        ["calc/sjabloon.xlsx", ["Bibliotheek Zuiderlinge"]],
        ["openpyxl.xlsx", ["Bibliotheek Openpyxl", "Bibliotheek Tekstdatum"]],
        ["calc/openpyxl.xlsx", ["Bibliotheek Openpyxl", "Bibliotheek Tekstdatum"]],
      ] as const;
      for (const [file, libraries] of cases) {
        const out = `uit-${file.replace(/\W+/g, "-")}`;
        const result = runIdokit(["batch", file, "--map", out, "--json"], { cwd: dir });
        expect(result.status, `${file}: ${result.stderr}`).toBe(0);
        const json = JSON.parse(result.stdout) as Result;
        expect(json.rijen.map((row) => [row.bibliotheek, row.status])).toEqual(
          libraries.map((library) => [library, "gemaakt"]),
        );
        if (file.includes("openpyxl")) {
          expect(result.stderr).toContain('blad "Bibliotheken" gelezen');
          const dates = json.rijen.map(
            (row) =>
              (
                parse(readFileSync(join(dir, out, row.map, "antwoorden.yaml"), "utf8")) as {
                  training: { datum: string };
                }
              ).training.datum,
          );
          expect(dates).toEqual(["09-03-2027", "16-03-2027"]);
        }
      }
    },
  );
});

describe("--debug on a workbook that cannot be read", () => {
  it("shows what went wrong underneath", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "kapot.xlsx"), "PK\u0003\u0004 dit is geen werkmap");
    const plain = runIdokit(["batch", "kapot.xlsx"], { cwd: dir });
    expect(plain.status).toBe(1);
    expect(plain.stderr).toContain("kapot.xlsx kan niet worden gelezen als Excel-werkmap (.xlsx).");
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = runIdokit(["batch", "kapot.xlsx", "--debug"], { cwd: dir });
    expect(debug.status).toBe(1);
    expect(debug.stderr).toMatch(/Error: .*\n\s+at /);
  });
});
