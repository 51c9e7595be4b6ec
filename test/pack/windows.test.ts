import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path, { join } from "node:path";
import { describe, expect, it } from "vitest";
import { unzipSync } from "fflate";
import { assignUniqueNames, toSafeFolderName } from "../../src/batch/folder-names.js";
import { newNameProblem, windowsNameProblem } from "../../src/pack/names.js";
import { isTransient, renameWithRetry, RETRY_DELAYS } from "../../src/pack/retry.js";
import { runIdokit, tempDir } from "../helpers/cli.js";
import { ROOT } from "../helpers/pty.js";

/** Where most kartrekkers and POI staff work: what can be tested here of Windows. */

describe("names Windows cannot use", () => {
  it.each([
    ["pakket:maart", "het teken :"],
    ['pakket "maart"', 'het teken "'],
    ["a<b", "het teken <"],
    ["a|b", "het teken |"],
    ["wat?", "het teken ?"],
    ["alles*", "het teken *"],
    ["tab\there", "een onzichtbaar stuurteken"],
    ["pakket.", "eindigt op een punt of een spatie"],
    ["pakket ", "eindigt op een punt of een spatie"],
    ["CON", "(CON)"],
    ["nul.zip", "(NUL)"],
    ["com1", "(COM1)"],
    ["Lpt9.docx", "(LPT9)"],
    ["p".repeat(256), "256 tekens"],
  ])("refuses %j", (name, reason) => {
    expect(windowsNameProblem(name)).toContain(reason);
  });

  it.each([
    "pakket-maart",
    "Pakket maart 2027",
    "console",
    "com10",
    "pakket.zip",
    "é ü ñ",
    "a".repeat(255),
  ])("accepts %j", (name) => {
    expect(windowsNameProblem(name)).toBeUndefined();
  });

  it("judges only the folders idokit would create, with Windows paths", () => {
    const existing = new Set([
      "C:\\",
      "C:\\Users",
      "C:\\Users\\sanne",
      "C:\\Users\\sanne\\map: oud",
    ]);
    const exists = (p: string): boolean => existing.has(p);
    // The user's own folder may have any name; a new one may not.
    expect(
      newNameProblem("C:\\Users\\sanne\\map: oud\\pakket", exists, path.win32),
    ).toBeUndefined();
    const error = newNameProblem("C:\\Users\\sanne\\nieuw.\\pakket", exists, path.win32);
    expect(error?.message).toBe(
      'De naam "nieuw." in "C:\\Users\\sanne\\nieuw.\\pakket" eindigt op een punt of een spatie; Windows haalt die weg, en dan klopt de naam niet meer. Er is niets gemaakt.',
    );
    expect(newNameProblem("C:\\Users\\sanne\\aux", exists, path.win32)?.message).toContain("(AUX)");
  });

  it("gives batch folders safe, distinct names, also for rows that differ only in case", () => {
    const bases = [
      ["Bibliotheek CON", "Vestiging Marktplein", "2027-02-16"],
      ["bibliotheek con", "vestiging marktplein", "2027-02-16"],
      ["Bieb <Zuid>:", "Aux.", "2027-02-16"],
      ["COM1", "", ""],
    ].map(toSafeFolderName);
    const names = assignUniqueNames(bases);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const name of names) expect(windowsNameProblem(name)).toBeUndefined();
    expect(names[1]).toBe(`${names[0]}-2`);
  });
});

describe("renames that Windows holds up for a moment", () => {
  const busy = (code: string, times: number) => {
    let calls = 0;
    const slept: number[] = [];
    const io = {
      rename: () => {
        calls += 1;
        if (calls <= times) throw Object.assign(new Error(code), { code });
      },
      sleep: (ms: number) => void slept.push(ms),
    };
    return { io, slept, calls: () => calls };
  };

  it("retries EBUSY and, on Windows, EPERM and EACCES (a virus scanner, an Explorer window)", () => {
    for (const code of ["EBUSY", "EPERM", "EACCES"]) {
      const fake = busy(code, 3);
      renameWithRetry("a", "b", { ...fake.io, platform: "win32" });
      expect(fake.calls()).toBe(4);
      expect(fake.slept).toEqual(RETRY_DELAYS.slice(0, 3));
    }
  });

  it("reports EPERM at once elsewhere, where it is a real permission problem", () => {
    const fake = busy("EPERM", 1);
    expect(() => renameWithRetry("a", "b", { ...fake.io, platform: "linux" })).toThrow("EPERM");
    expect(fake.slept).toEqual([]);
    expect(isTransient({ code: "EBUSY" }, "linux")).toBe(true);
  });

  it("gives up after about 2.5 seconds and throws the last error", () => {
    const fake = busy("EBUSY", 100);
    expect(() => renameWithRetry("a", "b", { ...fake.io, platform: "win32" })).toThrow("EBUSY");
    expect(fake.calls()).toBe(RETRY_DELAYS.length + 1);
    expect(fake.slept.reduce((a, b) => a + b, 0)).toBe(2470);
  });
});

describe("files saved on Windows (CRLF line ends)", () => {
  it("reads an answers file and templates with CRLF into exactly the same pack", () => {
    const dir = tempDir();
    const crlf = (text: string): string => text.replace(/\r?\n/g, "\r\n");
    writeFileSync(
      join(dir, "antwoorden.yaml"),
      crlf(readFileSync(join(ROOT, "data/voorbeeld-training.yaml"), "utf8")),
    );
    cpSync(join(ROOT, "templates"), join(dir, "sjablonen"), { recursive: true });
    for (const entry of readdirSync(join(dir, "sjablonen"), { recursive: true })) {
      const file = join(dir, "sjablonen", String(entry));
      if (/\.(hbs|md|yaml)$/.test(file)) writeFileSync(file, crlf(readFileSync(file, "utf8")));
    }
    const unix = runIdokit(
      ["training", "--antwoorden", join(ROOT, "data/voorbeeld-training.yaml"), "--map", "lf"],
      { cwd: dir },
    );
    expect(unix.status, unix.stderr).toBe(0);
    const windows = runIdokit(
      ["training", "--antwoorden", "antwoorden.yaml", "--sjablonen", "sjablonen", "--map", "crlf"],
      { cwd: dir },
    );
    expect(windows.status, windows.stderr).toBe(0);
    for (const file of [
      "draaiboek.docx",
      "presentatie-vaardigheidstraining.pptx",
      "spiekbrief.docx",
    ]) {
      const a = unzipSync(new Uint8Array(readFileSync(join(dir, "lf", file))));
      const b = unzipSync(new Uint8Array(readFileSync(join(dir, "crlf", file))));
      expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
      for (const part of Object.keys(a))
        expect(Buffer.from(b[part]!).equals(Buffer.from(a[part]!)), `${file} ${part}`).toBe(true);
    }
    for (const file of ["mails/mail-trainingsacteur.txt", "LEESMIJ.html", "antwoorden.yaml"])
      expect(readFileSync(join(dir, "crlf", file), "utf8")).toBe(
        readFileSync(join(dir, "lf", file), "utf8"),
      );
  }, 120_000);
});

describe("a console that may not show every character", () => {
  it("uses √ and × in the old Windows console, ✔ and ✖ in Windows Terminal and elsewhere", async () => {
    const { isUnicodeConsole } = await import("../../src/cli/output.js");
    expect(isUnicodeConsole({}, "win32")).toBe(false);
    expect(isUnicodeConsole({ WT_SESSION: "1" }, "win32")).toBe(true);
    expect(isUnicodeConsole({ TERM_PROGRAM: "vscode" }, "win32")).toBe(true);
    expect(isUnicodeConsole({}, "darwin")).toBe(true);
    expect(isUnicodeConsole({ TERM: "linux" }, "linux")).toBe(false);
  });
});
