import { toFolderName } from "../plan/training-plan.js";

// Names Windows refuses for a file or folder, with or without an extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * A folder name that is safe on every file system, from untrusted parts (library, location, date):
 * only `a-z`, `0-9` and `-`, no leading dot or dash, never `.`/`..`, never a Windows reserved name
 * such as CON or COM1, at most 80 characters. `../../etc` becomes `etc`.
 */
export function toSafeFolderName(parts: readonly string[]): string {
  const name = toFolderName(parts.filter((part) => part.trim() !== ""))
    // toFolderName already keeps only these characters; batch names come from anyone's
    // spreadsheet, so say it again here rather than rely on another module's details.
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^[-.]+|-+$/g, "");
  if (name === "") return "pakket";
  return RESERVED.test(name) ? `${name}-pakket` : name;
}

/**
 * Makes names unique in order: the first keeps its name, later ones get `-2`, `-3`, … Comparison
 * ignores case, as Windows and macOS do. The same input always gives the same names.
 */
export function assignUniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  const next = new Map<string, number>();
  return names.map((name) => {
    let candidate = name;
    let counter = next.get(name.toLowerCase()) ?? 1;
    while (taken.has(candidate.toLowerCase())) {
      counter += 1;
      candidate = `${name}-${counter}`;
    }
    next.set(name.toLowerCase(), counter);
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
