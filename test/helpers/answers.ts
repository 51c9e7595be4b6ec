import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { DEFAULT_EXAMPLE, EXAMPLES } from "../../src/domain/examples.js";
import { PACKAGE_ROOT } from "../../src/paths.js";

/** The names of the built-in examples (`--voorbeeld NAAM`): run text checks on each of them. */
export const EXAMPLE_NAMES: readonly string[] = EXAMPLES.map((example) => example.naam);

/**
 * A fresh copy of a built-in example's training answers (default: the first example), as raw
 * YAML data with the dates as written in the file.
 */
export function exampleRaw(name = DEFAULT_EXAMPLE.naam): Record<string, Record<string, unknown>> {
  const example = EXAMPLES.find((e) => e.naam === name);
  if (!example) throw new Error(`no built-in example ${name}`);
  return parse(readFileSync(join(PACKAGE_ROOT, "data", example.training), "utf8")) as Record<
    string,
    Record<string, unknown>
  >;
}
