import { spawnSync } from "node:child_process";
import { inCi } from "./ci.js";
import { findPython } from "./python.js";

/**
 * Reads .ics files with an independent parser: Debian's python3-icalendar. One python run for
 * any number of files. Where it is missing on a developer's machine, `icalParser.available` is
 * false and a visible message says so; in CI (`.ci/run` installs it) a missing parser throws.
 */

const PYTHON = findPython("icalendar");
const available = PYTHON !== undefined;
if (!available) {
  const reason = "python3-icalendar ontbreekt (Debian: apt-get install python3-icalendar)";
  if (inCi) throw new Error(`CI: ${reason}. .ci/run installs it.`);
  console.warn(`\n⚠ ${reason}; de .ics-tests worden overgeslagen.\n`);
}

export const icalParser = { available };

/** One VEVENT as python-icalendar reads it; times as ISO strings with their UTC offset. */
export interface ParsedEvent {
  uid: string;
  sequence: number;
  summary: string;
  location: string;
  description: string;
  organizer: string;
  organizerName: string;
  /** Local start and end as the calendar shows them: `2027-03-30T13:30:00+02:00`. */
  start: string;
  end: string;
  tzid: string;
  stamp: string;
  method: string;
  timezones: string[];
}

const SCRIPT = `
import json, sys
from icalendar import Calendar
out = []
for text in json.loads(sys.stdin.read()):
    cal = Calendar.from_ical(text)
    tzs = [str(c.get("TZID")) for c in cal.walk("VTIMEZONE")]
    for ev in cal.walk("VEVENT"):
        start = ev.decoded("DTSTART")
        end = ev.decoded("DTEND")
        org = ev.get("ORGANIZER")
        out.append({
            "uid": str(ev.get("UID")),
            "sequence": int(ev.get("SEQUENCE")),
            "summary": str(ev.get("SUMMARY")),
            "location": str(ev.get("LOCATION", "")),
            "description": str(ev.get("DESCRIPTION", "")),
            "organizer": str(org) if org is not None else "",
            "organizerName": str(org.params.get("CN", "")) if org is not None else "",
            "start": start.isoformat(),
            "end": end.isoformat(),
            "tzid": str(ev["DTSTART"].params.get("TZID", "")),
            "stamp": ev.decoded("DTSTAMP").isoformat(),
            "method": str(cal.get("METHOD", "")),
            "timezones": tzs,
        })
print(json.dumps(out))
`;

/** Parses each calendar text; returns its events in order (one per file here). */
export function parseCalendars(texts: readonly string[]): ParsedEvent[] {
  if (!PYTHON) throw new Error("python3-icalendar is missing");
  const result = spawnSync(PYTHON, ["-c", SCRIPT], {
    input: JSON.stringify(texts),
    encoding: "utf8",
  });
  if (result.status !== 0)
    throw new Error(`python3-icalendar could not read the file:\n${result.stderr}`);
  return JSON.parse(result.stdout) as ParsedEvent[];
}
