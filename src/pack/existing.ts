import { createHash } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { homedir } from "node:os";
import { basename, join, parse, relative, resolve, sep } from "node:path";
import { InputError, type Problem } from "../errors.js";
import { ANSWERS_FILE, MANIFEST_FILE } from "./files.js";
import type { Manifest } from "./manifest.js";
import { newNameProblem } from "./names.js";

/**
 * What is at a pack's destination, and whether idokit may put a pack there. The one rule for
 * every command that writes packs (training, bijeenkomst, batch with --force and --hervat):
 * idokit replaces a folder only when it is empty or an earlier idokit pack that holds nothing
 * idokit did not write, and never the current folder, a folder above it, the home folder or the
 * root of a drive.
 */

/** Files Windows Explorer and macOS Finder leave in any folder someone has looked at. */
const SYSTEM_FILES = new Set([".ds_store", "thumbs.db", "ehthumbs.db", "desktop.ini"]);

export type Destination =
  /** Nothing there yet. */
  | { state: "new" }
  /** An empty folder. */
  | { state: "empty" }
  /** An earlier idokit pack; `files` are its files (relative, `/`-separated) to remove later. */
  | { state: "pack"; files: string[] };

export interface DestinationRules {
  /** `--force`: an earlier pack may be replaced. */
  force: boolean;
  /** The folder the person works in (never replaced, nor any folder above it). */
  cwd: string;
  /** The home folder; default `os.homedir()`. */
  home?: string | undefined;
  /**
   * The answers file this run reads, when it lies in the destination: its pack's own
   * `antwoorden.yaml`, edited by hand and made again, as the README suggests. The new pack holds
   * those answers, so a changed `antwoorden.yaml` there is not lost.
   */
  answersFile?: string | undefined;
  /** The flag that replaces, for messages: `--vervang` (default) or `--hervat`. */
  flag?: string;
}

/** The real path when it exists (symlinks resolved), else the path itself. */
function real(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

/** Paths as the file system compares them: without case on Windows and macOS. */
const fold = (path: string): string =>
  process.platform === "win32" || process.platform === "darwin" ? path.toLowerCase() : path;

const samePath = (a: string, b: string): boolean => fold(a) === fold(b);

/** `inner` lies inside `outer` (not equal). */
function isInside(inner: string, outer: string): boolean {
  const rel = relative(fold(outer), fold(inner));
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !parse(rel).root;
}

/**
 * Why a folder may never be a pack destination, or nothing: the root of a drive, the current
 * folder or one above it, the home folder.
 */
export function protectedReason(target: string, cwd: string, home = homedir()): string | undefined {
  const path = real(target);
  const here = real(cwd);
  if (parse(path).root === path || parse(target).root === target)
    return "is de hoofdmap van een schijf";
  if (samePath(path, here)) return "is de map waarin je nu werkt";
  if (isInside(here, path)) return "is een map boven de map waarin je nu werkt";
  if (home && samePath(path, real(home))) return "is je persoonlijke map (thuismap)";
  return undefined;
}

/** The manifest of an idokit pack in `dir`, or undefined when there is none or it is not ours. */
export function readPackManifest(dir: string): Manifest | undefined {
  try {
    const data = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), "utf8")) as Partial<Manifest>;
    const valid =
      typeof data.idokit === "string" &&
      typeof data.pakket === "string" &&
      Array.isArray(data.bestanden) &&
      data.bestanden.every(
        (file) =>
          typeof file?.naam === "string" &&
          typeof file.sha256 === "string" &&
          typeof file.bytes === "number" &&
          !file.naam.split("/").includes(".."),
      );
    return valid ? (data as Manifest) : undefined;
  } catch {
    return undefined;
  }
}

interface Entry {
  /** Relative to the folder, `/`-separated. */
  path: string;
  kind: "file" | "dir" | "other";
}

function listEntries(dir: string, prefix = ""): Entry[] {
  const entries: Entry[] = [];
  for (const name of readdirSync(dir)) {
    const path = prefix ? `${prefix}/${name}` : name;
    const stat = lstatSync(join(dir, name));
    if (stat.isDirectory()) {
      entries.push({ path, kind: "dir" }, ...listEntries(join(dir, name), path));
    } else entries.push({ path, kind: stat.isFile() ? "file" : "other" });
  }
  return entries;
}

const sha256 = (file: string): string =>
  createHash("sha256").update(readFileSync(file)).digest("hex");

/** Word's owner file `~$name.docx` and LibreOffice's `.~lock.name.docx#`: the document is open. */
function openDocument(name: string): string | undefined {
  const libre = /^\.~lock\.(.+)#$/.exec(name);
  if (libre) return libre[1];
  return name.startsWith("~$") ? name.slice(2) : undefined;
}

/**
 * Looks at a pack's destination and says what is there, or throws a Dutch `InputError` naming
 * the folder, why nothing is replaced and what to do. Reads, never writes.
 */
export function inspectDestination(target: string, rules: DestinationRules): Destination {
  const flag = rules.flag ?? "--vervang";
  if (!existsSync(target)) {
    const badName = newNameProblem(target);
    if (badName) throw badName;
    return { state: "new" };
  }
  const stat = lstatSync(target);
  const why = protectedReason(target, rules.cwd, rules.home);
  if (why)
    throw new InputError(
      `De map "${target}" ${why}. idokit zet daar geen pakket in en vervangt hem nooit, ook niet met ${flag}. Er is niets veranderd.`,
      { hint: "Kies een nieuwe map voor het pakket, bijvoorbeeld --map pakket-maart." },
    );
  if (stat.isSymbolicLink())
    throw new InputError(
      `"${target}" is een snelkoppeling (symbolische link) naar een andere plek. idokit schrijft daar niet doorheen. Er is niets veranderd.`,
      { hint: "Kies een gewone map met --map MAP." },
    );
  if (!stat.isDirectory())
    throw new InputError(`"${target}" bestaat al en is geen map. Er is niets veranderd.`, {
      hint: "Kies een andere plek met --map MAP.",
    });
  const entries = listEntries(target);
  if (entries.length === 0) return { state: "empty" };
  if (!rules.force)
    throw new InputError(
      `De map "${target}" bestaat al en is niet leeg. Er is niets overschreven.`,
      {
        hint: `Kies een andere map met --map MAP. Is het een eerder pakket van idokit, dan vervang je het met ${flag}.`,
      },
    );

  const manifest = readPackManifest(target);
  const refuse = (reason: string, problems: Problem[], hint: string): never => {
    throw new InputError(
      `De map "${target}" ${reason} ${flag} vervangt alleen een eerder pakket van idokit. Er is niets veranderd.`,
      { problems: problems.slice(0, 10), hint },
    );
  };
  const elsewhere = "Kies een nieuwe map met --map MAP, bijvoorbeeld --map pakket-maart.";
  if (!manifest)
    refuse(
      "is geen pakket van idokit: er staat geen manifest.json van idokit in.",
      entries
        .filter((e) => !e.path.includes("/"))
        .map((e) => ({
          where: e.kind === "dir" ? `${e.path}/` : e.path,
          message: "niet van idokit",
        })),
      elsewhere,
    );

  const listed = new Map(manifest!.bestanden.map((file) => [file.naam, file.sha256]));
  const listedDirs = new Set(
    [...listed.keys()].flatMap((name) =>
      name
        .split("/")
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join("/")),
    ),
  );
  const answersInPack =
    rules.answersFile !== undefined &&
    samePath(real(rules.answersFile), real(join(target, ANSWERS_FILE)));
  const foreign: Problem[] = [];
  const changed: Problem[] = [];
  const open: Problem[] = [];
  const files: string[] = [];
  for (const entry of entries) {
    const name = basename(entry.path);
    if (entry.kind === "dir") {
      if (!listedDirs.has(entry.path))
        foreign.push({ where: `${entry.path}/`, message: "een map die idokit niet heeft gemaakt" });
      continue;
    }
    const document = openDocument(name);
    if (document !== undefined) {
      open.push({ where: document, message: "staat open in Word of LibreOffice" });
      continue;
    }
    const appleDouble =
      name.startsWith("._") && listed.has(entry.path.replace(/\._([^/]+)$/, "$1"));
    if (entry.path === MANIFEST_FILE || SYSTEM_FILES.has(name.toLowerCase()) || appleDouble) {
      files.push(entry.path);
      continue;
    }
    const hash = listed.get(entry.path);
    if (hash === undefined || entry.kind !== "file") {
      foreign.push({ where: entry.path, message: "niet door idokit gemaakt" });
      continue;
    }
    if (
      !(entry.path === ANSWERS_FILE && answersInPack) &&
      sha256(join(target, entry.path)) !== hash
    )
      changed.push({ where: entry.path, message: "aangepast nadat idokit het maakte" });
    files.push(entry.path);
  }
  if (open.length > 0)
    refuse(
      "is een pakket van idokit, maar er staat een document van open.",
      open,
      "Sluit de documenten en probeer het opnieuw.",
    );
  if (foreign.length > 0)
    refuse(
      "is een pakket van idokit, maar er staat ook iets in dat idokit niet heeft gemaakt.",
      foreign,
      `Zet wat je wilt bewaren ergens anders neer, of kies een nieuwe map met --map MAP.`,
    );
  if (changed.length > 0)
    refuse(
      "is een pakket van idokit, maar er is na het maken iets in aangepast.",
      changed,
      "Bewaar je aangepaste bestanden eerst ergens anders, of kies een nieuwe map met --map MAP.",
    );
  return { state: "pack", files };
}
