import * as realFs from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { tempDir } from "../helpers/temp.js";
import { fakePack } from "../helpers/fake-pack.js";

// Failures the file system can give while a pack replaces an older one, simulated: the calls
// of node:fs go to the real functions unless a test sets a failure.
const failures = vi.hoisted(() => ({
  rename: undefined as ((from: string, to: string) => Error | undefined) | undefined,
  rmdir: undefined as ((path: string) => Error | undefined) | undefined,
}));

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof realFs>();
  return {
    ...fs,
    renameSync: (from: string, to: string) => {
      const error = failures.rename?.(from, to);
      if (error) throw error;
      return fs.renameSync(from, to);
    },
    rmdirSync: (path: string) => {
      const error = failures.rmdir?.(path);
      if (error) throw error;
      return fs.rmdirSync(path);
    },
  };
});

const { writePack } = await import("../../src/pack/write.js");
const { writeFileAtomic } = await import("../../src/batch/pack-output.js");

const errno = (code: string): Error => Object.assign(new Error(`${code}: simulated`), { code });

afterEach(() => {
  failures.rename = undefined;
  failures.rmdir = undefined;
});

describe("writePack when the file system fails while replacing", () => {
  it("puts the old pack back when the new one cannot take its place", () => {
    const dir = tempDir();
    const out = join(dir, "pakket");
    writePack(out, fakePack("oud"), { force: false, cwd: dir });
    failures.rename = (from, to) =>
      from.includes(".idokit-tmp-") && to === out ? errno("EACCES") : undefined;
    expect(() => writePack(out, fakePack("nieuw"), { force: true, cwd: dir })).toThrow(
      `Geen toestemming om te schrijven in "${out}".`,
    );
    expect(realFs.readFileSync(join(out, "draaiboek.docx"), "utf8")).toBe("draaiboek oud");
    expect(realFs.readdirSync(dir)).toEqual(["pakket"]);
  });

  it("warns, and succeeds, when the old pack cannot be removed after the new one is in place", () => {
    const dir = tempDir();
    const out = join(dir, "pakket");
    writePack(out, fakePack("oud"), { force: false, cwd: dir });
    failures.rmdir = (path) => (path.includes(".idokit-old-") ? errno("EBUSY") : undefined);
    const warnings: string[] = [];
    expect(
      writePack(out, fakePack("nieuw"), { force: true, cwd: dir, warn: (m) => warnings.push(m) }),
    ).toBe(out);
    expect(realFs.readFileSync(join(out, "draaiboek.docx"), "utf8")).toBe("draaiboek nieuw");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /oude pakket kon niet helemaal worden verwijderd. Het staat in .*\.idokit-old-pakket-/,
    );
  });

  it("retries a rename that Windows reports as busy, and then succeeds", () => {
    const dir = tempDir();
    let busy = 2;
    failures.rename = () => (busy-- > 0 ? errno("EBUSY") : undefined);
    writePack(join(dir, "pakket"), fakePack(), { force: false, cwd: dir });
    expect(busy).toBe(-1);
    expect(realFs.readdirSync(join(dir, "pakket"))).toContain("manifest.json");
  });

  it("retries a busy rename for single files too (a zip pack, rapport.csv), then succeeds", () => {
    const dir = tempDir();
    let busy = 2;
    failures.rename = () => (busy-- > 0 ? errno("EBUSY") : undefined);
    writeFileAtomic(join(dir, "rapport.csv"), new TextEncoder().encode("Rij;Bibliotheek\r\n"));
    expect(busy).toBe(-1);
    expect(realFs.readdirSync(dir)).toEqual(["rapport.csv"]);
  });
});
