import { describe, expect, it } from "vitest";
import { validateAnswers } from "../../src/answers/validate.js";
import { buildCountdownRows, toWorkday } from "../../src/plan/countdown.js";
import { dayOffWarning, holidayOn, holidaysBetween, isWorkday } from "../../src/plan/holidays.js";
import { trainingSchema } from "../../src/questions/training.js";
import { exampleRaw } from "../helpers/answers.js";
import { fileContext } from "../helpers/context.js";

describe("Dutch public holidays", () => {
  it("knows the fixed and the moving holidays of a year", () => {
    expect(holidaysBetween("2027-01-01", "2027-12-31").map((h) => `${h.date} ${h.name}`)).toEqual([
      "2027-01-01 Nieuwjaar",
      "2027-03-26 Goede Vrijdag",
      "2027-03-28 Pasen",
      "2027-03-29 Tweede paasdag",
      "2027-04-27 Koningsdag",
      "2027-05-05 Bevrijdingsdag",
      "2027-05-06 Hemelvaartsdag",
      "2027-05-16 Pinksteren",
      "2027-05-17 Tweede pinksterdag",
      "2027-12-25 Kerstmis",
      "2027-12-26 Tweede kerstdag",
    ]);
  });

  it("moves Koningsdag to Saturday when 27 April is a Sunday", () => {
    expect(holidayOn("2025-04-26")).toBe("Koningsdag");
    expect(holidayOn("2025-04-27")).toBeUndefined();
  });

  it("does not count observances (Sinterklaas, Dodenherdenking) or ordinary days", () => {
    expect(holidayOn("2027-12-05")).toBeUndefined();
    expect(holidayOn("2027-05-04")).toBeUndefined();
    expect(holidayOn("2027-02-09")).toBeUndefined();
    expect(isWorkday("2027-02-09")).toBe(true);
    expect(isWorkday("2027-02-13")).toBe(false);
    expect(isWorkday("2027-04-27")).toBe(false);
  });
});

describe("countdowns on working days", () => {
  it("moves preparation back and follow-up forward past weekends and holidays", () => {
    expect(toWorkday("2027-02-13", true)).toBe("2027-02-12"); // Saturday → Friday
    expect(toWorkday("2027-02-14", false)).toBe("2027-02-15"); // Sunday → Monday
    expect(toWorkday("2027-04-27", true)).toBe("2027-04-26"); // Koningsdag → Monday before
    expect(toWorkday("2027-03-29", true)).toBe("2027-03-25"); // Easter Monday → Thursday
    expect(toWorkday("2026-12-25", true)).toBe("2026-12-24"); // Christmas → the day before
    expect(toWorkday("2026-12-25", false)).toBe("2026-12-28"); // Christmas → the Monday after
    expect(toWorkday("2027-01-01", false)).toBe("2027-01-04"); // New Year (Friday) → Monday
  });

  it("never plans a task on a holiday, the event's own day excepted", () => {
    // A meeting on 29 December 2026: tasks 4 days before and 3 after fell on Christmas and New Year.
    const rows = buildCountdownRows(
      "2026-12-29",
      [
        { dagen: 4, taak: "Print het formulier", wie: "kartrekker" },
        { dagen: 0, taak: "Bijeenkomst", wie: "iedereen" },
        { dagen: -3, taak: "Werk het formulier uit", wie: "kartrekker" },
      ],
      "2026-12-01",
      { day: "de dag zelf", after: "na de bijeenkomst" },
    );
    expect(rows.map((r) => r.datum)).toEqual(["2026-12-24", "2026-12-29", "2027-01-04"]);
    for (const row of rows) expect(isWorkday(row.datum)).toBe(true);
  });
});

describe("a training on a day off", () => {
  it("is warned about, naming the day, in an answers file", () => {
    const raw = exampleRaw();
    raw.training!.datum = "27-04-2027";
    raw.acteur!.voorbespreking = "13-04-2027";
    const result = validateAnswers(trainingSchema, raw, fileContext());
    expect(result.problems).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toContain(
      "Datum van de training: dinsdag 27 april 2027 is Koningsdag, een feestdag. Klopt die datum?",
    );
  });

  it("says nothing on an ordinary working day", () => {
    expect(dayOffWarning("2027-02-09")).toBeUndefined();
    expect(dayOffWarning("2027-02-14")).toBe(
      "zondag 14 februari 2027 valt in het weekend. Klopt die datum?",
    );
  });

  it("gets a voorbespreking two weeks before, on a working day", () => {
    const raw = exampleRaw();
    raw.training!.datum = "11-05-2027"; // two weeks before is Koningsdag
    delete raw.acteur!.voorbespreking;
    const result = validateAnswers(trainingSchema, raw, fileContext());
    expect((result.answers as { acteur: { voorbespreking: string } }).acteur.voorbespreking).toBe(
      "2027-04-26",
    );
  });
});
