import type { Vocabulary } from "./vocabulary.js";

/**
 * data/vocabulaire.yaml as the build parsed and validated it (JSON; see scripts/builtins.ts):
 * scripts/build.js replaces this module in the bundle. From the sources (tests) there is none, and
 * the file is read and parsed at run time.
 */
export const BUILTIN_VOCABULARY: { json: string } | undefined = undefined;

export type { Vocabulary };
