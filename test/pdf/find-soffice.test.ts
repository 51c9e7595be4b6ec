import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findSoffice, missingLibreOfficeMessage } from "../../src/pdf/libreoffice.js";

/** A file system with exactly these files. */
const only =
  (...files: string[]) =>
  (path: string): boolean =>
    files.includes(path);

describe("findSoffice", () => {
  it("takes IDOKIT_SOFFICE first, as the program itself or as its install folder", () => {
    const program = join("/eigen", "lo", "program", "soffice");
    const isFile = only(program, "/usr/bin/soffice");
    const env = { PATH: "/usr/bin" };
    expect(
      findSoffice({ env: { ...env, IDOKIT_SOFFICE: program }, platform: "linux", isFile }),
    ).toBe(program);
    expect(
      findSoffice({ env: { ...env, IDOKIT_SOFFICE: "/eigen/lo" }, platform: "linux", isFile }),
    ).toBe(program);
  });

  it("falls back to the PATH when IDOKIT_SOFFICE points nowhere", () => {
    const isFile = only("/usr/bin/soffice");
    expect(
      findSoffice({
        env: { PATH: "/bin:/usr/bin", IDOKIT_SOFFICE: "/weg" },
        platform: "linux",
        isFile,
      }),
    ).toBe("/usr/bin/soffice");
  });

  it("finds the libreoffice launcher when there is no soffice", () => {
    expect(
      findSoffice({
        env: { PATH: "/usr/bin" },
        platform: "linux",
        isFile: only("/usr/bin/libreoffice"),
      }),
    ).toBe("/usr/bin/libreoffice");
  });

  it("finds LibreOffice's own Linux package under /opt, newest first", () => {
    const isFile = only(
      "/opt/libreoffice7.6/program/soffice",
      "/opt/libreoffice24.8/program/soffice",
    );
    const listDir = (): string[] => ["libreoffice24.8", "libreoffice7.6", "google"];
    expect(findSoffice({ env: { PATH: "/bin" }, platform: "linux", isFile, listDir })).toBe(
      "/opt/libreoffice24.8/program/soffice",
    );
  });

  it("finds the standard Windows install, preferring the console program soffice.com", () => {
    const folder = join("C:\\Program Files", "LibreOffice", "program");
    const isFile = only(join(folder, "soffice.exe"), join(folder, "soffice.com"));
    expect(
      findSoffice({
        env: { Path: "C:\\Windows", ProgramFiles: "C:\\Program Files" },
        platform: "win32",
        isFile,
      }),
    ).toBe(join(folder, "soffice.com"));
  });

  it("finds the macOS app in /Applications and in the user's own Applications folder", () => {
    const system = "/Applications/LibreOffice.app/Contents/MacOS/soffice";
    const own = "/Users/sanne/Applications/LibreOffice.app/Contents/MacOS/soffice";
    expect(
      findSoffice({ env: { PATH: "/usr/bin" }, platform: "darwin", isFile: only(system) }),
    ).toBe(system);
    expect(
      findSoffice({
        env: { PATH: "/usr/bin" },
        platform: "darwin",
        home: "/Users/sanne",
        isFile: only(own),
      }),
    ).toBe(own);
  });

  it("returns undefined when LibreOffice is nowhere, and the message says where to get it", () => {
    expect(
      findSoffice({ env: { PATH: "/bin:/usr/bin" }, platform: "linux", isFile: only() }),
    ).toBeUndefined();
    const message = missingLibreOfficeMessage();
    expect(message).toContain("LibreOffice is niet gevonden");
    expect(message).toContain("https://nl.libreoffice.org/download/");
    expect(message).toContain("IDOKIT_SOFFICE");
  });
});
