import { describe, expect, it } from "vitest";
import { helpWidth, reflowHelp } from "../../src/cli/help-text.js";

describe("reflowHelp", () => {
  it("joins a paragraph's lines and wraps it at the width", () => {
    const text =
      "Met --zip één zip-bestand. Het pakket verschijnt pas als alles klaar is; een\nbestaande map blijft.";
    const out = reflowHelp(text, 40).split("\n");
    expect(out.every((line) => [...line].length <= 40)).toBe(true);
    expect(out.join(" ")).toBe(text.replace("\n", " "));
  });

  it("keeps indented lines, blank lines and headings ending in a colon as written", () => {
    const text =
      "Voorbeelden:\n  idokit training --voorbeeld --map een-heel-lange-mapnaam-die-niet-past\n\nZie ook:\n  x";
    expect(reflowHelp(text, 20)).toBe(text);
  });

  it("uses the terminal's width, or 80 without a terminal", () => {
    expect(helpWidth({ isTTY: false, columns: 120 })).toBe(80);
    expect(helpWidth({ isTTY: true, columns: 120 })).toBe(120);
    expect(helpWidth({ isTTY: true, columns: 10 })).toBe(40);
  });
});
