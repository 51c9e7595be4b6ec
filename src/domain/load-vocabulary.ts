import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { VOCABULARY_FILE } from "../paths.js";
import { BUILTIN_VOCABULARY } from "./builtin-vocabulary.js";
import { parseVocabulary, type Vocabulary } from "./vocabulary.js";

let cached: Vocabulary | undefined;

/** Reads `data/vocabulaire.yaml` once per process (as the build prepared it, when it did). */
export function loadVocabulary(file = VOCABULARY_FILE): Vocabulary {
  if (file === VOCABULARY_FILE && cached) return cached;
  const vocabulary =
    file === VOCABULARY_FILE && BUILTIN_VOCABULARY
      ? (JSON.parse(BUILTIN_VOCABULARY.json) as Vocabulary)
      : parseVocabulary(parse(readFileSync(file, "utf8")), file);
  if (file === VOCABULARY_FILE) cached = vocabulary;
  return vocabulary;
}
