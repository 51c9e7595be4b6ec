import { spawnSync } from "node:child_process";
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readAnswersFile, readLogo } from "../../src/answers/load.js";
import { formatBytes, readBoundedFile } from "../../src/answers/load-file.js";
import { checkLogo, LOGO_MAX_BYTES } from "../../src/answers/logo.js";
import { readSheetTableHere } from "../../src/batch/read.js";
import { InputError } from "../../src/errors.js";
import { greyJpeg } from "../helpers/jpeg.js";
import { solidPng } from "../helpers/png.js";
import { runIdokit } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

const posix = process.platform !== "win32";

/** A PNG whose header claims a size; the rest is a valid, tiny image. */
function pngClaiming(width: number, height: number): Uint8Array {
  const png = solidPng(2, 2).data.slice();
  const view = new DataView(png.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  // Recompute the IHDR checksum, so only the size is unusual.
  let crc = ~0;
  for (const byte of png.subarray(12, 29)) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  view.setUint32(29, ~crc >>> 0);
  return png;
}

/** A sparse file of `bytes`: its size is real, its blocks are not written. */
function sparseFile(path: string, bytes: number): void {
  const fd = openSync(path, "w");
  writeSync(fd, "x", bytes - 1);
  closeSync(fd);
}

describe("readBoundedFile", () => {
  it.each([
    [1023, "1023 bytes"],
    [1024, "1 kB"],
    [5 * 1024 * 1024, "5 MB"],
    [1.5 * 1024 * 1024, "1,5 MB"],
    [60 * 1024 * 1024, "60 MB"],
  ])("formats %i bytes as %s", (bytes, text) => expect(formatBytes(bytes)).toBe(text));

  it("refuses what is not a regular file, an empty file and a file over the limit", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "leeg.txt"), "");
    writeFileSync(join(dir, "groot.txt"), "x".repeat(101));
    writeFileSync(join(dir, "goed.txt"), "x".repeat(100));
    expect(readBoundedFile(join(dir, "weg.txt"), 100).refusal).toEqual({ reason: "missing" });
    expect(readBoundedFile(dir, 100).refusal).toEqual({ reason: "folder" });
    expect(readBoundedFile(join(dir, "leeg.txt"), 100).refusal).toEqual({ reason: "empty" });
    expect(readBoundedFile(join(dir, "groot.txt"), 100).refusal).toEqual({
      reason: "too-large",
      bytes: 101,
      limit: 100,
    });
    expect(readBoundedFile(join(dir, "goed.txt"), 100).refusal).toBeUndefined();
  });

  it.runIf(posix)("refuses a device such as /dev/zero without reading it", () => {
    expect(readBoundedFile("/dev/zero", 1024).refusal).toEqual({ reason: "special" });
  });

  // Opening a named pipe waits until something writes to it: idokit must refuse it without
  // opening it. Run in a child process, so a regression fails on the timeout instead of hanging.
  it.runIf(posix)("refuses a named pipe (FIFO) as logo and as answers file at once", () => {
    const dir = tempDir();
    const made = spawnSync("mkfifo", [join(dir, "pijp")]);
    expect(made.status, String(made.stderr)).toBe(0);
    const example = readFileSync(
      new URL("../../data/voorbeeld-training.yaml", import.meta.url),
      "utf8",
    );
    writeFileSync(join(dir, "antwoorden.yaml"), `${example}\nhuisstijl:\n  logo: pijp\n`);
    const logo = runIdokit(["training", "--antwoorden", "antwoorden.yaml", "--map", "p"], {
      cwd: dir,
      timeoutMs: 30_000,
    });
    expect(logo.status, logo.stderr).toBe(1);
    expect(logo.stderr).toContain(
      `het bestand "${join(dir, "pijp")}" is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp).`,
    );
    const answers = runIdokit(["training", "--antwoorden", "pijp", "--map", "p"], {
      cwd: dir,
      timeoutMs: 30_000,
    });
    expect(answers.status, answers.stderr).toBe(1);
    expect(answers.stderr).toContain(`Het antwoordenbestand "${join(dir, "pijp")}" is geen gewoon`);
    expect(readdirSync(dir).sort()).toEqual(["antwoorden.yaml", "pijp"]);
  });
});

describe("logos", () => {
  it("accepts a complete PNG and JPEG with their pixel size", () => {
    expect(checkLogo(solidPng(60, 20).data).logo).toMatchObject({
      type: "png",
      width: 60,
      height: 20,
    });
    expect(checkLogo(greyJpeg(40, 20)).logo).toMatchObject({ type: "jpeg", width: 40, height: 20 });
  });

  it("names the size of a logo with too many pixels, and the limit", () => {
    expect(checkLogo(pngClaiming(60000, 60000)).error).toBe(
      "is 60000 × 60000 pixels; een logo mag maximaal 5000 × 5000 pixels zijn. Verklein het (1000 pixels breed is ruim genoeg).",
    );
    expect(checkLogo(pngClaiming(5000, 5000)).error).toBeUndefined();
    expect(checkLogo(pngClaiming(5001, 10)).error).toMatch(/5001 × 10 pixels/);
  });

  it.each([
    ["a PNG that stops halfway", () => solidPng(60, 20).data.slice(0, 60), "niet compleet"],
    [
      "a PNG with a damaged byte",
      () => {
        const png = solidPng(60, 20).data.slice();
        png[45] = png[45]! ^ 0xff;
        return png;
      },
      "een controlegetal klopt niet",
    ],
    ["a JPEG that stops halfway", () => greyJpeg(400, 200).slice(0, -40), "niet compleet"],
    [
      "a GIF",
      () => new TextEncoder().encode("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"),
      "een GIF-afbeelding",
    ],
    [
      "an SVG",
      () =>
        new TextEncoder().encode(
          '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
        ),
      "een SVG-tekening",
    ],
    [
      "a text file",
      () => new TextEncoder().encode("dit is geen plaatje"),
      "geen PNG- of JPEG-afbeelding",
    ],
  ])("refuses %s", (_, bytes, message) => {
    const result = checkLogo(bytes());
    expect(result.logo).toBeUndefined();
    expect(result.error).toContain(message);
  });

  it("refuses by name a missing file, a folder, an empty file and a file over 5 MB", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "map.png"));
    writeFileSync(join(dir, "leeg.png"), "");
    sparseFile(join(dir, "groot.png"), 60 * 1024 * 1024);
    expect(readLogo("weg.png", dir).error).toBe(
      `het bestand "${join(dir, "weg.png")}" bestaat niet.`,
    );
    expect(readLogo("map.png", dir).error).toBe(
      `het bestand "${join(dir, "map.png")}" is een map, geen bestand.`,
    );
    expect(readLogo("leeg.png", dir).error).toBe(
      `het bestand "${join(dir, "leeg.png")}" is leeg (0 bytes).`,
    );
    expect(readLogo("groot.png", dir).error).toBe(
      `het bestand "${join(dir, "groot.png")}" is 60 MB; een logo mag maximaal 5 MB zijn. Sla het kleiner op.`,
    );
    writeFileSync(join(dir, "net-te-groot.png"), new Uint8Array(LOGO_MAX_BYTES + 1));
    expect(readLogo("net-te-groot.png", dir).error).toMatch(
      /is 5,1 MB; een logo mag maximaal 5 MB/,
    );
  });

  it.runIf(posix)("refuses /dev/zero at once, by name, without reading gigabytes", () => {
    const before = process.memoryUsage().rss;
    expect(readLogo("/dev/zero", "/").error).toBe(
      'het bestand "/dev/zero" is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp).',
    );
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
  });
});

describe("answers files", () => {
  const refusal = (file: string): InputError => {
    try {
      readAnswersFile(file);
    } catch (error) {
      if (error instanceof InputError) return error;
      throw error;
    }
    throw new Error("expected a refusal");
  };

  it("refuses binary content in one short line", () => {
    const dir = tempDir();
    const docx = join(dir, "antwoorden.docx");
    writeFileSync(
      docx,
      zipSync({ "word/document.xml": new TextEncoder().encode("<w:document/>") }),
    );
    const error = refusal(docx);
    expect(error.message).toBe(
      `"${docx}" is geen tekstbestand maar een Word-, Excel- of zip-bestand; een antwoordenbestand is YAML-tekst.`,
    );
    expect(error.problems).toEqual([]);
    const binary = join(dir, "foto.yaml");
    writeFileSync(binary, new Uint8Array([0x42, 0x00, 0x13, 0x37, 0x00, 0x0a]));
    expect(refusal(binary).message).toContain("een binair bestand");
  });

  it("names the size of an answers file over 1 MB, and the limit", () => {
    const file = join(tempDir(), "antwoorden.yaml");
    sparseFile(file, 3 * 1024 * 1024);
    expect(refusal(file).message).toBe(`Het antwoordenbestand "${file}" is 3 MB; maximaal 1 MB.`);
  });

  it.runIf(posix)("refuses a device and a folder by name", () => {
    expect(refusal("/dev/zero").message).toBe(
      'Het antwoordenbestand "/dev/zero" is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp).',
    );
    const dir = tempDir();
    expect(refusal(dir).message).toBe(`Het antwoordenbestand "${dir}" is een map, geen bestand.`);
  });

  it("reads UTF-16 (Notepad's Unicode), Windows-1252 (Notepad's ANSI) and CRLF line ends", () => {
    const dir = tempDir();
    const text = "bibliotheek:\r\n  organisatie: Bibliotheek Zuid-Oost Fryslân\r\n";
    const utf16 = join(dir, "utf16.yaml");
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const ansi = join(dir, "ansi.yaml");
    writeFileSync(ansi, Buffer.from(text, "latin1"));
    const bom = join(dir, "bom.yaml");
    writeFileSync(bom, `\uFEFF${text}`);
    for (const file of [utf16, ansi, bom])
      expect(readAnswersFile(file).data).toEqual({
        bibliotheek: { organisatie: "Bibliotheek Zuid-Oost Fryslân" },
      });
  });
});

describe("spreadsheets", () => {
  it("names the limit of a spreadsheet file, and of a workbook that unpacks too far", async () => {
    const dir = tempDir();
    const big = join(dir, "groot.csv");
    sparseFile(big, 51 * 1024 * 1024);
    await expect(readSheetTableHere(big)).rejects.toThrow(
      `Het bestand "${big}" is 51 MB; idokit leest spreadsheets tot 50 MB.`,
    );
    // A workbook of 250 MB zeros: tiny packed, refused before anything is unpacked.
    const bomb = join(dir, "bom.xlsx");
    writeFileSync(bomb, zipSync({ "xl/sharedStrings.xml": new Uint8Array(250 * 1024 * 1024) }));
    await expect(readSheetTableHere(bomb)).rejects.toThrow(
      "bom.xlsx pakt uit tot 250 MB; idokit leest werkmappen tot 200 MB uitgepakt.",
    );
  });

  it.runIf(posix)("refuses /dev/zero as a spreadsheet", async () => {
    const dir = tempDir();
    const { symlinkSync } = await import("node:fs");
    symlinkSync("/dev/zero", join(dir, "lijst.csv"));
    await expect(readSheetTableHere(join(dir, "lijst.csv"))).rejects.toThrow(
      /is geen gewoon bestand/,
    );
  });
});
