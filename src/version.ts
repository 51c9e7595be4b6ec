import { readFileSync } from "node:fs";

/** The idokit version from package.json (src/ and dist/ both sit one level below the root). */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;
