import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, parse } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { inspectDestination, protectedReason } from "../../src/pack/existing.js";
import { restoreOrRemoveLeftovers, writePack } from "../../src/pack/write.js";
import { fakePack } from "../helpers/fake-pack.js";
import { tempDir } from "../helpers/temp.js";

/** Every file under `dir` with its content, to prove nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (path: string, prefix: string): void => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) {
        out[`${prefix}${name}/`] = "";
        walk(full, `${prefix}${name}/`);
      } else out[`${prefix}${name}`] = readFileSync(full, "utf8");
    }
  };
  walk(dir, "");
  return out;
}

/** A folder as a user has it: a src/ folder and a text file. */
function userFolder(dir: string): void {
  mkdirSync(join(dir, "src"), { recursive: true });
  writeFileSync(join(dir, "src", "index.ts"), "export {};\n");
  writeFileSync(join(dir, "aantekeningen.txt"), "niet weggooien");
}

function refusal(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const problemsText = (error: InputError): string =>
  error.problems.map((p) => `${p.where}: ${p.message}`).join("\n");

describe("writePack: --force replaces only an idokit pack", () => {
  it("writes a new folder and leaves no temporary folder behind", () => {
    const dir = tempDir();
    const out = join(dir, "pakket");
    writePack(out, fakePack(), { force: false, cwd: dir });
    expect(readdirSync(out).sort()).toEqual(["antwoorden.yaml", "draaiboek.docx", "manifest.json"]);
    expect(readdirSync(dir)).toEqual(["pakket"]);
  });

  it("fills an empty folder without --force", () => {
    const dir = tempDir();
    const out = join(dir, "leeg");
    mkdirSync(out);
    writePack(out, fakePack(), { force: false, cwd: dir });
    expect(readdirSync(out)).toContain("manifest.json");
    expect(readdirSync(dir)).toEqual(["leeg"]);
  });

  it("refuses a folder of the user's with --force and touches nothing", () => {
    const dir = tempDir();
    const out = join(dir, "werk");
    userFolder(out);
    const before = snapshot(dir);
    const error = refusal(() => writePack(out, fakePack(), { force: true, cwd: dir }));
    expect(error.message).toContain(`De map "${out}" is geen pakket van idokit`);
    expect(error.message).toContain("Er is niets veranderd.");
    expect(problemsText(error)).toContain("src/: niet van idokit");
    expect(problemsText(error)).toContain("aantekeningen.txt: niet van idokit");
    expect(error.hint).toContain("--map MAP");
    expect(snapshot(dir)).toEqual(before);
  });

  it("replaces an earlier pack, and removes the old one only after the new one is in place", () => {
    const dir = tempDir();
    const out = join(dir, "pakket");
    writePack(out, fakePack("oud"), { force: false, cwd: dir });
    const warnings: string[] = [];
    writePack(out, fakePack("nieuw"), {
      force: true,
      cwd: dir,
      warn: (m) => warnings.push(m),
    });
    expect(readFileSync(join(out, "draaiboek.docx"), "utf8")).toBe("draaiboek nieuw");
    expect(readdirSync(dir)).toEqual(["pakket"]);
    expect(warnings).toEqual([]);
  });

  it.each([
    ["an extra file", (out: string) => writeFileSync(join(out, "eigen.txt"), "x"), "eigen.txt"],
    ["an extra folder", (out: string) => mkdirSync(join(out, "foto's")), "foto's/"],
    [
      "a document changed after it was made",
      (out: string) => writeFileSync(join(out, "draaiboek.docx"), "mijn aanpassingen"),
      "draaiboek.docx: aangepast",
    ],
    [
      "a document open in Word",
      (out: string) => writeFileSync(join(out, "~$aaiboek.docx"), "owner"),
      "staat open",
    ],
    [
      "a document open in LibreOffice",
      (out: string) => writeFileSync(join(out, ".~lock.draaiboek.docx#"), "lock"),
      "draaiboek.docx: staat open",
    ],
  ])("refuses an earlier pack with %s, naming it", (_, change, named) => {
    const dir = tempDir();
    const out = join(dir, "pakket");
    writePack(out, fakePack(), { force: false, cwd: dir });
    change(out);
    const before = snapshot(dir);
    const error = refusal(() => writePack(out, fakePack("nieuw"), { force: true, cwd: dir }));
    expect(error.message).toContain("is een pakket van idokit, maar");
    expect(problemsText(error)).toContain(named);
    expect(snapshot(dir)).toEqual(before);
  });

  it("accepts a changed antwoorden.yaml when it is the answers file of this run", () => {
    const dir = tempDir();
    const out = join(dir, "pakket");
    writePack(out, fakePack(), { force: false, cwd: dir });
    writeFileSync(join(out, "antwoorden.yaml"), "bibliotheek: aangepast\n");
    expect(() => writePack(out, fakePack("nieuw"), { force: true, cwd: dir })).toThrow(/aangepast/);
    writePack(out, fakePack("nieuw"), {
      force: true,
      cwd: dir,
      answersFile: join(out, "antwoorden.yaml"),
    });
    expect(readFileSync(join(out, "draaiboek.docx"), "utf8")).toBe("draaiboek nieuw");
  });

  it("replaces a pack in which Explorer or Finder left their files", () => {
    const dir = tempDir();
    const out = join(dir, "pakket");
    writePack(out, fakePack(), { force: false, cwd: dir });
    for (const name of ["Thumbs.db", "desktop.ini", ".DS_Store", "._draaiboek.docx"])
      writeFileSync(join(out, name), "x");
    writePack(out, fakePack("nieuw"), { force: true, cwd: dir });
    expect(readdirSync(out).sort()).toEqual(["antwoorden.yaml", "draaiboek.docx", "manifest.json"]);
    expect(readdirSync(dir)).toEqual(["pakket"]);
  });

  it("refuses a manifest.json that is not idokit's", () => {
    const dir = tempDir();
    const out = join(dir, "app");
    mkdirSync(out);
    writeFileSync(join(out, "manifest.json"), JSON.stringify({ name: "web-app", icons: [] }));
    const error = refusal(() => writePack(out, fakePack(), { force: true, cwd: dir }));
    expect(error.message).toContain("geen pakket van idokit");
    expect(readdirSync(out)).toEqual(["manifest.json"]);
  });

  it("refuses a symbolic link as destination", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "echt"));
    symlinkSync(join(dir, "echt"), join(dir, "link"));
    const error = refusal(() =>
      writePack(join(dir, "link"), fakePack(), { force: true, cwd: dir }),
    );
    expect(error.message).toContain("snelkoppeling");
    expect(readdirSync(join(dir, "echt"))).toEqual([]);
  });
});

describe("the folders idokit never replaces", () => {
  it("refuses the current folder, even an earlier pack, even empty", () => {
    const dir = tempDir();
    const out = join(dir, "pakket");
    writePack(out, fakePack(), { force: false, cwd: dir });
    const before = snapshot(dir);
    const error = refusal(() => writePack(out, fakePack("nieuw"), { force: true, cwd: out }));
    expect(error.message).toContain("is de map waarin je nu werkt");
    expect(error.message).toContain("ook niet met --vervang");
    expect(snapshot(dir)).toEqual(before);
    const empty = join(dir, "leeg");
    mkdirSync(empty);
    expect(() => writePack(empty, fakePack(), { force: false, cwd: empty })).toThrow(
      /map waarin je nu werkt/,
    );
  });

  it("refuses a folder above the current one, the home folder and the root", () => {
    const dir = tempDir();
    const inner = join(dir, "a", "b");
    mkdirSync(inner, { recursive: true });
    expect(protectedReason(join(dir, "a"), inner, "/nergens")).toBe(
      "is een map boven de map waarin je nu werkt",
    );
    expect(protectedReason(dir, inner, "/nergens")).toBe(
      "is een map boven de map waarin je nu werkt",
    );
    expect(protectedReason(join(dir, "a"), dir, join(dir, "a"))).toBe(
      "is je persoonlijke map (thuismap)",
    );
    expect(protectedReason(parse(dir).root, dir, "/nergens")).toBe("is de hoofdmap van een schijf");
    expect(protectedReason(join(dir, "a", "c"), inner, "/nergens")).toBeUndefined();
    expect(protectedReason(join(dir, "a", "bb"), inner, "/nergens")).toBeUndefined();
    const error = refusal(() =>
      inspectDestination(join(dir, "a"), { force: true, cwd: inner, flag: "--hervat" }),
    );
    expect(error.message).toContain("ook niet met --hervat");
  });
});

describe("restoreOrRemoveLeftovers", () => {
  it("puts back a pack that a killed run had moved aside, and removes half-written folders", () => {
    const dir = tempDir();
    // A pid that cannot run: above the kernel's pid_max.
    const dead = 99_999_999;
    const oldPack = join(dir, `.idokit-old-pakket-${dead}-0123abcd`);
    for (const file of fakePack()) {
      mkdirSync(dirname(join(oldPack, file.name)), { recursive: true });
      writeFileSync(join(oldPack, file.name), file.data);
    }
    mkdirSync(join(dir, `.idokit-tmp-pakket-${dead}-89abcdef`));
    mkdirSync(join(dir, `.idokit-tmp-ander-${process.pid}-89abcdef`));
    const result = restoreOrRemoveLeftovers(dir);
    expect(result.restored).toEqual(["pakket"]);
    expect(result.removed).toEqual([`.idokit-tmp-pakket-${dead}-89abcdef`]);
    expect(readdirSync(dir).sort()).toEqual([
      `.idokit-tmp-ander-${process.pid}-89abcdef`,
      "pakket",
    ]);
    expect(readFileSync(join(dir, "pakket", "draaiboek.docx"), "utf8")).toBe("draaiboek een");
  });

  it("removes an old pack file by file when the new one is in place, keeping what is not its", () => {
    const dir = tempDir();
    const dead = 99_999_999;
    writePack(join(dir, "pakket"), fakePack("nieuw"), { force: false, cwd: dir });
    const oldPack = join(dir, `.idokit-old-pakket-${dead}-0123abcd`);
    mkdirSync(oldPack);
    for (const file of fakePack()) writeFileSync(join(oldPack, file.name), file.data);
    writeFileSync(join(oldPack, "van-iemand-anders.txt"), "x");
    restoreOrRemoveLeftovers(dir);
    expect(readdirSync(oldPack)).toEqual(["van-iemand-anders.txt"]);
    expect(existsSync(join(dir, "pakket", "manifest.json"))).toBe(true);
  });
});
