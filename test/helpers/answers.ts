import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { EXAMPLE_TRAINING_FILE } from "../../src/paths.js";

/** A fresh copy of the built-in example answers, as raw YAML data. */
export function exampleRaw(): Record<string, Record<string, unknown>> {
  return parse(readFileSync(EXAMPLE_TRAINING_FILE, "utf8")) as Record<
    string,
    Record<string, unknown>
  >;
}
