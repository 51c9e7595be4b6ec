import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * LibreOffice at the edge of idokit: finding `soffice` and converting documents to PDF with it.
 * Every conversion runs headless with its own temporary profile, so parallel runs (two packs,
 * a batch pool) never share a profile and collide.
 */

/** The environment variable that points at LibreOffice: the `soffice` program or its folder. */
export const SOFFICE_ENV = "IDOKIT_SOFFICE";

/** Where to get LibreOffice, for the message when it is missing. */
export const LIBREOFFICE_DOWNLOAD = "https://nl.libreoffice.org/download/";

export interface FindOptions {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** True when an executable file exists at the path; injectable for tests. */
  isFile?: (path: string) => boolean;
  /** The user's home folder (for ~/Applications on macOS). */
  home?: string | undefined;
  /** Lists a folder's entries (for /opt/libreoffice* on Linux); injectable for tests. */
  listDir?: (path: string) => string[];
}

const defaultIsFile = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** Program names to look for in a folder, best first. */
function programNames(platform: NodeJS.Platform): string[] {
  // On Windows soffice.com is the console variant: it waits until the conversion is done.
  return platform === "win32" ? ["soffice.com", "soffice.exe"] : ["soffice", "libreoffice"];
}

/** The standard install locations of LibreOffice per platform. */
function standardLocations(options: FindOptions): string[] {
  const { env, platform } = options;
  if (platform === "win32") {
    const roots = [env.ProgramFiles, env["ProgramFiles(x86)"], env.ProgramW6432, env.LOCALAPPDATA]
      .filter((root): root is string => Boolean(root))
      .flatMap((root) => [
        join(root, "LibreOffice", "program"),
        join(root, "Programs", "LibreOffice", "program"),
      ]);
    return [...roots, "C:\\Program Files\\LibreOffice\\program"];
  }
  if (platform === "darwin") {
    const app = "LibreOffice.app/Contents/MacOS";
    return [
      join("/Applications", app),
      ...(options.home ? [join(options.home, "Applications", app)] : []),
    ];
  }
  // Linux: the distribution's package puts soffice on the PATH; LibreOffice's own packages
  // install under /opt/libreofficeX.Y without it.
  return (options.listDir?.("/opt") ?? [])
    .filter((name) => name.startsWith("libreoffice"))
    .sort((a, b) => b.localeCompare(a, "en", { numeric: true }))
    .map((name) => join("/opt", name, "program"));
}

/**
 * Finds LibreOffice's `soffice`: first `IDOKIT_SOFFICE` (the program, or the folder it is in),
 * then the PATH, then the standard install locations on Windows, macOS and Linux. Returns its
 * path, or undefined when LibreOffice is not installed.
 */
export function findSoffice(options: FindOptions): string | undefined {
  const isFile = options.isFile ?? defaultIsFile;
  const names = programNames(options.platform);
  const inFolder = (folder: string): string | undefined =>
    names.map((name) => join(folder, name)).find(isFile);

  const configured = options.env[SOFFICE_ENV]?.trim();
  if (configured) {
    if (isFile(configured)) return configured;
    const found = inFolder(configured) ?? inFolder(join(configured, "program"));
    if (found) return found;
  }
  const pathVar = options.env.PATH ?? options.env.Path ?? "";
  const pathDelimiter = options.platform === "win32" ? ";" : delimiter;
  for (const folder of pathVar.split(pathDelimiter).filter(Boolean)) {
    const found = inFolder(folder);
    if (found) return found;
  }
  for (const folder of standardLocations(options)) {
    const found = inFolder(folder);
    if (found) return found;
  }
  return undefined;
}

/** The Dutch message when LibreOffice is missing: what happened, where to get it. */
export function missingLibreOfficeMessage(): string {
  return `LibreOffice is niet gevonden, dus er zijn geen PDF's gemaakt; de rest van het pakket wel. Installeer LibreOffice (gratis, ${LIBREOFFICE_DOWNLOAD}) en maak het pakket opnieuw met --pdf. Staat LibreOffice op een andere plek? Zet dan ${SOFFICE_ENV} op het pad naar soffice.`;
}

/** Temporary folders of conversions under way; removed if the process exits halfway (Ctrl-C). */
const active = new Set<string>();
let exitHookInstalled = false;
function track(dir: string): void {
  active.add(dir);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => {
      for (const path of active) rmSync(path, { recursive: true, force: true });
    });
  }
}
function release(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  active.delete(dir);
}

/** A fresh temporary folder that is removed on exit if it is still there. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  track(dir);
  return dir;
}

/** Removes a folder made by `makeTempDir`. */
export function removeTempDir(dir: string): void {
  release(dir);
}

export interface ConvertOptions {
  /** Time for the whole call; default 60 s plus 15 s per file. */
  timeoutMs?: number;
}

/**
 * Converts documents (.docx, .pptx) to PDF in ONE LibreOffice run, because starting LibreOffice
 * is most of the cost. Base names must be unique: the PDFs land side by side in `outDir`.
 * Returns, per input path, the PDF's path, or undefined when LibreOffice made none.
 */
export async function convertWithSoffice(
  soffice: string,
  files: readonly string[],
  outDir: string,
  options: ConvertOptions = {},
): Promise<Map<string, string | undefined>> {
  const profile = makeTempDir("idokit-lo-profile-");
  try {
    await new Promise<void>((resolvePromise) => {
      execFile(
        soffice,
        [
          "--headless",
          "--norestore",
          "--nolockcheck",
          "--nodefault",
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          "--convert-to",
          "pdf",
          "--outdir",
          outDir,
          ...files,
        ],
        {
          timeout: options.timeoutMs ?? 60_000 + 15_000 * files.length,
          windowsHide: true,
          maxBuffer: 16 * 1024 * 1024,
        },
        // A failed or timed-out run is judged by the PDFs it left, below.
        () => resolvePromise(),
      );
    });
  } finally {
    removeTempDir(profile);
  }
  const made = existsSync(outDir) ? new Set(readdirSync(outDir)) : new Set<string>();
  return new Map(
    files.map((file) => {
      const pdf = basename(file).replace(/\.[^.]+$/, "") + ".pdf";
      const path = join(outDir, pdf);
      return [file, made.has(pdf) && statSync(path).size > 0 ? path : undefined];
    }),
  );
}

/** Finds LibreOffice for this process: its environment, platform and home folder. */
export function locateSoffice(): string | undefined {
  return findSoffice({
    env: process.env,
    platform: process.platform,
    home: process.env.HOME ?? process.env.USERPROFILE,
    listDir: (path) => {
      try {
        return readdirSync(path);
      } catch {
        return [];
      }
    },
  });
}
