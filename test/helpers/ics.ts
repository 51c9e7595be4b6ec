/**
 * The rules of RFC 5545 that calendar programs are strict about, checked on the raw text of an
 * .ics file (an independent parser, python3-icalendar, reads the files too; see icalendar.ts):
 * CRLF line ends, lines of at most 75 octets, folded lines that start with a space, no control
 * characters, TEXT values with `\` `;` `,` and line breaks escaped, and the properties every
 * event needs. Plus `icsText`, the visible text of the invitations, for "the answer is in it".
 */

/** What breaks the calendar; empty when nothing does. */
export function icsProblems(text: string): string[] {
  const problems: string[] = [];
  if (!text.endsWith("\r\n")) problems.push("the file does not end with CRLF");
  const physical = text.split("\r\n");
  if (physical[physical.length - 1] === "") physical.pop();
  physical.forEach((line, i) => {
    const where = `line ${i + 1}`;
    if (line.includes("\n") || line.includes("\r"))
      problems.push(`${where}: a bare LF or CR inside a line`);
    const octets = Buffer.byteLength(line, "utf8");
    if (octets > 75) problems.push(`${where}: ${octets} octets (at most 75)`);
    // eslint-disable-next-line no-control-regex -- control characters are what we look for
    if (/[\u0000-\u0008\u000A-\u001F\u007F]/.test(line))
      problems.push(`${where}: a control character`);
    if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(line))
      problems.push(`${where}: half a character (a lone surrogate)`);
  });
  const lines = unfold(text);
  if (lines[0] !== "BEGIN:VCALENDAR") problems.push("does not start with BEGIN:VCALENDAR");
  if (lines[lines.length - 1] !== "END:VCALENDAR") problems.push("does not end with END:VCALENDAR");
  for (const name of ["VERSION:2.0", "PRODID:"])
    if (!lines.some((l) => l.startsWith(name))) problems.push(`no ${name}`);
  const events = lines.filter((l) => l === "BEGIN:VEVENT").length;
  if (events === 0) problems.push("no event");
  // Inside the events only: a VTIMEZONE has DTSTART lines of its own.
  const inEvents = lines.filter((_l, i) => {
    const before = lines.slice(0, i);
    return before.lastIndexOf("BEGIN:VEVENT") > before.lastIndexOf("END:VEVENT");
  });
  for (const name of ["UID", "DTSTAMP", "DTSTART"]) {
    const count = inEvents.filter((l) => new RegExp(`^${name}[;:]`).test(l)).length;
    if (count !== events) problems.push(`${count} × ${name} for ${events} events`);
  }
  for (const line of lines) {
    const property = /^(SUMMARY|LOCATION|DESCRIPTION|COMMENT)(;[^:]*)?:(.*)$/.exec(line);
    if (property && !/^(?:[^\\;,]|\\[\\;,nN])*$/.test(property[3]!))
      problems.push(`${property[1]}: an unescaped \\ ; or , in ${JSON.stringify(property[3])}`);
  }
  return problems;
}

/** The logical lines: folded lines joined (CRLF followed by a space or tab is removed). */
export function unfold(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((line) => line !== "");
}

/** The visible text of the events: SUMMARY, LOCATION and DESCRIPTION values, unescaped. */
export function icsText(text: string): string {
  return unfold(text)
    .map((line) => /^(?:SUMMARY|LOCATION|DESCRIPTION)(?:;[^:]*)?:(.*)$/.exec(line)?.[1])
    .filter((value): value is string => value !== undefined)
    .map((value) => value.replace(/\\([\\;,nN])/g, (_m, c: string) => (/n/i.test(c) ? "\n" : c)))
    .join("\n");
}
