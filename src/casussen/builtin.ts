import type { Casus } from "./types.js";

/**
 * The built-in casus library as the build parsed and validated it (JSON; see scripts/builtins.ts):
 * scripts/build.js replaces this module in the bundle. `file` is the casus's file name in
 * casussen/, from which its `source` is made at run time. From the sources (tests) there is none,
 * and the files are read and parsed at run time.
 */
export interface BuiltinCasussen {
  /** Number of casus files in the folder. */
  fileCount: number;
  /** JSON of `{ file, casus }[]`, sorted by id; `casus.source` is set at run time. */
  json: string;
}

export type BuiltinCasus = { file: string; casus: Casus };

export const BUILTIN_CASUSSEN: BuiltinCasussen | undefined = undefined;
