import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SystemError } from "../../src/errors.js";
import { windowsPathProblem } from "../../src/pack/write.js";
import { toSystemError } from "../../src/system-errors.js";
import { runIdokit, tempDir } from "../helpers/cli.js";
import { writeXlsx, templateSheet } from "../batch/helpers.js";

const errno = (code: string, syscall = "open", path = "/x"): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: simulated`), { code, syscall, path });

describe("toSystemError: the machine's problems in the user's words", () => {
  it.each([
    [
      "EACCES",
      "write",
      'Geen toestemming om te schrijven in "/uit/pakket".',
      "Kies een map waarin je wel mag schrijven",
    ],
    ["EPERM", "write", 'Geen toestemming om te schrijven in "/uit/pakket".', "sluit het dan eerst"],
    [
      "EACCES",
      "read",
      'Geen toestemming om "/uit/pakket" te lezen.',
      "Kopieer het naar een eigen map",
    ],
    ["ENOSPC", "write", 'De schijf is vol: er past niets meer bij in "/".', "Maak ruimte vrij"],
    ["EROFS", "write", "de schijf is alleen-lezen", "een map op een andere schijf"],
    [
      "EEXIST",
      "write",
      '"/uit/pakket" bestaat al; het is er net bij gekomen',
      "tegelijk een pakket",
    ],
    [
      "ENAMETOOLONG",
      "write",
      "Het pad is te lang voor het bestandssysteem (11 tekens)",
      "korter pad",
    ],
    [
      "EBUSY",
      "write",
      '"/uit/pakket" is in gebruik door een ander programma.',
      "Sluit het bestand",
    ],
    ["EIO", "write", 'De schijf gaf een fout bij "/uit/pakket".', "USB-stick"],
  ] as const)("%s while %sing names the path and what to do", (code, action, message, hint) => {
    const error = toSystemError(errno(code), { path: "/uit/pakket", action });
    expect(error).toBeInstanceOf(SystemError);
    expect(error!.exitCode).toBe(1);
    expect(error!.message).toContain(message);
    expect(error!.hint).toContain(hint);
    expect(error!.cause).toBeInstanceOf(Error);
  });

  it("finds the part of a path that is a file (ENOTDIR)", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "notities.txt"), "x");
    const error = toSystemError(errno("ENOTDIR"), { path: join(dir, "notities.txt", "pakket") });
    expect(error!.message).toBe(
      `"${join(dir, "notities.txt")}" is een bestand, geen map, en staat in het pad "${join(dir, "notities.txt", "pakket")}".`,
    );
  });

  it("leaves bugs and input errors alone", () => {
    expect(toSystemError(new TypeError("x is undefined"))).toBeUndefined();
    expect(toSystemError(errno("ENOENT"), { action: "read" })).toBeUndefined();
    expect(toSystemError(errno("ENOENT", "open"), { action: "any" })).toBeUndefined();
    expect(toSystemError(errno("ERR_SOMETHING"))).toBeUndefined();
  });

  it("takes the action from the system call when it is not given", () => {
    expect(toSystemError(errno("EACCES", "mkdir", "/a"))!.message).toContain("te schrijven in");
    expect(toSystemError(errno("EACCES", "scandir", "/a"))!.message).toContain("te lezen");
    expect(toSystemError(errno("EACCES", "open", "/a"))!.message).toBe(
      'Geen toestemming voor "/a".',
    );
  });
});

describe("windowsPathProblem: paths that Windows programs cannot open", () => {
  const names = ["presentatie-vaardigheidstraining.pptx", "draaiboek.docx"];
  it("accepts a pack in Documents and refuses one whose files pass 260 characters", () => {
    expect(
      windowsPathProblem("C:\\Users\\kartrekker\\Documents\\pakket-maart", names, "win32"),
    ).toBeUndefined();
    const deep = `C:\\Users\\kartrekker\\OneDrive - Bibliotheek Zuiderlinge\\${"Trainingen IDO\\".repeat(12)}pakket`;
    const error = windowsPathProblem(deep, names, "win32");
    expect(error).toBeInstanceOf(SystemError);
    expect(error!.message).toMatch(/te lang voor Windows: .* paden van \d+ tekens/);
    expect(error!.hint).toContain("C:\\idokit");
    expect(windowsPathProblem(deep, names, "linux")).toBeUndefined();
  });

  it("counts the temporary folder beside the pack, whose name is longer", () => {
    // The pack's own files fit; the temporary folder's do not.
    const base = `C:\\${"a".repeat(195)}\\pakket`;
    expect(`${base}\\${names[0]}`.length).toBeLessThanOrEqual(259);
    expect(windowsPathProblem(base, names, "win32")).toBeInstanceOf(SystemError);
  });
});

const FAIL_FS = new URL("../fixtures/fail-fs.mjs", import.meta.url).href;

/** Runs idokit with one node:fs function failing like the machine would. */
function runFailing(args: string[], cwd: string, failure: string) {
  return runIdokit(args, {
    cwd,
    env: { NODE_OPTIONS: `--import=${FAIL_FS}`, IDOKIT_TEST_FAIL: failure },
  });
}

describe("idokit training when the machine says no (simulated)", () => {
  it.each([
    ["mkdirSync:EACCES:pakket", "Geen toestemming om te schrijven in"],
    ["writeFileSync:ENOSPC:.docx", "De schijf is vol"],
    ["mkdirSync:EROFS:.idokit-tmp", "de schijf is alleen-lezen"],
    ["renameSync:EEXIST:.idokit-tmp", "bestaat al; het is er net bij gekomen"],
    ["writeFileSync:ENAMETOOLONG:.pptx", "Het pad is te lang"],
    ["renameSync:EBUSY:.idokit-tmp", "is in gebruik door een ander programma"],
  ])("%s: exit 1, a Dutch message naming the folder, no pack, nothing left", (failure, message) => {
    const dir = tempDir();
    const out = join(dir, "pakket");
    const result = runFailing(["training", "--voorbeeld", "--map", out], dir, failure);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/\nFout: /);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain(dir);
    expect(result.stderr).toMatch(/Tip: /);
    expect(result.stderr).not.toMatch(/meld het probleem|idokit zelf|\n\s+at /);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("shows the underlying error with --debug", () => {
    const dir = tempDir();
    const result = runFailing(
      ["training", "--voorbeeld", "--map", join(dir, "pakket"), "--debug"],
      dir,
      "writeFileSync:ENOSPC:.docx",
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("De schijf is vol");
    expect(result.stderr).toMatch(/Error: ENOSPC: simulated, writeFileSync '.*\.docx'\n\s+at /);
  });

  it("names a file in the path (ENOTDIR) and a name that is too long, for real", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "notities.txt"), "niet weggooien");
    const notDir = runIdokit(["training", "--voorbeeld", "--map", "notities.txt/pakket"], {
      cwd: dir,
    });
    expect(notDir.status, notDir.stderr).toBe(1);
    expect(notDir.stderr).toContain(`"${join(dir, "notities.txt")}" is een bestand, geen map`);
    const long = runIdokit(["training", "--voorbeeld", "--map", "p".repeat(300)], { cwd: dir });
    expect(long.status, long.stderr).toBe(1);
    // Longer than any file system allows for one name: said before anything is written.
    expect(long.stderr).toContain("is 300 tekens lang; een naam mag er hoogstens 255 hebben");
    expect(readdirSync(dir)).toEqual(["notities.txt"]);
  });
});

describe("idokit batch when the disk is full (simulated)", () => {
  it("reports the row in the user's words and leaves no half-written pack", async () => {
    const dir = tempDir();
    const { headers, example } = await templateSheet();
    await writeXlsx(join(dir, "lijst.xlsx"), headers, [example]);
    mkdirSync(join(dir, "uit"));
    const result = runFailing(
      ["batch", "lijst.xlsx", "--map", "uit", "--werkers", "0"],
      dir,
      "writeFileSync:ENOSPC:.docx",
    );
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/Rij 2: De schijf is vol: er past niets meer bij in ".*uit"/);
    expect(readdirSync(join(dir, "uit"))).toEqual(["rapport.csv"]);
    expect(existsSync(join(dir, "uit", ".idokit-bezig"))).toBe(false);
  });
});
