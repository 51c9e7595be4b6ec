import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

// Every temporary folder a test file makes is removed when that file's tests are done. Vitest
// loads this module once per test file, so each file registers its own clean-up.
const made = new Set<string>();

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  made.clear();
});

/** A fresh temporary folder, removed after the test file. */
export function tempDir(prefix = "idokit-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Removes a temporary folder now (before the end of the file), e.g. in `afterEach`. */
export function removeTempDir(dir: string | undefined): void {
  if (!dir) return;
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  made.delete(dir);
}
