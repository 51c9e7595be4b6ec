import { describe, expect, it } from "vitest";
import { resumeCommand } from "../../src/cli/batch.js";
import { shellQuote } from "../../src/shell-quote.js";

describe("resumeCommand: the literal command that finishes an interrupted batch", () => {
  it.each([
    [["batch", "lijst.xlsx"], "idokit batch lijst.xlsx --hervat"],
    [
      ["batch", "lijst met spaties.xlsx", "--map", "uit", "--vervang"],
      "idokit batch 'lijst met spaties.xlsx' --map uit --hervat",
    ],
    [
      ["batch", "l.csv", "-f", "--antwoorden", "Sam's standaard.yaml", "--proefdraai", "--hervat"],
      "idokit batch l.csv --antwoorden 'Sam'\\''s standaard.yaml' --hervat",
    ],
    [["batch", "C:\\Data\\l.xlsx", "--force"], "idokit batch 'C:\\Data\\l.xlsx' --hervat"],
  ])("Linux and macOS: %j → %s", (args, command) =>
    expect(resumeCommand(args, "linux")).toBe(command),
  );

  // Command Prompt knows no single quotes; PowerShell and Command Prompt both take double ones.
  it.each([
    [
      ["batch", "C:\\Users\\Sam\\Mijn lijst.xlsx", "--map", "uit", "--vervang"],
      'idokit batch "C:\\Users\\Sam\\Mijn lijst.xlsx" --map uit --hervat',
    ],
    [
      ["batch", "l.csv", "--antwoorden", "Sam's standaard.yaml", "--dry-run"],
      `idokit batch l.csv --antwoorden "Sam's standaard.yaml" --hervat`,
    ],
    [["batch", "C:\\Data\\l.xlsx", "--force"], "idokit batch C:\\Data\\l.xlsx --hervat"],
  ])("Windows: %j → %s", (args, command) => expect(resumeCommand(args, "win32")).toBe(command));
});

describe("shellQuote", () => {
  it("leaves plain arguments alone on every platform", () => {
    for (const platform of ["linux", "darwin", "win32"] as const)
      for (const plain of ["lijst.xlsx", "uit/pakket-maart", "--map", "2027-03-09"])
        expect(shellQuote(plain, platform)).toBe(plain);
  });

  it("quotes what PowerShell or Command Prompt would read otherwise", () => {
    expect(shellQuote("@lijst.xlsx", "win32")).toBe('"@lijst.xlsx"');
    expect(shellQuote("a,b.xlsx", "win32")).toBe('"a,b.xlsx"');
    expect(shellQuote("R&D lijst.xlsx", "win32")).toBe('"R&D lijst.xlsx"');
    expect(shellQuote("kosten $jaar.xlsx", "win32")).toBe("'kosten $jaar.xlsx'");
    expect(shellQuote("Sam's $lijst.xlsx", "win32")).toBe("'Sam''s $lijst.xlsx'");
  });

  it("quotes for sh, bash and zsh elsewhere", () => {
    expect(shellQuote("mijn lijst.xlsx", "darwin")).toBe("'mijn lijst.xlsx'");
    expect(shellQuote("kosten $jaar.xlsx", "linux")).toBe("'kosten $jaar.xlsx'");
    expect(shellQuote("Sam's.xlsx", "linux")).toBe("'Sam'\\''s.xlsx'");
  });
});
