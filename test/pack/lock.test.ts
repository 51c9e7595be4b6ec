import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SystemError } from "../../src/errors.js";
import { acquireLock, releaseLocks, STALE_AFTER_MS } from "../../src/pack/lock.js";
import { writePack } from "../../src/pack/write.js";
import { fakePack } from "../helpers/fake-pack.js";
import { tempDir } from "../helpers/temp.js";

// A process id that cannot run: above every kernel's pid_max.
const DEAD = 99_999_999;

afterEach(() => releaseLocks());

function busy(action: () => unknown): SystemError {
  try {
    action();
  } catch (error) {
    if (error instanceof SystemError) return error;
    throw error;
  }
  throw new Error("expected the lock to be refused");
}

describe("acquireLock: one run per output folder", () => {
  it("refuses a second holder while the first runs, and frees the lock on release", () => {
    const dir = tempDir();
    const path = join(dir, ".idokit-bezig");
    const release = acquireLock(path, dir);
    const info = JSON.parse(readFileSync(path, "utf8")) as { pid: number; host: string };
    expect(info).toMatchObject({ pid: process.pid, host: hostname() });
    const error = busy(() => acquireLock(path, dir));
    expect(error.message).toMatch(
      new RegExp(
        `^In "${dir}" maakt idokit al pakketten \\(op deze computer, sinds .* uur\\)\\. Er is niets veranderd\\.$`,
      ),
    );
    expect(error.hint).toContain("Wacht tot die andere keer klaar is");
    release();
    expect(existsSync(path)).toBe(false);
    acquireLock(path, dir)();
  });

  it("takes over the lock of a run that was killed on this computer", () => {
    const dir = tempDir();
    const path = join(dir, ".idokit-bezig");
    writeFileSync(
      path,
      JSON.stringify({ pid: DEAD, host: hostname(), started: new Date().toISOString() }),
    );
    const release = acquireLock(path, dir);
    expect(JSON.parse(readFileSync(path, "utf8"))).toMatchObject({ pid: process.pid });
    release();
  });

  it("respects a fresh lock of another computer, and takes over one that stopped being refreshed", () => {
    const dir = tempDir();
    const path = join(dir, ".idokit-bezig");
    writeFileSync(
      path,
      JSON.stringify({ pid: 1, host: "balie-pc-2", started: "2026-11-28T09:15:00.000Z" }),
    );
    expect(busy(() => acquireLock(path, dir)).message).toContain("op computer balie-pc-2");
    const old = new Date(Date.now() - STALE_AFTER_MS - 5_000);
    utimesSync(path, old, old);
    acquireLock(path, dir)();
  });

  it("releaseLocks frees every lock this process holds (Ctrl-C)", () => {
    const dir = tempDir();
    acquireLock(join(dir, "a"), dir);
    acquireLock(join(dir, "b"), dir);
    releaseLocks();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("writePack and the lock of its pack", () => {
  it("refuses to write while another run writes the same pack, and leaves no lock behind", () => {
    const dir = tempDir();
    const out = join(dir, "pakket");
    const release = acquireLock(join(dir, ".idokit-bezig-pakket"), out);
    expect(() => writePack(out, fakePack(), { force: false, cwd: dir })).toThrow(
      /maakt idokit al pakketten/,
    );
    expect(existsSync(out)).toBe(false);
    release();
    writePack(out, fakePack(), { force: false, cwd: dir });
    expect(readdirSync(dir)).toEqual(["pakket"]);
  });
});
