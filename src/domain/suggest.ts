import { enumerate } from "./format.js";

/** Lower case without accents, so "Privé" and "prive" compare equal. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

/** Levenshtein distance between two strings (as given; fold them first to ignore case). */
export function editDistance(a: string, b: string): number {
  // Two-row Levenshtein: inputs are short ids and headings.
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate closest to `input`, if it is close enough to be a plausible typo; for
 * "bedoelde je …?" hints. Case and accents are ignored.
 *
 * @example suggestClosest("digi", ["digid", "toeslagen"]) // "digid"
 */
export function suggestClosest(input: string, candidates: readonly string[]): string | undefined {
  const needle = foldText(input.trim());
  if (needle === "") return undefined;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const folded = foldText(candidate);
    if (folded === needle) return candidate;
    const distance = editDistance(needle, folded);
    if (best === undefined || distance < best.distance) best = { candidate, distance };
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(needle.length / 3));
  if (best.distance <= limit) return best.candidate;
  // A prefix ("toeslag" for "toeslagen") is a likely abbreviation even when it is short.
  const prefixed = candidates.filter((candidate) => foldText(candidate).startsWith(needle));
  if (needle.length >= 3 && prefixed.length === 1) return prefixed[0];
  // Remembered words of a long id ("digid-verlopen-brief" for "digid-verlopen-activeringsbrief").
  const words = needle.split(/[\s_-]+/).filter((word) => word.length >= 3);
  if (words.length < 2) return undefined;
  const containing = candidates.filter((candidate) => {
    const folded = foldText(candidate);
    return words.every((word) => folded.includes(word));
  });
  return containing.length === 1 ? containing[0] : undefined;
}

/** " Bedoelde je "x"?" when a close candidate exists, else "". Starts with a space. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const suggestion = suggestClosest(input, candidates);
  return suggestion === undefined ? "" : ` Bedoelde je "${suggestion}"?`;
}

/** Dutch enumeration: "a", "a en b", "a, b en c". */
export function joinDutch(items: readonly string[]): string {
  return enumerate(items);
}
