/**
 * Help text layout. The texts after the options (`addHelpText`) are written as paragraphs in the
 * source; here they are wrapped to the same width as commander's own columns, so a sentence
 * added to a paragraph never runs past the edge or onto the end of another line.
 */

/** The width commander wraps its option columns to: the terminal's, or 80 without a terminal. */
export function helpWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  return stream.isTTY && stream.columns ? Math.max(40, stream.columns) : 80;
}

function wrapWords(words: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/**
 * Reflows help prose to `width` columns. Consecutive lines that start at the margin form a
 * paragraph, which is joined and wrapped again; a line that ends in a colon ("Voorbeelden:")
 * stays a line of its own. Indented lines (examples, lists, commander's option columns) and
 * blank lines are kept exactly as written.
 *
 * @example reflowHelp("Een lange zin die\nverder gaat.\n  idokit training", 80) // "Een lange zin die verder gaat.\n  idokit training"
 */
export function reflowHelp(text: string, width: number): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push(...wrapWords(paragraph, width));
    paragraph = [];
  };
  for (const line of text.split("\n")) {
    if (line.trim() === "" || /^\s/.test(line)) {
      flush();
      out.push(line);
      continue;
    }
    paragraph.push(...line.trim().split(/\s+/));
    if (/:$/.test(line.trim())) flush();
  }
  flush();
  return out.join("\n");
}
