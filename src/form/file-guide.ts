/**
 * What each file of a pack is for, as the pack itself says it: the table "Bestand | Voor wie |
 * Waarvoor | Printen" of its LEESMIJ.html. The form shows that table rather than a second,
 * hand-written description that would drift from the pack. Pure.
 */

/** One row of the pack's own file table. */
export interface FileGuide {
  /** The file name(s) as the LEESMIJ writes them ("logo.png of logo.jpg"). */
  bestand: string;
  voor: string;
  wat: string;
  /** How many to print, when the LEESMIJ says it. */
  printen: string;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

/** The text of an HTML fragment: tags left out, entities decoded, whitespace collapsed. */
function textOf(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
      if (entity.startsWith("#x") || entity.startsWith("#X"))
        return String.fromCodePoint(parseInt(entity.slice(2), 16));
      if (entity.startsWith("#")) return String.fromCodePoint(Number(entity.slice(1)));
      return ENTITIES[entity.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, " ")
    .trim();
}

const cellsOf = (row: string): string[] =>
  [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/gi)].map((m) => textOf(m[1]!));

/**
 * Reads the file table from a pack's LEESMIJ.html: the first table whose first heading is
 * "Bestand". Returns no rows when there is none (a LEESMIJ template of one's own, say).
 */
export function readFileGuide(leesmij: string): FileGuide[] {
  for (const table of leesmij.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/gi)) {
    const rows = [...table[1]!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)].map((m) => cellsOf(m[1]!));
    const head = rows[0]?.map((cell) => cell.toLowerCase()) ?? [];
    if (head[0] !== "bestand") continue;
    const column = (name: string): number => head.findIndex((cell) => cell.startsWith(name));
    const [voor, wat, printen] = [column("voor wie"), column("waarvoor"), column("printen")];
    return rows.slice(1).map((cells) => ({
      bestand: cells[0] ?? "",
      voor: cells[voor] ?? "",
      wat: cells[wat] ?? "",
      printen: printen >= 0 ? (cells[printen] ?? "") : "",
    }));
  }
  return [];
}

/** The row that describes a file: its own name, or one of the names in "a of b". */
export function guideFor(rows: readonly FileGuide[], name: string): FileGuide | undefined {
  return rows.find(
    (row) => row.bestand === name || row.bestand.split(/\s+of\s+|,\s*/).includes(name),
  );
}
