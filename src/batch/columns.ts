import { editDistance } from "../answers/validate.js";
import type { Problem } from "../errors.js";
import {
  columnOf,
  listQuestions,
  type Question,
  type QuestionBase,
  type SchemaNode,
} from "../questions/define.js";
import { columnLetter, type SheetTable } from "./table.js";

type Schema = { readonly [key: string]: SchemaNode };

/** How many items of a list question (local partners) the empty spreadsheet offers columns for. */
export const ITEM_COLUMNS = 5;

/** One spreadsheet column and the answer it feeds. */
export interface ColumnSpec {
  /** The header as idokit writes it in the empty spreadsheet. */
  header: string;
  /** Dotted answer key; for a list item, the key of the list. */
  key: string;
  /** The question; for a list item, the item's field. */
  question: QuestionBase;
  /** For list items: which item (1-based) and which field. */
  item?: { list: Question; index: number; field: string };
}

/**
 * Folds a header for comparison: accents, case, spaces and punctuation do not count, so
 * "e-mail Kartrekker", "E-mail kartrekker " and "EMAIL KARTREKKER" are the same column.
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

/**
 * The header prefix of one item of a list question: "Lokale partners" → "Lokale partner", so the
 * columns read "Lokale partner 1 naam", "Lokale partner 1 soort", ….
 */
export function itemPrefix(list: QuestionBase): string {
  const column = columnOf(list);
  // Dutch plurals of our list columns end in -s ("partners"); an -en plural stays as it is.
  return /[^s]s$/.test(column) ? column.slice(0, -1) : column;
}

/** The header of one field of one list item: "Lokale partner 2 soort". */
export function itemHeader(list: QuestionBase, index: number, field: string): string {
  return `${itemPrefix(list)} ${index} ${field}`;
}

/**
 * Every column of a schema in asking order, as the empty spreadsheet lays them out: one per
 * question, and for a list question `items` groups of one column per field.
 */
export function schemaColumns(schema: Schema, items = ITEM_COLUMNS): ColumnSpec[] {
  const columns: ColumnSpec[] = [];
  for (const question of listQuestions(schema)) {
    if (question.kind !== "list") {
      columns.push({ header: columnOf(question), key: question.key, question });
      continue;
    }
    const count = Math.min(items, question.max ?? items);
    for (let index = 1; index <= count; index++)
      for (const [field, fieldQuestion] of Object.entries(question.fields ?? {}))
        columns.push({
          header: itemHeader(question, index, field),
          key: question.key,
          question: fieldQuestion,
          item: { list: question, index, field },
        });
  }
  return columns;
}

/** What the header row of a sheet means. */
export interface HeaderMatch {
  /** Per sheet column (same index as the headers): the column it is, or undefined (ignored). */
  columns: Array<ColumnSpec | undefined>;
  /** Unknown and ignored columns, with a suggestion where one is close. */
  warnings: string[];
  /** Columns that make the whole sheet unreadable (the same question twice). */
  problems: Problem[];
}

interface ListPattern {
  list: Question;
  pattern: RegExp;
  fields: Map<string, string>;
}

function listPattern(list: Question): ListPattern {
  const prefixes = new Set(
    [itemPrefix(list), columnOf(list), list.label, list.key.split(".").pop() ?? ""]
      .map(normalizeHeader)
      .filter(Boolean),
  );
  const fields = new Map<string, string>();
  for (const [name, field] of Object.entries(list.fields ?? {}))
    for (const alias of [name, field.label, columnOf(field)])
      if (!fields.has(normalizeHeader(alias))) fields.set(normalizeHeader(alias), name);
  // Normalised headers hold only [a-z0-9], so they are safe inside a pattern.
  const pattern = new RegExp(
    `^(?:${[...prefixes].join("|")})(\\d+)(${[...fields.keys()].sort((a, b) => b.length - a.length).join("|")})$`,
  );
  return { list, pattern, fields };
}

/**
 * Matches the header row of a sheet to the schema's columns, forgiving case, spaces, punctuation
 * and accents. A column may also be named by its question label or its answer key
 * (`training.datum`). Unknown columns are ignored with a warning ("bedoelde je …?"); a question
 * given in two columns is a problem, because idokit cannot know which one counts.
 */
export function matchHeaders(table: SheetTable, schema: Schema): HeaderMatch {
  const questions = listQuestions(schema);
  const byName = new Map<string, ColumnSpec>();
  const known: string[] = [];
  for (const question of questions) {
    if (question.kind === "list") continue;
    const spec: ColumnSpec = { header: columnOf(question), key: question.key, question };
    known.push(spec.header);
    for (const alias of [columnOf(question), question.label, question.key]) {
      const name = normalizeHeader(alias);
      if (name && !byName.has(name)) byName.set(name, spec);
    }
  }
  const lists = questions.filter((q) => q.kind === "list").map(listPattern);
  for (const { list } of lists)
    for (const field of Object.keys(list.fields ?? {})) known.push(itemHeader(list, 1, field));

  const hasData = (index: number): boolean =>
    table.rows.some((row) => (row.cells[index] ?? "").trim() !== "");
  const columns: Array<ColumnSpec | undefined> = [];
  const warnings: string[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();

  table.headers.forEach((header, index) => {
    const letter = columnLetter(index);
    const name = normalizeHeader(header);
    const listMatch = byName.has(name) ? undefined : matchListColumn(name, lists, header, letter);
    const spec = byName.get(name) ?? (typeof listMatch === "object" ? listMatch : undefined);
    columns.push(spec);
    if (spec) {
      const id = spec.item ? `${spec.key}[${spec.item.index}].${spec.item.field}` : spec.key;
      const first = seen.get(id);
      if (first !== undefined)
        problems.push({
          where: `kolom ${columnLetter(first)} en ${letter}`,
          message: `"${table.headers[first]}" en "${header}" zijn dezelfde kolom (${spec.header}). Houd er één over.`,
        });
      else seen.set(id, index);
      return;
    }
    if (name === "") {
      if (hasData(index))
        warnings.push(`Kolom ${letter} heeft geen kolomnaam in rij 1 en wordt overgeslagen.`);
      return;
    }
    if (typeof listMatch === "string") {
      warnings.push(listMatch);
      return;
    }
    const guess = closest(name, known);
    warnings.push(
      `Kolom "${header.trim()}" (${letter}) kent idokit niet en wordt overgeslagen.${guess ? ` Bedoelde je "${guess}"?` : ""}`,
    );
  });
  return { columns, warnings, problems };
}

/** A list item column, a warning why a list-like column is skipped, or nothing. */
function matchListColumn(
  name: string,
  lists: readonly ListPattern[],
  header: string,
  letter: string,
): ColumnSpec | string | undefined {
  for (const { list, pattern, fields } of lists) {
    if ([columnOf(list), list.label].map(normalizeHeader).includes(name)) {
      const first = Object.keys(list.fields ?? {}).map((f) => `"${itemHeader(list, 1, f)}"`);
      return `Kolom "${header.trim()}" (${letter}) wordt overgeslagen: geef elke ${itemPrefix(list).toLowerCase()} in eigen kolommen, zoals ${first.join(", ")} (zie het blad Uitleg van het sjabloon).`;
    }
    const match = pattern.exec(name);
    if (!match) continue;
    const index = Number(match[1]);
    const field = fields.get(match[2]!)!;
    const max = list.max ?? Infinity;
    if (index < 1 || index > max)
      return `Kolom "${header.trim()}" (${letter}) wordt overgeslagen: nummer ${index} kan niet, het gaat van 1 tot en met ${max}.`;
    return {
      header: itemHeader(list, index, field),
      key: list.key,
      question: list.fields![field]!,
      item: { list, index, field },
    };
  }
  return undefined;
}

function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(name, normalizeHeader(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * One problem per needed column that is not in the sheet, instead of one per row: which rows
 * miss it, and the unknown column that is probably it, misspelled ("Kartreker" for
 * "Kartrekker"). Returns the problems and the sheet columns they name, whose own "kent idokit
 * niet" warning would say the same thing twice.
 */
export function missingColumnProblems(
  table: Pick<SheetTable, "headers">,
  /** Per column of the sheet: true when it belongs to a question. */
  matched: readonly boolean[],
  rows: ReadonlyArray<{ number: number; missingColumns: readonly string[] }>,
  filled: number,
): { problems: Problem[]; named: Set<number> } {
  const byColumn = new Map<string, number[]>();
  for (const row of rows)
    for (const header of row.missingColumns)
      byColumn.set(header, [...(byColumn.get(header) ?? []), row.number]);
  const unknown = table.headers
    .map((header, index) => ({ header: header.trim(), index }))
    .filter(({ header, index }) => header !== "" && !matched[index]);
  const named = new Set<number>();
  const problems: Problem[] = [];
  for (const [header, numbers] of byColumn) {
    const guess = unknown.find(
      ({ header: candidate, index }) =>
        !named.has(index) && closest(normalizeHeader(candidate), [header]) !== undefined,
    );
    if (guess) named.add(guess.index);
    const which =
      numbers.length === filled
        ? filled === 1
          ? "de rij mist"
          : `alle ${filled} rijen missen`
        : `${numbers.length === 1 ? "rij" : "rijen"} ${listNumbers(numbers)} ${numbers.length === 1 ? "mist" : "missen"}`;
    problems.push({
      where: `Kolom "${header}"`,
      message: guess
        ? `staat niet in het blad, dus ${which} dit antwoord. Kolom ${columnLetter(guess.index)} heet "${guess.header}": bedoelde je "${header}"? Geef kolom ${columnLetter(guess.index)} die naam en start opnieuw.`
        : `staat niet in het blad, dus ${which} dit antwoord. Voeg de kolom toe, of geef één waarde voor alle rijen met --antwoorden.`,
    });
  }
  return { problems, named };
}

/** "2, 3 en 7"; long lists end in "en nog 12". */
function listNumbers(numbers: readonly number[]): string {
  const shown = numbers.slice(0, 8).map(String);
  if (numbers.length > shown.length) return `${shown.join(", ")} en nog ${numbers.length - 8}`;
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(", ")} en ${shown.at(-1)}`;
}
