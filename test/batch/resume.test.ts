import { describe, expect, it } from "vitest";
import { resumeCommand } from "../../src/cli/batch.js";

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
    [
      ["batch", "C:\\Data\\l.xlsx", "--force", "--dry-run"],
      "idokit batch C:\\Data\\l.xlsx --hervat",
    ],
  ])("%j → %s", (args, command) => expect(resumeCommand(args)).toBe(command));
});
