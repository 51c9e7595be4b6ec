import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/pty.js";
import { tempDir } from "../helpers/temp.js";

// The package as a user gets it: packed from a clone that was never built (so prepack/prepare
// must build dist/), installed into its own prefix from the tarball, and run from there. The
// clone is a copy of this checkout without dist/, so the tests never touch the dist/ that other
// test files are running.

const windows = process.platform === "win32";
const version = (
  JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }
).version;

function run(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    // npm is npm.cmd on Windows, which only a shell starts.
    shell: windows && command !== process.execPath,
    env: { ...process.env, IDOKIT_VANDAAG: "2026-11-28", NO_COLOR: "1", ...env },
    timeout: 300_000,
  });
}

/** The file names in a .tgz (a gzipped tar: 512-byte headers, name in the first 100 bytes). */
function tarNames(file: string): string[] {
  const tar = gunzipSync(readFileSync(file));
  const names: string[] = [];
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const text = (from: number, length: number): string =>
      header.toString("utf8", from, from + length).replace(/\0.*$/s, "");
    const prefix = text(345, 155);
    names.push(prefix ? `${prefix}/${text(0, 100)}` : text(0, 100));
    const size = parseInt(text(124, 12).trim() || "0", 8);
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

const SKIP = new Set(["node_modules", "dist", ".git", "demo-pakket", "coverage"]);

let work: string;
let clone: string;
let tarball: string;

beforeAll(() => {
  work = tempDir("idokit-install-");
  clone = join(work, "idokit");
  cpSync(ROOT, clone, {
    recursive: true,
    filter: (source) => {
      const path = relative(ROOT, source);
      const top = path.split(/[\\/]/)[0]!;
      return (
        path === "" || (!SKIP.has(top) && !top.endsWith(".tgz") && !top.startsWith(".idokit-"))
      );
    },
  });
  // The build needs the dev dependencies (TypeScript) that `npm ci` put here.
  symlinkSync(join(ROOT, "node_modules"), join(clone, "node_modules"), "junction");
}, 120_000);

describe("the npm package", () => {
  it("says in Dutch what to do when idokit was never built", () => {
    const result = run(process.execPath, [join(clone, "bin", "idokit.js"), "--version"], clone);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("idokit is nog niet gebouwd: de map dist/ ontbreekt.");
    expect(result.stderr).toContain("npm ci");
    expect(result.stderr).not.toMatch(/at .*\(|Error:/);
  });

  it("packs dist/ and everything read at run time, and no sources or tests", () => {
    const packed = run("npm", ["pack", "--pack-destination", work], clone);
    expect(packed.status, packed.stderr).toBe(0);
    tarball = join(work, packed.stdout.trim().split(/\r?\n/).pop()!);
    expect(basename(tarball)).toBe(`idokit-${version}.tgz`);
    const names = tarNames(tarball).map((name) => name.replace(/^package\//, ""));
    for (const needed of [
      "bin/idokit.js",
      "dist/main.js",
      "dist/worker.js",
      "dist/read-worker.js",
      "dist/form/client/app.js",
      "data/vocabulaire.yaml",
      "data/voorbeeld-training.yaml",
      "data/voorbeeld-bijeenkomst.yaml",
      "templates/training/draaiboek.md.hbs",
      "package.json",
      "README.md",
    ])
      expect(names).toContain(needed);
    expect(names.filter((name) => name.startsWith("casussen/")).length).toBeGreaterThan(10);
    expect(
      names.filter((name) =>
        /^(src|test|bench|scripts)\/|\.map$|\.tsbuildinfo$|^dist\/bundle\.json$/.test(name),
      ),
    ).toEqual([]);
  }, 300_000);

  it("installs from the tarball into its own prefix and makes packs from there", () => {
    expect(tarball, "the pack test must run first").toBeDefined();
    const prefix = join(work, "prefix");
    const installed = run(
      "npm",
      [
        "install",
        "--global",
        "--prefix",
        prefix,
        tarball,
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
      ],
      work,
    );
    expect(installed.status, installed.stderr).toBe(0);
    const bin = windows ? join(prefix, "idokit.cmd") : join(prefix, "bin", "idokit");
    expect(existsSync(bin)).toBe(true);
    const shown = run(bin, ["--version"], work);
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout.trim()).toBe(version);

    const training = run(bin, ["training", "--voorbeeld", "--map", "training"], work);
    expect(training.status, training.stderr).toBe(0);
    expect(readdirSync(join(work, "training"))).toContain("draaiboek.docx");
    const meeting = run(bin, ["bijeenkomst", "--voorbeeld", "--map", "bijeenkomst"], work);
    expect(meeting.status, meeting.stderr).toBe(0);
    expect(readdirSync(join(work, "bijeenkomst"))).toContain("manifest.json");
    const sheet = run(bin, ["batch", "sjabloon", "lijst.xlsx"], work);
    expect(sheet.status, sheet.stderr).toBe(0);
    expect(existsSync(join(work, "lijst.xlsx"))).toBe(true);
  }, 300_000);
});
