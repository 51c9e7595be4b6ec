import { describe, expect, it } from "vitest";
import { joinDutch, suggestClosest } from "../../src/domain/suggest.js";

describe("suggestClosest", () => {
  const ids = [
    "digid",
    "toeslagen",
    "digid-verlopen-activeringsbrief",
    "digid-app-nieuwe-telefoon",
  ];
  it.each([
    ["digi", "digid"],
    ["DIGID", "digid"],
    ["toeslag", "toeslagen"],
    ["toeslaegn", "toeslagen"],
    ["digid-verlopen-brief", "digid-verlopen-activeringsbrief"],
    ["nieuwe-telefoon-app", "digid-app-nieuwe-telefoon"],
    ["belasting", undefined],
    ["", undefined],
  ])("%s → %s", (input, expected) => {
    expect(suggestClosest(input, ids)).toBe(expected);
  });

  it("ignores accents", () => {
    expect(suggestClosest("prive", ["privé", "publiek"])).toBe("privé");
  });
});

describe("joinDutch", () => {
  it.each([
    [[], ""],
    [["a"], "a"],
    [["a", "b"], "a en b"],
    [["a", "b", "c"], "a, b en c"],
  ])("%o → %s", (items, expected) => {
    expect(joinDutch(items)).toBe(expected);
  });
});
