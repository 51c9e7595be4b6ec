import { describe, expect, it } from "vitest";
import { validateAnswers } from "../../src/answers/validate.js";
import { buildCountdownRows, toWorkday, whenText } from "../../src/plan/countdown.js";
import {
  dayOffWarning,
  holidayOn,
  holidaysBetween,
  inChristmasBreak,
  isPlanningDay,
  isWorkday,
} from "../../src/plan/holidays.js";
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

  it.each([
    // Easter moves: 5 April 2026, 16 April 2028, 1 April 2029. Everything Easter-dependent follows.
    [2026, ["04-03", "04-05", "04-06", "05-14", "05-24", "05-25"]],
    [2028, ["04-14", "04-16", "04-17", "05-25", "06-04", "06-05"]],
    [2029, ["03-30", "04-01", "04-02", "05-10", "05-20", "05-21"]],
  ])("computes the Easter-dependent days off of %i", (year, days) => {
    const moving = [
      "Goede Vrijdag",
      "Pasen",
      "Tweede paasdag",
      "Hemelvaartsdag",
      "Pinksteren",
      "Tweede pinksterdag",
    ];
    const found = holidaysBetween(`${year}-01-01`, `${year}-12-31`)
      .filter((h) => moving.some((name) => h.name.startsWith(name)))
      .map((h) => h.date.slice(5));
    expect(found).toEqual(days);
    for (const day of days) expect(isWorkday(`${year}-${day}`)).toBe(false);
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
    expect(toWorkday("2026-12-25", true)).toBe("2026-12-23"); // Christmas → before the break
    expect(toWorkday("2026-12-25", false)).toBe("2027-01-04"); // Christmas → after New Year
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
    expect(rows.map((r) => r.datum)).toEqual(["2026-12-23", "2026-12-29", "2027-01-04"]);
    for (const row of rows.filter((r) => r.taak !== "Bijeenkomst"))
      expect(isPlanningDay(row.datum)).toBe(true);
  });

  it("keeps tasks out of the week between Christmas and New Year", () => {
    expect(inChristmasBreak("2026-12-23")).toBe(false);
    expect(inChristmasBreak("2026-12-24")).toBe(true);
    expect(inChristmasBreak("2026-12-29")).toBe(true); // a Tuesday, not a holiday
    expect(inChristmasBreak("2027-01-01")).toBe(true);
    expect(inChristmasBreak("2027-01-04")).toBe(false);
    expect(isWorkday("2026-12-29")).toBe(true);
    expect(isPlanningDay("2026-12-29")).toBe(false);
    expect(toWorkday("2026-12-29", true)).toBe("2026-12-23");
    expect(toWorkday("2026-12-31", false)).toBe("2027-01-04");
    // A training on 16 February 2027: booking the actor 7 weeks before fell on 29 December.
    const rows = buildCountdownRows(
      "2027-02-16",
      [
        { dagen: 56, taak: "Plan de training", wie: "kartrekker" },
        { dagen: 49, taak: "Boek de trainingsacteur", wie: "kartrekker" },
        { dagen: 42, taak: "Reserveer de zaal", wie: "kartrekker" },
      ],
      "2026-12-01",
      { day: "de dag zelf", after: "na de training" },
    );
    expect(rows.map((r) => [r.datum, r.wanneer])).toEqual([
      ["2026-12-22", "8 weken vooraf"],
      ["2026-12-23", "bijna 8 weken vooraf"],
      ["2027-01-05", "6 weken vooraf"],
    ]);
  });

  it("says a moved date as a planner would, in whole weeks where it can", () => {
    const event = { day: "de dag zelf", after: "na de training" };
    expect(whenText(1, event)).toBe("1 dag vooraf");
    expect(whenText(4, event)).toBe("4 dagen vooraf");
    expect(whenText(7, event)).toBe("1 week vooraf");
    expect(whenText(22, event)).toBe("ruim 3 weken vooraf");
    expect(whenText(55, event)).toBe("bijna 8 weken vooraf");
    expect(whenText(-9, event)).toBe("ruim 1 week na de training");
    expect(whenText(0, event)).toBe("de dag zelf");
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
    expect(dayOffWarning("2026-12-29")).toBe(
      "dinsdag 29 december 2026 valt tussen Kerst en Oud en Nieuw, als veel collega's, vrijwilligers en partners vrij zijn. Klopt die datum?",
    );
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
