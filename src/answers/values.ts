import { z } from "zod";
import { MONTHS } from "../domain/format.js";
import { stripControlCharacters } from "../domain/text.js";
import type { Choice } from "../questions/define.js";

/**
 * Conversion of raw input (typed text, YAML scalars, spreadsheet cells) into normalised answer
 * values. Every function returns either `{ value }` or `{ error }` with a Dutch message that says
 * what to do; none throws.
 */
export type Converted<T> = { value: T; error?: undefined } | { error: string; value?: undefined };

const ok = <T>(value: T): Converted<T> => ({ value });
const fail = (error: string): Converted<never> => ({ error });

/** Removes control characters and lone surrogates; normalises to NFC. Keeps tabs and newlines. */
export function stripControl(text: string): string {
  return stripControlCharacters(text).normalize("NFC");
}

/** Single-line text: control characters removed, all whitespace runs collapsed, trimmed. */
export function cleanLine(text: string): string {
  return stripControl(text).replace(/\s+/g, " ").trim();
}

/** Multi-line text: control characters removed, trailing spaces and blank-line runs tidied. */
export function cleanBlock(text: string): string {
  return stripControl(text)
    .replace(/\t/g, " ")
    .split("\n")
    .map((line) => line.replace(/ +/g, " ").trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** True for undefined, null, empty or whitespace-only strings and empty arrays. */
export function isBlank(raw: unknown): boolean {
  if (raw === undefined || raw === null) return true;
  if (typeof raw === "string") return cleanLine(raw) === "";
  if (Array.isArray(raw)) return raw.every(isBlank);
  return false;
}

function asText(raw: unknown): string | undefined {
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  if (typeof raw === "boolean") return raw ? "ja" : "nee";
  return undefined;
}

export function toText(raw: unknown, maxLength = 200): Converted<string> {
  const text = asText(raw);
  if (text === undefined) return fail("moet tekst zijn.");
  const value = cleanLine(text);
  if (value.length > maxLength)
    return fail(`is te lang (${value.length} tekens; maximaal ${maxLength}). Kort het in.`);
  return ok(value);
}

export function toTextarea(raw: unknown, maxLength = 2000): Converted<string> {
  const text = asText(raw);
  if (text === undefined) return fail("moet tekst zijn.");
  const value = cleanBlock(text);
  if (value.length > maxLength)
    return fail(`is te lang (${value.length} tekens; maximaal ${maxLength}). Kort het in.`);
  return ok(value);
}

const emailSchema = z.email();

export function toEmail(raw: unknown): Converted<string> {
  const text = toText(raw);
  if (text.error !== undefined) return text;
  if (!emailSchema.safeParse(text.value).success)
    return fail(`"${text.value}" is geen geldig e-mailadres. Gebruik de vorm naam@organisatie.nl.`);
  return ok(text.value);
}

export function toPhone(raw: unknown): Converted<string> {
  const text = toText(raw, 40);
  if (text.error !== undefined) return text;
  const digits = text.value.replace(/\D/g, "");
  if (!/^[+0-9][0-9 ()-]*$/.test(text.value) || digits.length < 8 || digits.length > 15)
    return fail(
      `"${text.value}" is geen geldig telefoonnummer. Bijvoorbeeld: 0345 123 456 of +31 6 12345678.`,
    );
  return ok(text.value);
}

export function toInteger(raw: unknown, min?: number, max?: number): Converted<number> {
  const text =
    typeof raw === "number" ? String(raw) : typeof raw === "string" ? cleanLine(raw) : undefined;
  if (text === undefined || !/^-?\d+$/.test(text))
    return fail(`"${String(raw)}" is geen heel getal.`);
  const value = Number(text);
  if (min !== undefined && value < min) return fail(`${value} is te klein; het minimum is ${min}.`);
  if (max !== undefined && value > max) return fail(`${value} is te groot; het maximum is ${max}.`);
  return ok(value);
}

/** ISO date for a year, month (1–12) and day, or undefined when the date does not exist. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2200) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return undefined;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Parses a date as Dutch users write it: `13-03-2027`, `13-3-27`, `13/03/2027`, `13.03.2027`,
 * `2027-03-13`, `13 maart 2027`, or a Date (from a spreadsheet cell, read as UTC).
 */
export function toDate(raw: unknown): Converted<string> {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return fail("is geen geldige datum.");
    return ok(isoDate(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate())!);
  }
  const text = asText(raw);
  if (text === undefined)
    return fail("moet een datum zijn. Gebruik dd-mm-jjjj, bijvoorbeeld 13-03-2027.");
  const value = cleanLine(text).toLowerCase();
  let parts: [number, number, number] | undefined;
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(value);
  if (dmy) {
    const year = dmy[3]!.length === 2 ? 2000 + Number(dmy[3]) : Number(dmy[3]);
    parts = [year, Number(dmy[2]), Number(dmy[1])];
  }
  const written = /^(?:[a-z]+dag\s+)?(\d{1,2})\s+([a-z]+)\s+(\d{4})$/.exec(value);
  if (written) {
    const month = MONTHS.indexOf(written[2]!) + 1;
    if (month > 0) parts = [Number(written[3]), month, Number(written[1])];
  }
  if (!parts)
    return fail(
      `"${text.trim()}" is geen datum die ik herken. Gebruik dd-mm-jjjj, bijvoorbeeld 13-03-2027.`,
    );
  const iso = isoDate(...parts);
  if (!iso)
    return fail(
      `"${text.trim()}" bestaat niet als datum. Gebruik dd-mm-jjjj, bijvoorbeeld 13-03-2027.`,
    );
  return ok(iso);
}

/**
 * Parses a clock time: `13:30`, `13.30`, `13u30`, `9:05`, `9`, a YAML number such as 13.3
 * (what `starttijd: 13.30` becomes), or a Date whose UTC time is the time (spreadsheet cell).
 */
export function toTime(raw: unknown): Converted<string> {
  let hours: number;
  let minutes: number;
  if (raw instanceof Date) {
    hours = raw.getUTCHours();
    minutes = raw.getUTCMinutes();
  } else {
    const text =
      typeof raw === "number"
        ? raw.toFixed(2)
        : typeof raw === "string"
          ? cleanLine(raw)
          : undefined;
    const match =
      text === undefined ? null : /^(\d{1,2})(?:\s*[:.u]\s*(\d{1,2}))?(?:\s*uur)?$/i.exec(text);
    if (!match)
      return fail(
        `"${String(raw)}" is geen tijd die ik herken. Gebruik uu:mm, bijvoorbeeld 13:30.`,
      );
    hours = Number(match[1]);
    minutes =
      match[2] === undefined ? 0 : match[2].length === 1 ? Number(match[2]) * 10 : Number(match[2]);
  }
  if (hours > 23 || minutes > 59)
    return fail(`"${String(raw)}" bestaat niet als tijd. Gebruik uu:mm, bijvoorbeeld 13:30.`);
  return ok(`${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`);
}

/** Minutes since midnight of an `HH:MM` time. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return h! * 60 + m!;
}

/** `HH:MM` of minutes since midnight. */
export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Adds days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d! + days));
  return date.toISOString().slice(0, 10);
}

const fold = (text: string): string =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");

/** Matches one choice by value or label, forgiving case, accents, spaces and punctuation. */
export function toChoice(raw: unknown, choices: readonly Choice[]): Converted<string> {
  const text = asText(raw);
  if (text !== undefined) {
    const wanted = fold(text);
    const found =
      choices.find((c) => fold(c.value) === wanted || fold(c.label) === wanted) ??
      // Labels may carry an explanation ("Probiblio (Noord-Holland …)"): accept the part before it.
      choices.find((c) => fold(c.label.split(/[(:]/)[0] ?? "") === wanted);
    if (found) return ok(found.value);
  }
  const list = choices.map((c) => c.value).join(", ");
  return fail(`"${String(raw)}" is geen van de mogelijke keuzes. Kies uit: ${list}.`);
}

/** Splits a list given as text on `;`, `,` or new lines; arrays are taken as they are. */
export function splitList(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw;
  const text = asText(raw);
  if (text === undefined) return [raw];
  return text.split(/[;,\n]/).filter((part) => cleanLine(part) !== "");
}

export function toMulti(raw: unknown, choices: readonly Choice[]): Converted<string[]> {
  const values: string[] = [];
  const wrong: string[] = [];
  for (const item of splitList(raw)) {
    const choice = toChoice(item, choices);
    if (choice.error !== undefined) wrong.push(`"${cleanLine(String(item))}"`);
    else if (!values.includes(choice.value)) values.push(choice.value);
  }
  if (wrong.length > 0) {
    const list = choices.map((c) => c.value).join(", ");
    return fail(
      `${wrong.join(", ")} ${wrong.length === 1 ? "is geen" : "zijn geen"} geldige keuze. Kies uit: ${list}.`,
    );
  }
  return ok(values);
}

export function toTextList(raw: unknown, maxLength = 300): Converted<string[]> {
  const values: string[] = [];
  for (const item of Array.isArray(raw) ? raw : splitTextList(raw)) {
    const text = toText(item, maxLength);
    if (text.error !== undefined) return text;
    if (text.value !== "") values.push(text.value);
  }
  return ok(values);
}

// Free-text items may contain commas ("bellen, dan mailen"), so text lists split on ; and new lines only.
function splitTextList(raw: unknown): unknown[] {
  const text = asText(raw);
  return text === undefined ? [raw] : text.split(/[;\n]/);
}

const YES = new Set(["ja", "j", "yes", "y", "true", "waar", "1", "x"]);
const NO = new Set(["nee", "n", "no", "false", "onwaar", "0", ""]);

export function toConfirm(raw: unknown): Converted<boolean> {
  if (typeof raw === "boolean") return ok(raw);
  const text = asText(raw);
  const folded = text === undefined ? undefined : fold(text);
  if (folded !== undefined && YES.has(folded)) return ok(true);
  if (folded !== undefined && NO.has(folded)) return ok(false);
  return fail(`"${String(raw)}" is geen ja of nee.`);
}

export function toColor(raw: unknown): Converted<string> {
  const text = asText(raw);
  const value = text === undefined ? "" : cleanLine(text).replace(/^#/, "");
  if (/^[0-9a-f]{6}$/i.test(value)) return ok(value.toUpperCase());
  if (/^[0-9a-f]{3}$/i.test(value))
    return ok(
      value
        .split("")
        .map((c) => c + c)
        .join("")
        .toUpperCase(),
    );
  return fail(
    `"${String(raw)}" is geen kleur in hex. Gebruik zes tekens na een #, bijvoorbeeld #1F4E79.`,
  );
}
