/**
 * The batch report: one line per spreadsheet row with what happened to it. Pure: builds the
 * `rapport.csv` text and the summary line; the command writes them.
 */

/** What happened to a row. */
export type RowStatus =
  /** The pack was made in this run. */
  | "gemaakt"
  /** `--hervat`: a complete pack for exactly these answers was already there. */
  | "al klaar"
  /** The row has problems, or making its pack failed. */
  | "fout"
  /** An empty row, skipped. */
  | "leeg"
  /** `--strikt` and another row has problems: nothing was made. */
  | "niet gemaakt"
  /** `--proefdraai`: would be made. */
  | "te maken"
  /** Ctrl-C came before this pack was started; `--hervat` makes it. */
  | "afgebroken";

export interface RowReport {
  /** Row number as Excel shows it (the header is row 1). */
  rij: number;
  bibliotheek: string;
  status: RowStatus;
  /** Folder (or zip) name inside the output folder; empty when none. */
  map: string;
  problemen: string[];
  /**
   * Needed columns that are not in the sheet: one problem of the whole sheet, told once (see
   * `BatchResult.kolomProblemen`), and in rapport.csv on every row it stops.
   */
  ontbrekendeKolommen?: string[];
  meldingen: string[];
}

/** How far making the packs has come; `total` counts the packs to make in this run. */
export interface BatchProgress {
  total: number;
  done: number;
  failed: number;
  elapsedMs: number;
}

export interface BatchCounts {
  totaal: number;
  gemaakt: number;
  alKlaar: number;
  fout: number;
  leeg: number;
  nietGemaakt: number;
  afgebroken: number;
}

/** Counts rows per status. `totaal` counts every row, empty ones included. */
export function countRows(rows: readonly RowReport[]): BatchCounts {
  const count = (status: RowStatus): number => rows.filter((row) => row.status === status).length;
  return {
    totaal: rows.length,
    gemaakt: count("gemaakt"),
    alKlaar: count("al klaar"),
    fout: count("fout"),
    leeg: count("leeg"),
    nietGemaakt: count("niet gemaakt"),
    afgebroken: count("afgebroken"),
  };
}

const HEADER = ["Rij", "Bibliotheek", "Status", "Map", "Problemen", "Meldingen"];

/**
 * `rapport.csv` as Dutch Excel opens it with a double click: UTF-8 with a BOM, `;` between
 * fields, CRLF line ends. Several problems in one cell are separated by " | ".
 */
export function buildReportCsv(rows: readonly RowReport[]): string {
  const lines = [
    HEADER,
    ...rows.map((row) => [
      String(row.rij),
      row.bibliotheek,
      row.status,
      row.map,
      [
        ...(row.ontbrekendeKolommen ?? []).map(
          (header) => `kolom "${header}" ontbreekt in het blad`,
        ),
        ...row.problemen,
      ].join(" | "),
      row.meldingen.join(" | "),
    ]),
  ];
  return `\uFEFF${lines.map((fields) => fields.map(csvField).join(";")).join("\r\n")}\r\n`;
}

/**
 * Whether a file's text is a report idokit wrote (its header row), also after Excel or
 * LibreOffice saved it again (without the BOM, with `,` or tabs). Only such a file is replaced by
 * a new report; a `rapport.csv` of the user's own stays as it is.
 */
export function isBatchReport(text: string): boolean {
  const first = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const fields = first.split(/[;,\t]/).map((field) => field.trim().replace(/^"(.*)"$/, "$1"));
  return fields.length === HEADER.length && fields.every((field, i) => field === HEADER[i]);
}

/** Quotes a `;`-separated field when it holds a separator, a quote or a line break. */
export function quoteCsvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A report field: quoted when needed, and a leading = + - @ neutralised with an apostrophe, so
 * Excel never runs a library name as a formula.
 */
export function csvField(value: string): string {
  return quoteCsvField(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

/** One Dutch sentence with the counts: "20 rijen: 15 gemaakt, 3 met fouten, 2 leeg." */
export function formatCounts(counts: BatchCounts): string {
  const parts = [
    counts.gemaakt > 0 || counts.alKlaar + counts.fout === 0 ? `${counts.gemaakt} gemaakt` : "",
    counts.alKlaar > 0 ? `${counts.alKlaar} al klaar` : "",
    counts.fout > 0 ? `${counts.fout} met fouten` : "",
    counts.nietGemaakt > 0 ? `${counts.nietGemaakt} niet gemaakt (--strikt)` : "",
    counts.afgebroken > 0 ? `${counts.afgebroken} nog niet gemaakt (afgebroken)` : "",
    counts.leeg > 0 ? `${counts.leeg} leeg overgeslagen` : "",
  ].filter(Boolean);
  const rows = counts.totaal === 1 ? "1 rij" : `${counts.totaal} rijen`;
  return `${rows}: ${parts.join(", ")}.`;
}
