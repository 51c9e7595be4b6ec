import { addDays } from "../answers/values.js";
import { isPlanningDay } from "./holidays.js";

/**
 * Preparation and follow-up tasks dated from an event (a training, a bijeenkomst): counted back
 * from the event date, moved off weekends and Dutch public holidays, in date order. Pure.
 */

export interface CountdownItem {
  /** Days before the event; negative for follow-up after it. */
  dagen: number;
  taak: string;
  wie: string;
}

export interface CountdownRow {
  datum: string;
  wanneer: string;
  taak: string;
  wie: string;
  /** The date has passed at the time of generating: do it now. */
  verlopen: boolean;
}

/**
 * A task date on a working day: preparation moves back to the last working day before a weekend
 * or public holiday (Friday, or Thursday before Goede Vrijdag), follow-up forward to the next.
 * The days between Christmas and New Year count as off: preparation lands before 24 December,
 * follow-up after New Year.
 */
export function toWorkday(iso: string, before: boolean): string {
  let date = iso;
  // Two weeks at most: the Christmas break with the weekends around it takes twelve days.
  for (let step = 0; step < 14 && !isPlanningDay(date); step++)
    date = addDays(date, before ? -1 : 1);
  return date;
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);

/**
 * "3 weken vooraf", "4 dagen vooraf", "1 week na de training", or the event's own day. A task
 * moved off a weekend or holiday says how a planner would: "ruim 3 weken", "bijna 8 weken".
 */
export function whenText(days: number, event: { day: string; after: string }): string {
  if (days === 0) return event.day;
  const n = Math.abs(days);
  const weeks = (count: number) => (count === 1 ? "1 week" : `${count} weken`);
  const rest = n % 7;
  const amount =
    n < 7
      ? n === 1
        ? "1 dag"
        : `${n} dagen`
      : rest === 0
        ? weeks(n / 7)
        : rest <= 3
          ? `ruim ${weeks(Math.floor(n / 7))}`
          : `bijna ${weeks(Math.ceil(n / 7))}`;
  return days < 0 ? `${amount} ${event.after}` : `${amount} vooraf`;
}

/** Sorts rows by date, keeping the given order for equal dates. */
export function byDate<R extends { datum: string }>(rows: R[]): R[] {
  return rows.sort((a, b) => (a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : 0));
}

/**
 * Dates each task from the event date, on working days (the event day itself stays), and says
 * how long before or after the event it is.
 */
export function buildCountdownRows(
  eventDate: string,
  items: readonly CountdownItem[],
  today: string,
  event: { day: string; after: string },
): CountdownRow[] {
  return byDate(
    items.map((item) => {
      const datum =
        item.dagen === 0 ? eventDate : toWorkday(addDays(eventDate, -item.dagen), item.dagen > 0);
      return {
        datum,
        wanneer: whenText(daysBetween(datum, eventDate), event),
        taak: item.taak,
        wie: item.wie,
        verlopen: datum < today,
      };
    }),
  );
}
