/**
 * Turns an exceljs cell value into the text the user sees, before the schema converts it. Pure:
 * takes the value and the cell's number format, knows nothing about exceljs itself.
 *
 * - real date cells become ISO dates (read as UTC, as exceljs stores them), time cells `HH:MM`;
 * - numbers stay as typed, and a zero-padded format ("0000000000", a phone number) keeps its zeros;
 * - rich text, hyperlinks and formulas give their text or result; errors give empty text.
 */
export function cellText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value, numFmt);
  if (typeof value === "boolean") return value ? "ja" : "nee";
  if (value instanceof Date) return dateText(value, numFmt);
  if (typeof value === "object") {
    const object = value as Record<string, unknown>;
    if (Array.isArray(object.richText))
      return (object.richText as Array<{ text?: unknown }>)
        .map((run) => (typeof run.text === "string" ? run.text : ""))
        .join("");
    if ("formula" in object || "sharedFormula" in object) return cellText(object.result, numFmt);
    if ("hyperlink" in object) return cellText(object.text, numFmt);
    if ("error" in object) return "";
    if ("text" in object) return cellText(object.text, numFmt);
  }
  return "";
}

function numberText(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return "";
  const padded = numFmt ? /^0+$/.exec(numFmt.trim()) : null;
  if (padded && Number.isInteger(value) && value >= 0)
    return String(value).padStart(padded[0].length, "0");
  // Avoid binary noise (0.1 + 0.2) without rounding what the user typed.
  return String(Number(value.toPrecision(15)));
}

const pad = (n: number): string => String(n).padStart(2, "0");

function dateText(date: Date, numFmt: string | undefined): string {
  if (Number.isNaN(date.getTime())) return "";
  // Sub-second noise from Excel's floating-point days: round to the nearest minute.
  const rounded = new Date(Math.round(date.getTime() / 60_000) * 60_000);
  const iso = `${rounded.getUTCFullYear()}-${pad(rounded.getUTCMonth() + 1)}-${pad(rounded.getUTCDate())}`;
  const time = `${pad(rounded.getUTCHours())}:${pad(rounded.getUTCMinutes())}`;
  const format = (numFmt ?? "").replace(/\[[^\]]*]|"[^"]*"/g, "");
  const hasDate = /[dy]/i.test(format) || (/m/i.test(format) && !/[hs]/i.test(format));
  const hasTime = /[hs]/i.test(format);
  // Excel's day zero (30-12-1899) or before means "only a time".
  const timeOnly = rounded.getUTCFullYear() < 1900;
  if ((hasTime && !hasDate) || timeOnly) return time;
  if (hasDate && !hasTime) return iso;
  return time === "00:00" ? iso : `${iso} ${time}`;
}
