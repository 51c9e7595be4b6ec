import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateAnswers } from "../../src/answers/validate.js";
import { addDays } from "../../src/answers/values.js";
import {
  exampleTrainingDate,
  findExample,
  readExampleBijeenkomstAnswers,
  readExampleTrainingAnswers,
} from "../../src/commands/examples.js";
import { EXAMPLES, exampleListText, exampleNamesText } from "../../src/domain/examples.js";
import { UsageError } from "../../src/errors.js";
import { holidayOn } from "../../src/plan/holidays.js";
import { bijeenkomstSchema } from "../../src/questions/bijeenkomst.js";
import { trainingSchema } from "../../src/questions/training.js";
import { fileContext, TODAY } from "../helpers/context.js";

const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
const inChristmasWeek = (date: string) => date.slice(5) >= "12-24" || date.slice(5) <= "01-01";
const blocked = (date: string) =>
  [date, addDays(date, -42)].some((d) => inChristmasWeek(d) || holidayOn(d) !== undefined);

describe("the built-in examples", () => {
  it("finds the default without a name, and any example by its name in any case", () => {
    expect(findExample(true)).toBe(EXAMPLES[0]);
    expect(findExample(undefined)).toBe(EXAMPLES[0]);
    for (const example of EXAMPLES)
      expect(findExample(` ${example.naam.toUpperCase()} `)).toBe(example);
  });

  it("refuses an unknown name as a usage error that suggests and lists the names", () => {
    let error: unknown;
    try {
      findExample("aldrvoort");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(
      'Er is geen ingebouwd voorbeeld "aldrvoort". Bedoelde je "aldervoort"?',
    );
    for (const example of EXAMPLES) expect((error as UsageError).hint).toContain(example.naam);
  });

  it("lists every example in the help texts", () => {
    for (const example of EXAMPLES) {
      expect(exampleNamesText()).toContain(example.naam);
      expect(exampleListText()).toContain(`${example.naam} `);
    }
    expect(exampleNamesText()).toMatch(/^\S+ \(standaard\)/);
  });

  it.each(EXAMPLES.map((example) => [example.naam]))(
    "%s: its training and bijeenkomst answers are complete and valid, without warnings",
    (naam) => {
      const training = validateAnswers(
        trainingSchema,
        readExampleTrainingAnswers(TODAY, naam),
        fileContext(),
      );
      expect(training.problems).toEqual([]);
      expect(training.missing.map((q) => q.key)).toEqual([]);
      expect(training.warnings).toEqual([]);
      const bijeenkomst = validateAnswers(
        bijeenkomstSchema,
        readExampleBijeenkomstAnswers(TODAY, naam),
        fileContext(),
      );
      expect(bijeenkomst.problems).toEqual([]);
      expect(bijeenkomst.missing.map((q) => q.key)).toEqual([]);
      expect(bijeenkomst.warnings).toEqual([]);
      // The two packs of one library agree on who the library is and when the training is.
      expect(bijeenkomst.answers?.bibliotheek).toEqual(training.answers?.bibliotheek);
      expect(bijeenkomst.answers?.bijeenkomst.trainingsdatum).toBe(
        training.answers?.training.datum,
      );
    },
  );

  it("makes the second example differ from the first where the issue asks: staff, partners, time of day, gemeenten", () => {
    const [first, second] = EXAMPLES.map((example) => {
      const result = validateAnswers(
        trainingSchema,
        readExampleTrainingAnswers(TODAY, example.naam),
        fileContext(),
      );
      if (!result.answers) throw new Error(`${example.naam} does not validate`);
      return result.answers;
    });
    if (!first || !second) throw new Error("two examples expected");
    expect(second.werkwijze.bemensing).toBe("vrijwilligers");
    expect(second.training.starttijd < "12:00").toBe(true);
    expect(first.training.starttijd >= "12:00").toBe(true);
    const kinds = (answers: typeof first) => new Set(answers.partners.lokaal.map((p) => p.soort));
    expect([...kinds(second)].filter((kind) => kinds(first).has(kind))).toEqual([]);
    expect(
      second.bibliotheek.gemeenten.filter((g) => first.bibliotheek.gemeenten.includes(g)),
    ).toEqual([]);
  });

  it("dates a training on its weekday, nine weeks ahead or more, with it and its meeting outside the Christmas week", () => {
    const start = new Date("2026-01-01T12:00:00Z").getTime();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 6 }),
        fc.integer({ min: 0, max: 6 }),
        (offset, day) => {
          const today = new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
          const date = exampleTrainingDate(today, day);
          expect(weekday(date)).toBe(day);
          expect(date >= addDays(today, 63)).toBe(true);
          expect(blocked(date)).toBe(false);
          // Every earlier candidate on that weekday was passed over for a reason: it or its
          // meeting six weeks before falls on a holiday or in the Christmas week. (Easter,
          // Bevrijdingsdag and Pinksteren can push a Sunday three weeks on.)
          let candidate = addDays(today, 63);
          while (weekday(candidate) !== day) candidate = addDays(candidate, 1);
          for (; candidate < date; candidate = addDays(candidate, 7))
            expect(blocked(candidate), candidate).toBe(true);
          expect(date <= addDays(today, 63 + 6 + 7 * 4)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});
