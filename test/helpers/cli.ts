import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../bin/idokit.js", import.meta.url));

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built idokit binary as a user would, without a terminal, with a fixed today. */
export function runIdokit(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string; timeoutMs?: number } = {},
): RunResult {
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? process.cwd(),
    // No POI settings from the machine the tests run on (IDOKIT_INSTELLINGEN empty: none).
    env: {
      ...process.env,
      IDOKIT_VANDAAG: "2026-11-28",
      NO_COLOR: "1",
      IDOKIT_INSTELLINGEN: "",
      ...options.env,
    },
    input: options.input ?? "",
    encoding: "utf8",
    timeout: options.timeoutMs ?? 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder, removed after the test file. */
export { tempDir } from "./temp.js";

/** Every file of a pack folder, sub-folders (mails/) included, by path relative to the folder. */
export function readPackFolder(dir: string, prefix = ""): Array<{ name: string; data: Buffer }> {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory()
      ? readPackFolder(dir, name)
      : [{ name, data: readFileSync(join(dir, name)) }];
  });
}
