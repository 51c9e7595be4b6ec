import { convertAnswer, suggest, validateAnswers, type Validation } from "../answers/validate.js";
import { cleanLine, isBlank } from "../answers/values.js";
import type { Problem } from "../errors.js";
import {
  columnOf,
  getPath,
  isQuestion,
  listQuestions,
  setPath,
  type Draft,
  type Question,
  type QuestionContext,
  type SchemaNode,
} from "../questions/define.js";
import { itemHeader, type ColumnSpec, type HeaderMatch } from "./columns.js";
import type { SheetRow } from "./table.js";

type Schema = { readonly [key: string]: SchemaNode };

/** The answers one row gives, and which cell each came from. */
export interface RowAnswers {
  /** Nested raw answers from the row's non-empty cells only. */
  raw: Record<string, unknown>;
  /** Per answer key (`training.datum`, `partners.lokaal[2].naam`): the column and the cell text. */
  cells: Map<string, { header: string; value: string }>;
  warnings: string[];
}

/**
 * Reads one row into raw answers: each non-empty cell under the key of its column. Cells of list
 * items (local partners) become a list in column order, skipping items whose cells are all empty.
 */
export function readRowAnswers(row: SheetRow, match: HeaderMatch): RowAnswers {
  const raw: Record<string, unknown> = {};
  const cells = new Map<string, { header: string; value: string }>();
  const warnings: string[] = [];
  const items = new Map<string, Map<number, Map<string, { header: string; value: string }>>>();

  match.columns.forEach((spec, index) => {
    const original = row.cells[index] ?? "";
    if (!spec || isBlank(original)) return;
    const value = repairCell(spec, original, row.number, warnings);
    if (!spec.item) {
      setPath(raw, spec.key, value);
      cells.set(spec.key, { header: spec.header, value });
      return;
    }
    const list =
      items.get(spec.key) ?? new Map<number, Map<string, { header: string; value: string }>>();
    items.set(spec.key, list);
    const item = list.get(spec.item.index) ?? new Map<string, { header: string; value: string }>();
    list.set(spec.item.index, item);
    item.set(spec.item.field, { header: spec.header, value });
  });

  for (const [key, list] of items) {
    const ordered = [...list.entries()].sort(([a], [b]) => a - b);
    const values = ordered.map(([, item], position) => {
      const record: Record<string, string> = {};
      for (const [field, cell] of item) {
        record[field] = cell.value;
        // Same location validateAnswers uses for list items: `key[position].field`.
        cells.set(`${key}[${position + 1}].${field}`, cell);
      }
      return record;
    });
    setPath(raw, key, values);
  }
  return { raw, cells, warnings };
}

/** Excel's day 0: serial 1 is 1 January 1900 (with Excel's leap day 1900 counted). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date or time as Excel stores it, a number, where the cell lost its format (copied into a
 * text column, exported by another program): 46055 is 2 February 2026, 0.5625 is 13:30. Only
 * serials of the years 2000–2099 count as dates; anything else stays as typed.
 */
export function fromExcelSerial(kind: "date" | "time", text: string): string | undefined {
  const value = text.trim().replace(",", ".");
  if (kind === "date" && /^\d{5}(?:\.0+)?$/.test(value)) {
    const serial = Number(value);
    if (serial < 36526 || serial > 73050) return undefined;
    return new Date(EXCEL_EPOCH + serial * 86_400_000).toISOString().slice(0, 10);
  }
  if (kind === "time" && /^0?\.\d+$/.test(value)) {
    const minutes = Math.round(Number(value) * 24 * 60);
    if (minutes >= 24 * 60) return undefined;
    return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  }
  return undefined;
}

/** Undoes what Excel does to some values before they reach the schema. */
function repairCell(spec: ColumnSpec, value: string, row: number, warnings: string[]): string {
  const kind = spec.question.kind;
  if (kind === "date" || kind === "time") {
    const repaired = fromExcelSerial(kind, value);
    if (repaired !== undefined) {
      const shown = kind === "date" ? repaired.split("-").reverse().join("-") : repaired;
      warnings.push(
        `Rij ${row}, kolom "${spec.header}": "${value.trim()}" gelezen als ${shown} (een Excel-${kind === "date" ? "datum" : "tijd"} zonder opmaak; geef de kolom de opmaak ${kind === "date" ? "Datum" : "Tijd"}).`,
      );
      return repaired;
    }
  }
  // A phone number typed into a number cell loses its leading zero: 0345123456 → 345123456.
  if (spec.question.kind === "phone" && /^[1-9]\d{8}$/.test(value.trim())) {
    const repaired = `0${value.trim()}`;
    warnings.push(
      `Rij ${row}, kolom "${spec.header}": "${value.trim()}" gelezen als ${repaired} (Excel haalt de voorloopnul weg; maak de kolom een tekstkolom).`,
    );
    return repaired;
  }
  return value;
}

/**
 * Lays a row's answers over the values common to all rows (`--antwoorden`): a non-empty cell wins;
 * a list given in the row replaces the common list as a whole.
 */
export function mergeAnswers(
  defaults: Record<string, unknown> | undefined,
  row: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = defaults ? structuredClone(defaults) : {};
  const lay = (target: Record<string, unknown>, source: Record<string, unknown>): void => {
    for (const [key, value] of Object.entries(source)) {
      const current = target[key];
      if (isPlainObject(value) && isPlainObject(current)) lay(current, value);
      else target[key] = value;
    }
  };
  lay(merged, row);
  return merged;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Checks the common values (`--antwoorden`) on their own, before any row: unknown keys and values
 * that cannot be right whatever a row says. Every problem is located by file and key.
 */
export function checkDefaults(
  schema: Schema,
  defaults: unknown,
  ctx: QuestionContext,
  file: string,
): Problem[] {
  const problems: Problem[] = [];
  if (defaults === undefined || defaults === null) return problems;
  const walk = (node: Schema, data: unknown, path: string): void => {
    if (!isPlainObject(data)) {
      problems.push({
        where: `${file}${path ? `, ${path}` : ""}`,
        message: "moet een groep velden zijn (sleutel: waarde), geen losse waarde of lijst.",
      });
      return;
    }
    for (const [name, value] of Object.entries(data)) {
      const key = path ? `${path}.${name}` : name;
      const child = node[name];
      if (child === undefined) {
        const guess = suggest(name, Object.keys(node));
        problems.push({
          where: `${file}, ${key}`,
          message: `onbekend veld.${guess ? ` Bedoelde je "${path ? `${path}.` : ""}${guess}"?` : ""}`,
        });
      } else if (!isQuestion(child)) {
        walk(child, value, key);
      } else if (!isBlank(value) && child.kind !== "list") {
        // Checks that depend on other answers (times, dates) wait for the row; the form is checked now.
        const converted = convertAnswer(child, value, {}, ctx);
        if (converted.error !== undefined)
          problems.push({ where: `${file}, ${key}`, message: converted.error });
      }
    }
  };
  walk(schema, defaults, "");
  return problems;
}

/** The outcome of checking one row. */
export interface RowCheck {
  number: number;
  /** The validated answers; absent when the row has problems. */
  answers?: unknown;
  /** Whatever could be read (for the folder name and the library of an invalid row). */
  draft: Draft;
  problems: Problem[];
  /** Headers of needed columns that are not in the sheet (see `missingColumnProblems`). */
  missingColumns: string[];
  warnings: Problem[];
}

/**
 * Validates one row against the schema, with the common values beneath it. Every problem names
 * the row as Excel numbers it, the column and the value: `Rij 7, kolom "Datum training":
 * "31-02-2027" bestaat niet als datum. …`. A problem in a common value names the answers file.
 */
export function checkRow(options: {
  schema: Schema;
  row: SheetRow;
  match: HeaderMatch;
  defaults?: Record<string, unknown> | undefined;
  defaultsFile?: string | undefined;
  ctx: QuestionContext;
}): RowCheck {
  const { schema, row, match, ctx } = options;
  const read = readRowAnswers(row, match);
  const merged = mergeAnswers(options.defaults, read.raw);
  const validation = validateAnswers(schema, merged, ctx);
  const locate = locator(options, read);
  // A column that is not in the sheet at all is one problem of the sheet, said once by the
  // batch (with the closest header), not once per row: the row only notes which ones.
  const missingColumns: string[] = [];
  const problems: Problem[] = [
    ...validation.problems.map((problem) => locate(problem.where, problem.message)),
    ...relevantMissing(validation).flatMap((question) => {
      if (!match.columns.some((spec) => spec?.key === question.key)) {
        missingColumns.push(columnOf(question));
        return [];
      }
      const example = question.example ? ` Bijvoorbeeld: ${question.example}` : "";
      return [
        {
          where: `Rij ${row.number}, kolom "${columnOf(question)}"`,
          message: `is leeg; vul dit in.${example}`,
        },
      ];
    }),
  ];
  const warnings: Problem[] = [
    ...read.warnings.map((message) => ({ where: `Rij ${row.number}`, message })),
    ...validation.warnings.map((warning) => locate(warning.where, warning.message)),
  ];
  return {
    number: row.number,
    ...(validation.answers ? { answers: validation.answers } : {}),
    draft: validation.draft,
    problems,
    missingColumns,
    warnings,
  };
}

/**
 * Missing answers worth reporting. A question with a computed default is missing only because
 * what it is computed from is wrong or missing (no voorbespreking date without a training date);
 * while anything else is reported, saying so too would only send the user to the wrong cell.
 */
function relevantMissing(validation: Validation<unknown>): Question[] {
  const plain = validation.missing.filter((question) => !question.default);
  return validation.problems.length > 0 || plain.length > 0 ? plain : validation.missing;
}

/** Turns a problem located by answer key into one located by row, column and value. */
function locator(
  options: {
    schema: Schema;
    row: SheetRow;
    defaults?: Record<string, unknown> | undefined;
    defaultsFile?: string | undefined;
  },
  read: RowAnswers,
): (key: string, message: string) => Problem {
  const questions = new Map(listQuestions(options.schema).map((q) => [q.key, q]));
  return (key, message) => {
    const rowLabel = `Rij ${options.row.number}`;
    const item = /^(.+)\[(\d+)\]\.(\w+)$/.exec(key);
    const question = questions.get(item ? item[1]! : key);
    const label = item ? question?.fields?.[item[3]!]?.label : question?.label;
    const text =
      label && message.startsWith(`${label}: `) ? message.slice(label.length + 2) : message;
    const cell = read.cells.get(key);
    if (cell) {
      const value = cleanLine(cell.value);
      // Conversion messages quote the value already; other checks get it beside the column.
      const shown = text.includes(`"${value}"`) || value.length > 60 ? "" : ` ("${value}")`;
      return { where: `${rowLabel}, kolom "${cell.header}"${shown}`, message: text };
    }
    const listKey = item ? item[1]! : key;
    const fromRow = [...read.cells.keys()].some((k) => k.startsWith(`${listKey}[`));
    if (options.defaultsFile && !fromRow && !isBlank(getPath(options.defaults, listKey)))
      return { where: `${rowLabel}, ${options.defaultsFile} (${key})`, message: text };
    if (question?.kind === "list")
      return {
        where: `${rowLabel}, kolommen "${itemHeader(question, 1, Object.keys(question.fields ?? {})[0] ?? "")}" enz.`,
        message: text,
      };
    return {
      where: question ? `${rowLabel}, kolom "${columnOf(question)}"` : rowLabel,
      message: text,
    };
  };
}
