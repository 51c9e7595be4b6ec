import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { addDays } from "../answers/values.js";
import { didYouMean } from "../domain/suggest.js";
import { DEFAULT_EXAMPLE, EXAMPLES, type BuiltInExample } from "../domain/examples.js";
import { UsageError } from "../errors.js";
import { holidayOn, inChristmasBreak } from "../plan/holidays.js";
import { PACKAGE_ROOT } from "../paths.js";

/**
 * Reading the built-in examples (`--voorbeeld [naam]`): which one, and its answers with the dates
 * moved ahead of today, so an example pack never plans in the past.
 */

/** Weeks between an example's meeting and its training: time to pass the outcome on. */
const WEEKS_BEFORE_TRAINING = 6;

/**
 * The example named after `--voorbeeld`: `true` (no name) is the default one. An unknown name is
 * a usage error that lists the names.
 */
export function findExample(name: string | boolean | undefined): BuiltInExample {
  if (name === undefined || typeof name === "boolean") return DEFAULT_EXAMPLE;
  const wanted = name.trim().toLowerCase();
  const found = EXAMPLES.find((example) => example.naam === wanted);
  if (found) return found;
  const names = EXAMPLES.map((example) => example.naam);
  throw new UsageError(`Er is geen ingebouwd voorbeeld "${name}".${didYouMean(wanted, names)}`, {
    hint: `Kies uit: ${EXAMPLES.map((example) => `${example.naam} (${example.omschrijving})`).join("; ")}.`,
  });
}

/**
 * The first `weekdag` (0 = Sunday) at least nine weeks after today, so the whole countdown still
 * lies ahead: a realistic training date for an example pack.
 */
export function exampleTrainingDate(today: string, weekdag = DEFAULT_EXAMPLE.weekdag): string {
  let date = addDays(today, 63);
  while (new Date(`${date}T12:00:00Z`).getUTCDay() !== weekdag) date = addDays(date, 1);
  // Neither the training nor its meeting six weeks before falls in the weeks a planner avoids.
  while (
    inChristmasBreak(date) ||
    inChristmasBreak(addDays(date, -7 * WEEKS_BEFORE_TRAINING)) ||
    holidayOn(date) !== undefined ||
    holidayOn(addDays(date, -7 * WEEKS_BEFORE_TRAINING)) !== undefined
  )
    date = addDays(date, 7);
  return date;
}

type RawAnswers = Record<string, Record<string, unknown>>;

function readData(file: string): RawAnswers {
  return parse(readFileSync(join(PACKAGE_ROOT, "data", file), "utf8")) as RawAnswers;
}

/** The training answers of an example, with the training date moved ahead. */
export function readExampleTrainingAnswers(
  today: string,
  name?: string | boolean,
): Record<string, unknown> {
  const example = findExample(name);
  const data = readData(example.training);
  return {
    ...data,
    training: { ...data.training, datum: exampleTrainingDate(today, example.weekdag) },
  };
}

/**
 * The bijeenkomst answers of an example: the training on the same date as in its training
 * example, the meeting six weeks before it (the same weekday).
 */
export function readExampleBijeenkomstAnswers(
  today: string,
  name?: string | boolean,
): Record<string, unknown> {
  const example = findExample(name);
  const data = readData(example.bijeenkomst);
  const training = exampleTrainingDate(today, example.weekdag);
  return {
    ...data,
    bijeenkomst: {
      ...data.bijeenkomst,
      datum: addDays(training, -7 * WEEKS_BEFORE_TRAINING),
      trainingsdatum: training,
    },
  };
}
