import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { VOCABULARY_FILE } from "../paths.js";
import { parseVocabulary, type Vocabulary } from "./vocabulary.js";

let cached: Vocabulary | undefined;

/** Reads `data/vocabulaire.yaml` once per process. */
export function loadVocabulary(file = VOCABULARY_FILE): Vocabulary {
  if (file === VOCABULARY_FILE && cached) return cached;
  const vocabulary = parseVocabulary(parse(readFileSync(file, "utf8")), file);
  if (file === VOCABULARY_FILE) cached = vocabulary;
  return vocabulary;
}
