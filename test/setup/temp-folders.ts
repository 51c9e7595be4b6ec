import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Vitest global setup: the whole suite, and every idokit it starts, gets its own temporary
 * folder (TMPDIR, TMP and TEMP, for Linux, macOS and Windows), so what a test leaves behind can
 * be counted even while other programs use the machine's. At the end, any `idokit-*` folder or
 * file still in it fails the run by name: every test removes what it makes. The folder itself is
 * removed either way, so a failed run leaves nothing behind either.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "idokit-testsuite-"));
  const names = ["TMPDIR", "TMP", "TEMP"] as const;
  const before = names.map((name) => process.env[name]);
  for (const name of names) process.env[name] = root;
  return () => {
    names.forEach((name, i) => {
      if (before[i] === undefined) delete process.env[name];
      else process.env[name] = before[i];
    });
    const left = readdirSync(root).filter((name) => name.startsWith("idokit-"));
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    if (left.length > 0) {
      // Vitest reports an error here but keeps its exit code: set it, so CI fails too.
      process.exitCode = 1;
      throw new Error(
        `De tests lieten ${left.length} tijdelijke ${left.length === 1 ? "map" : "mappen"} achter: ${left.sort().join(", ")}`,
      );
    }
  };
}
