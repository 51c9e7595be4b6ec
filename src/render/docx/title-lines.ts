import type { RunData } from "./model.js";
import { measureEm } from "./text-width.js";

/**
 * Titles that break well: a long title is split into lines of similar width, so it never leaves
 * one word alone on its last line, and a hyphen between letters ("IDO-vaardigheidstraining")
 * becomes Word's non-breaking hyphen, so a compound never breaks at its hyphen.
 */

/** Share of the measured width a line may fill: the estimate is not exact, so leave slack. */
const SLACK = 0.94;

function width(words: readonly string[], sizePt: number, bold: boolean): number {
  // Ems to twips: one em is the font size in points, twenty twips per point.
  return measureEm(words.join(" "), bold) * sizePt * 20;
}

/**
 * The lines a title of `text` should take in `available` twips at `sizePt` points: one line
 * when it fits, otherwise the fewest lines (as greedy wrapping would give), split so that the
 * widest line is as narrow as possible. Returns the text unchanged as one line when a single
 * word is wider than the line.
 */
export function balanceLines(
  text: string,
  available: number,
  sizePt: number,
  bold = true,
): string[] {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== "");
  const limit = available * SLACK;
  if (words.length <= 1 || width(words, sizePt, bold) <= limit) return [text.trim()];
  if (words.some((w) => width([w], sizePt, bold) > limit)) return [text.trim()];

  // Greedy wrap: how many lines the title needs.
  let lines = 1;
  let current: string[] = [];
  for (const word of words) {
    if (current.length > 0 && width([...current, word], sizePt, bold) > limit) {
      lines++;
      current = [word];
    } else current.push(word);
  }
  if (lines > 3 || words.length > 24) return [text.trim()];

  // Every split into `lines` lines that fit; keep the one whose widest line is narrowest,
  // preferring a last line of two words or more (one word alone looks left over).
  let best: { split: string[][]; widest: number; lone: boolean } | undefined;
  const search = (start: number, remaining: number, acc: string[][]): void => {
    if (remaining === 1) {
      const last = words.slice(start);
      if (last.length === 0 || width(last, sizePt, bold) > limit) return;
      const split = [...acc, last];
      const widest = Math.max(...split.map((line) => width(line, sizePt, bold)));
      const lone = last.length === 1 && words.length > lines;
      if (
        best === undefined ||
        (best.lone && !lone) ||
        (best.lone === lone && widest < best.widest)
      )
        best = { split, widest, lone };
      return;
    }
    for (let end = start + 1; end <= words.length - remaining + 1; end++) {
      const line = words.slice(start, end);
      if (width(line, sizePt, bold) > limit) break;
      search(end, remaining - 1, [...acc, line]);
    }
  };
  search(0, lines, []);
  return best === undefined ? [text.trim()] : best.split.map((line) => line.join(" "));
}

/** A hyphen between two letters or digits: the hyphen of a compound such as "IDO-bijeenkomst". */
const COMPOUND_HYPHEN = /(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/u;

/** Runs for title lines: line breaks between lines, non-breaking hyphens inside compounds. */
export function titleRuns(lines: readonly string[]): RunData[] {
  const runs: RunData[] = [];
  lines.forEach((line, index) => {
    const parts = line.split(COMPOUND_HYPHEN);
    parts.forEach((part, p) => {
      // Word's non-breaking hyphen, in a run of its own with the paragraph style's formatting.
      if (p > 0) runs.push({ noBreakHyphen: true });
      if (part !== "" || (p === 0 && index > 0))
        runs.push(p === 0 && index > 0 ? { text: part, break: true } : { text: part });
    });
  });
  return runs;
}
