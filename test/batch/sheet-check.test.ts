import { describe, expect, it } from "vitest";
import { checkSheet } from "../../src/batch/sheet-check.js";
import { unpackAnswers } from "../../src/batch/packed-answers.js";
import type { SheetTable } from "../../src/batch/table.js";
import { TODAY } from "../helpers/context.js";
import { rowWith, templateSheet, type Cell } from "./helpers.js";

const { headers, example } = await templateSheet();
const text = (cells: readonly Cell[]): string[] =>
  cells.map((cell) => (cell === null ? "" : String(cell)));

function sheet(rows: string[][], sheetHeaders = headers): SheetTable {
  return {
    source: "b.xlsx",
    headers: sheetHeaders,
    rows: rows.map((cells, i) => ({ number: i + 2, cells })),
    notices: ["een melding"],
  };
}

describe("checkSheet (the rows checked in the reading thread)", () => {
  it("gives each row its outcome, name parts and library, and no cells or draft", async () => {
    const good = text(rowWith(headers, example, { Organisatie: "Bibliotheek Oost" }));
    const bad = text(
      rowWith(headers, example, {
        Organisatie: "Bibliotheek West",
        "Datum training": "31-02-2027",
      }),
    );
    const empty = headers.map(() => " ");
    const checked = await checkSheet(sheet([good, empty, bad, good]), "/tmp/b.xlsx", {
      kind: "training",
      today: TODAY,
    });
    expect(checked.notices).toEqual(["een melding"]);
    expect(checked.rows.map((row) => row.number)).toEqual([2, 3, 4, 5]);
    const [first, blank, wrong] = checked.rows.map((row) => row.check);
    expect(blank).toBeUndefined();
    // The answers travel packed; unpacked they are the validated answers of the row.
    const answers = unpackAnswers(first!.answers!) as { bibliotheek: { organisatie: string } };
    expect(answers.bibliotheek.organisatie).toBe("Bibliotheek Oost");
    expect(first?.library).toBe("Bibliotheek Oost");
    expect(first?.folderParts).toContain("Bibliotheek Oost");
    expect(wrong?.answers).toBeUndefined();
    expect(wrong?.library).toBe("Bibliotheek West");
    expect(wrong?.problems.map((p) => p.where).join(" ")).toContain("Rij 4");
    expect(checked.copies).toEqual([[5, 2]]);
    expect(checked.columns.matched.every(Boolean)).toBe(true);
    // Only the outcome crosses to the main thread: it must survive structured cloning whole.
    const copy = structuredClone(checked);
    expect(copy).toEqual(checked);
    expect(JSON.stringify(copy)).not.toContain('"draft"');
    expect(JSON.stringify(copy)).not.toContain('"cells"');
  });

  it("checks no row when the columns themselves are wrong", async () => {
    const twice = [...headers, headers[0]!];
    const row = [...text(example), text(example)[0]!];
    const checked = await checkSheet(sheet([row], twice), "/tmp/b.xlsx", {
      kind: "training",
      today: TODAY,
    });
    expect(checked.columns.problems.length).toBeGreaterThan(0);
    expect(checked.rows.map((r) => r.check)).toEqual([undefined]);
  });
});
