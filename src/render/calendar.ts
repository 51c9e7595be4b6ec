import { createHash } from "node:crypto";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalCalendarMethod } from "ical-generator";
import { stripControlCharacters } from "./text.js";

/**
 * Calendar invitations (.ics, RFC 5545) with ical-generator: local times in Europe/Amsterdam
 * with its VTIMEZONE (from @touch4it/ical-timezones, a zone file that ships with the package),
 * so Outlook, Google and Apple show the right time on either side of a daylight-saving change.
 * Returns bytes; no I/O of its own.
 */

/** The time zone of every invitation: Dutch libraries. */
export const TIME_ZONE = "Europe/Amsterdam";

/** The product that made the file, in the PRODID line. */
const PRODUCT = { company: "idokit", product: "idokit", language: "NL" } as const;

/** SEQUENCE counts minutes from this moment, so a later remake always outranks an earlier one. */
const SEQUENCE_EPOCH = Date.UTC(2024, 0, 1);

export interface CalendarEvent {
  /** Parts that identify the event across remakes (library, location, kind, date). */
  uidParts: readonly string[];
  /** Local date and times: `2027-03-30`, `13:30`, `16:45`. */
  date: string;
  start: string;
  end: string;
  summary: string;
  location: string;
  /** Plain text. */
  description: string;
  organizer?: { name: string; email: string } | undefined;
}

/**
 * The UID: the same for the same event however often the pack is remade, so opening a corrected
 * invitation replaces the earlier one instead of adding a second appointment.
 */
export function calendarUid(parts: readonly string[]): string {
  const hash = createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);
  return `${hash}@idokit`;
}

/** SEQUENCE: minutes since 2024 at the time the pack was made; grows with every remake. */
export function calendarSequence(created: Date): number {
  return Math.max(0, Math.floor((created.getTime() - SEQUENCE_EPOCH) / 60_000));
}

const clean = (text: string): string => stripControlCharacters(text).trim();

/** Renders one event as an .ics file (CRLF lines, folded at 75 octets by the library). */
export function renderCalendar(event: CalendarEvent, created: Date): Uint8Array {
  const calendar = ical({
    prodId: PRODUCT,
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone name: that would write DTSTAMP without its UTC "Z". The generator
    // adds the VTIMEZONE of every zone the events use.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  calendar.createEvent({
    id: calendarUid(event.uidParts),
    sequence: calendarSequence(created),
    stamp: created,
    // Local wall-clock times, written with TZID=Europe/Amsterdam (never floating, never UTC).
    start: `${event.date}T${event.start}:00`,
    end: `${event.date}T${event.end}:00`,
    timezone: TIME_ZONE,
    summary: clean(event.summary),
    location: clean(event.location) || null,
    description: clean(event.description),
    ...(event.organizer
      ? { organizer: { name: clean(event.organizer.name), email: event.organizer.email } }
      : {}),
  });
  // RFC 5545 ends every content line, the last one too, with CRLF; ical-generator leaves the
  // final END:VCALENDAR without it (strict readers then see a truncated file).
  const text = calendar.toString();
  return new TextEncoder().encode(text.endsWith("\r\n") ? text : `${text}\r\n`);
}
