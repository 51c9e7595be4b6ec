import { createRequire } from "node:module";
import type HolidaysClass from "date-holidays";
import { formatLongDate } from "../domain/format.js";

/**
 * Dutch public holidays and working days, from the `date-holidays` package (country NL). Pure:
 * the same date always gives the same answer. The package (its data holds every country) is
 * loaded on the first question only, so commands that never plan a date do not pay for it.
 *
 * Counted as a day off: the official public holidays (Nieuwjaarsdag, Pasen, Koningsdag,
 * Hemelvaartsdag, Pinksteren, Kerstmis) and the two days most libraries and their partners are
 * closed too: Goede Vrijdag and Bevrijdingsdag (a day off for many, every year for some).
 */

/** A holiday: its ISO date and Dutch name. */
export interface Holiday {
  date: string;
  name: string;
}

/** Days off beyond the public holidays: closed at many libraries, gemeenten and partners. */
const ALSO_OFF = new Set(["Goede Vrijdag", "Bevrijdingsdag"]);

let instance: HolidaysClass | undefined;
const byYear = new Map<number, Map<string, string>>();

function holidaysOf(year: number): Map<string, string> {
  const known = byYear.get(year);
  if (known) return known;
  if (!instance) {
    const require = createRequire(import.meta.url);
    const Holidays = require("date-holidays") as typeof HolidaysClass;
    instance = new Holidays("NL", { languages: ["nl"], timezone: "UTC" });
  }
  const days = new Map<string, string>();
  for (const holiday of instance.getHolidays(year, "nl")) {
    if (holiday.type !== "public" && !ALSO_OFF.has(holiday.name)) continue;
    const date = holiday.date.slice(0, 10);
    if (!days.has(date)) days.set(date, holiday.name);
  }
  byYear.set(year, days);
  return days;
}

/** The Dutch public holiday on an ISO date (`2027-04-27` → "Koningsdag"), or undefined. */
export function holidayOn(iso: string): string | undefined {
  const year = Number(iso.slice(0, 4));
  if (!Number.isInteger(year) || year < 1900 || year > 2999) return undefined;
  return holidaysOf(year).get(iso.slice(0, 10));
}

/** Day of the week of an ISO date: 0 Sunday … 6 Saturday. */
export const weekday = (iso: string): number => new Date(`${iso}T12:00:00Z`).getUTCDay();

/** True on a Saturday or Sunday. */
export const isWeekend = (iso: string): boolean => weekday(iso) === 0 || weekday(iso) === 6;

/** True on a weekday that is not a Dutch public holiday. */
export const isWorkday = (iso: string): boolean => !isWeekend(iso) && holidayOn(iso) === undefined;

/**
 * True from 24 December to 1 January: between Christmas and New Year many colleagues, volunteers,
 * actors and partners are off, and libraries and gemeenten run on holiday hours. Not a holiday,
 * but a week a planner avoids for tasks and events.
 */
export function inChristmasBreak(iso: string): boolean {
  const monthDay = iso.slice(5, 10);
  return monthDay >= "12-24" || monthDay <= "01-01";
}

/** True on a working day a planner would give a task: a workday outside the Christmas break. */
export const isPlanningDay = (iso: string): boolean => isWorkday(iso) && !inChristmasBreak(iso);

/** Every holiday (as counted above) from `from` to `to`, both ISO dates, inclusive. */
export function holidaysBetween(from: string, to: string): Holiday[] {
  const result: Holiday[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++)
    for (const [date, name] of holidaysOf(year))
      if (date >= from && date <= to) result.push({ date, name });
  return result.sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * A warning for an event (a training, a voorbespreking, a bijeenkomst) on a weekend day, a
 * Dutch public holiday or in the Christmas break, when colleagues, volunteers, the actor and partners are often off:
 * "zaterdag 13 maart 2027 valt in het weekend. Klopt die datum?"; undefined on a working day.
 */
export function dayOffWarning(iso: string): string | undefined {
  const holiday = holidayOn(iso);
  if (holiday) return `${formatLongDate(iso)} is ${holiday}, een feestdag. Klopt die datum?`;
  if (isWeekend(iso)) return `${formatLongDate(iso)} valt in het weekend. Klopt die datum?`;
  if (inChristmasBreak(iso))
    return `${formatLongDate(iso)} valt tussen Kerst en Oud en Nieuw, als veel collega's, vrijwilligers en partners vrij zijn. Klopt die datum?`;
  return undefined;
}
