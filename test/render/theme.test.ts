import { describe, expect, it } from "vitest";
import { buildTheme, contrast, readableOn } from "../../src/render/theme.js";

describe("theme colours", () => {
  it.each([
    ["1F4E79", "FFFFFF"],
    ["7FB800", "111111"],
    ["FFEE00", "111111"],
    ["00607A", "FFFFFF"],
  ])("puts the most readable text on %s", (background, text) =>
    expect(readableOn(background)).toBe(text),
  );

  it("always gives header text at least 4.5:1 contrast on the primary colour", () => {
    for (const primary of ["1F4E79", "7FB800", "FFEE00", "E07B00", "00A0E0", "FF00FF", "808080"]) {
      const theme = buildTheme({ primary });
      expect(
        contrast(theme.color.primary, theme.color.tableHeaderText),
        primary,
      ).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("darkens a very light house colour for headings, so they stay readable on white", () => {
    const theme = buildTheme({ primary: "FFEE00" });
    expect(theme.color.primary).toBe("FFEE00");
    expect(contrast(theme.color.heading, "FFFFFF")).toBeGreaterThanOrEqual(4.5);
  });
});
