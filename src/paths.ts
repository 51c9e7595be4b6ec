import { fileURLToPath } from "node:url";

// src/paths.ts and dist/paths.js sit at the same depth, so one relative URL serves both.
const root = new URL("../", import.meta.url);

/** Folder of the installed package (holds templates/, casussen/, data/). */
export const PACKAGE_ROOT = fileURLToPath(root);
export const BUILTIN_TEMPLATES_DIR = fileURLToPath(new URL("templates/", root));
export const BUILTIN_CASUSSEN_DIR = fileURLToPath(new URL("casussen/", root));
export const VOCABULARY_FILE = fileURLToPath(new URL("data/vocabulaire.yaml", root));
export const EXAMPLE_TRAINING_FILE = fileURLToPath(new URL("data/voorbeeld-training.yaml", root));
