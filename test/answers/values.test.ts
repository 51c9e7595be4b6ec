import { describe, expect, it } from "vitest";
import {
  cleanLine,
  toColor,
  toConfirm,
  toDate,
  toMulti,
  toTime,
  stripControl,
} from "../../src/answers/values.js";

describe("toDate", () => {
  it.each([
    ["13-03-2027", "2027-03-13"],
    ["13-3-27", "2027-03-13"],
    ["13/03/2027", "2027-03-13"],
    ["2027-03-13", "2027-03-13"],
    ["13 maart 2027", "2027-03-13"],
    ["zaterdag 13 maart 2027", "2027-03-13"],
    ["29-02-2028", "2028-02-29"],
  ])("reads %s as %s", (input, iso) => expect(toDate(input).value).toBe(iso));

  it.each(["31-02-2027", "29-02-2027", "00-01-2027", "13-13-2027"])(
    "refuses %s as a non-existing date",
    (input) => expect(toDate(input).error).toMatch(/bestaat niet als datum/),
  );

  it("reads a spreadsheet date cell as UTC", () =>
    expect(toDate(new Date(Date.UTC(2027, 2, 13))).value).toBe("2027-03-13"));
  it("refuses text that is no date", () =>
    expect(toDate("volgende week").error).toMatch(/dd-mm-jjjj/));
});

describe("toTime", () => {
  it.each([
    ["13:30", "13:30"],
    ["13.30", "13:30"],
    ["9:05", "09:05"],
    ["9", "09:00"],
    ["13u30", "13:30"],
    [13.3, "13:30"],
    [9.05, "09:05"],
  ])("reads %s as %s", (input, time) => expect(toTime(input).value).toBe(time));

  it.each(["25:00", "13:60", "half twee"])("refuses %s", (input) =>
    expect(toTime(input).error).toBeDefined(),
  );
});

describe("other kinds", () => {
  it("normalises colours", () => {
    expect(toColor("#1f4e79").value).toBe("1F4E79");
    expect(toColor("abc").value).toBe("AABBCC");
    expect(toColor("#12345").error).toMatch(/hex/);
  });

  it("reads Dutch yes and no", () => {
    expect(toConfirm("Ja").value).toBe(true);
    expect(toConfirm("nee").value).toBe(false);
    expect(toConfirm("misschien").error).toMatch(/ja of nee/);
  });

  it("matches choices by value or label, forgiving case and accents, and lists the wrong ones", () => {
    const choices = [
      { value: "taalhuis", label: "Taalhuis" },
      { value: "clientondersteuning", label: "Cliëntondersteuning" },
    ];
    expect(toMulti("Taalhuis; clientondersteuning", choices).value).toEqual([
      "taalhuis",
      "clientondersteuning",
    ]);
    expect(toMulti(["cliëntondersteuning"], choices).value).toEqual(["clientondersteuning"]);
    expect(toMulti("taalhuis, bieb", choices).error).toMatch(/"bieb" is geen geldige keuze/);
  });

  it("removes control characters but keeps newlines, emoji and accents", () => {
    expect(stripControl("a\u0000b\u001Fc\n😀é\u0080")).toBe("abc\n😀é");
    // NEL is a line break, not junk: a single-line answer gets a space there.
    expect(stripControl("a\u0085b")).toBe("a\nb");
    expect(cleanLine("Achter\u0085de balie")).toBe("Achter de balie");
  });
});
