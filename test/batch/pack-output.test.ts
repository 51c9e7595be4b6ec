import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { zipPackProblem } from "../../src/batch/pack-output.js";
import { fakePack } from "../helpers/fake-pack.js";
import { tempDir } from "../helpers/temp.js";

const zipOf = (entries: Record<string, Uint8Array>): Uint8Array => zipSync(entries);
const packEntries = (): Record<string, Uint8Array> =>
  Object.fromEntries(fakePack().map((file) => [file.name, file.data]));

describe("zipPackProblem: --force and --hervat replace only an idokit zip", () => {
  it.each([
    ["a text file", strToU8("mijn lijst")],
    ["a zip without a manifest", zipOf({ "foto.jpg": strToU8("x") })],
    ["a zip with someone else's manifest.json", zipOf({ "manifest.json": strToU8("{}") })],
  ])("refuses %s", (_, data) => {
    const file = join(tempDir(), "pakket.zip");
    writeFileSync(file, data);
    expect(zipPackProblem(file, "--vervang")).toBe(
      '"pakket.zip" bestaat al en is geen zip-bestand van idokit; --vervang vervangt alleen een eerder pakket. Er is niets overschreven.',
    );
  });

  it("refuses an idokit zip to which something was added", () => {
    const file = join(tempDir(), "pakket.zip");
    writeFileSync(file, zipOf({ ...packEntries(), "notities.txt": strToU8("x") }));
    expect(zipPackProblem(file, "--hervat")).toMatch(/er is iets aan toegevoegd \(notities\.txt\)/);
  });

  it("accepts an idokit zip", () => {
    const file = join(tempDir(), "pakket.zip");
    writeFileSync(file, zipOf(packEntries()));
    expect(zipPackProblem(file, "--force")).toBeUndefined();
  });
});
