import { dirname } from "node:path";
import { fileInspector } from "../answers/load.js";
import { loadVocabulary } from "../domain/load-vocabulary.js";
import type { Problem } from "../errors.js";
import { getPath, type QuestionContext } from "../questions/define.js";
import { matchHeaders } from "./columns.js";
import { loadPackKind, type PackKindId } from "./kinds.js";
import { checkRow, type RowCheck } from "./rows.js";
import { packAnswers, type PackedAnswers } from "./packed-answers.js";
import { duplicateRows, isEmptyRow, type SheetTable } from "./table.js";

/**
 * Checking every row of a sheet against its pack kind's questions, where the sheet is read: in
 * the reading thread, whose memory is all returned when it ends. Only the outcome crosses to the
 * main thread (the answers of each valid row, the problems, the names), not the cells: a batch of
 * 1,000 rows then keeps its main thread about as small as one of 100.
 */

/** What the reading thread needs to check the rows. Plain data: it crosses a thread boundary. */
export interface SheetCheckSetup {
  kind: PackKindId;
  today: string;
  /** The common values (`--antwoorden`), checked already, beneath every row. */
  defaults?: { data: Record<string, unknown>; name: string } | undefined;
}

/** One row's outcome, without the draft it was read from. */
export type CheckedRow = Omit<RowCheck, "draft" | "answers"> & {
  /** The validated answers, packed (see `packAnswers`); absent when the row has problems. */
  answers?: PackedAnswers;
  /** The parts of the row's folder name (library, location, date), even for an invalid row. */
  folderParts: string[];
  /** The library the row is for, as typed; "" when the cell is empty. */
  library: string;
};

/** How the sheet's columns matched the questions. */
export interface ColumnSummary {
  problems: Problem[];
  warnings: string[];
  /** Per column of the sheet: true when it belongs to a question. */
  matched: boolean[];
}

/** A sheet read and checked: its headers, every row's outcome and the exact copies. */
export interface CheckedSheet {
  source: string;
  headers: string[];
  notices: string[];
  columns: ColumnSummary;
  /** Per row, in sheet order: its number as Excel shows it, and its check (none when empty). */
  rows: Array<{ number: number; check: CheckedRow | undefined }>;
  /** Row number → the number of the earlier row it is an exact copy of. */
  copies: Array<[row: number, first: number]>;
}

/**
 * Checks every row of `table`. When the columns themselves are wrong (a duplicate column, none
 * that belongs to the pack) no row is checked: the batch refuses the sheet as a whole.
 */
export async function checkSheet(
  table: SheetTable,
  file: string,
  setup: SheetCheckSetup,
): Promise<CheckedSheet> {
  const kind = (await loadPackKind(setup.kind))!;
  const match = matchHeaders(table, kind.schema);
  const columns: ColumnSummary = {
    problems: match.problems,
    warnings: match.warnings,
    matched: match.columns.map((spec) => spec !== undefined),
  };
  const usable = match.problems.length === 0 && match.columns.some(Boolean);
  const ctx: QuestionContext = {
    today: setup.today,
    vocabulary: loadVocabulary(),
    mode: "file",
    inspectFile: memoize(fileInspector(dirname(file))),
  };
  const rows = table.rows.map((row) => {
    if (!usable || isEmptyRow(row)) return { number: row.number, check: undefined };
    const { draft, answers, ...check } = checkRow({
      schema: kind.schema,
      row,
      match,
      defaults: setup.defaults?.data,
      defaultsFile: setup.defaults?.name,
      ctx,
    });
    const library = getPath(draft, kind.libraryKey);
    return {
      number: row.number,
      check: {
        ...check,
        ...(answers === undefined ? {} : { answers: packAnswers(answers) }),
        folderParts: kind.folderParts(draft),
        library: typeof library === "string" ? library : "",
      },
    };
  });
  return {
    source: table.source,
    headers: table.headers,
    notices: table.notices,
    columns,
    rows,
    copies: [...duplicateRows(table.rows)],
  };
}

/** Asks the file system once per path: the same logo in 1,000 rows is one look. */
function memoize(
  inspect: (path: string) => string | undefined,
): (path: string) => string | undefined {
  const known = new Map<string, string | undefined>();
  return (path) => {
    if (!known.has(path)) known.set(path, inspect(path));
    return known.get(path);
  };
}
