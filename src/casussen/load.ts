import { readdirSync, readFileSync, statSync, type Dirent } from "node:fs";
import path from "node:path";
import type { Vocabulary } from "../domain/vocabulary.js";
import { InputError, type Problem } from "../errors.js";
import { BUILTIN_CASUSSEN_DIR } from "../paths.js";
import { BUILTIN_CASUSSEN, type BuiltinCasus } from "./builtin.js";
import { parseCasus } from "./parse.js";
import { OWN_ONLY_NAMES, type Casus } from "./types.js";

/** Every casus of one folder that validated, and the problems of those that did not. */
export interface CasusFolder {
  dir: string;
  casussen: Casus[];
  problems: Problem[];
  /** Number of `.md` files read (README.md excluded). */
  fileCount: number;
  /** Number of files with at least one problem. */
  brokenFileCount: number;
}

/** The library in use: built-in casussen with the user's own folders laid over them. */
export interface CasusLibrary {
  casussen: Casus[];
  /** Dutch remarks worth showing, e.g. which built-in casus a user's casus replaces. */
  notices: string[];
  /**
   * The user's own folders when the built-in library is left out (`--alleen-eigen-casussen`);
   * undefined when the built-in casussen are in use. Messages about too few casussen name them.
   */
  ownOnly?: string[] | undefined;
}

const HINT =
  "Pas de genoemde bestanden aan; idokit casussen nieuw BESTAND maakt een casus met uitleg bij elk veld. " +
  "Een eigen map controleer je vooraf met: idokit casussen controleer MAP";

/**
 * Loads the built-in casussen and the user's folders (`--casussen`, in order; a later folder
 * wins). A user casus with the id of a built-in one replaces it, with a notice. With
 * `ownOnly`, the built-in library is left out and only the user's folders count (at least one
 * is needed). Problems of all files are collected and thrown together as one `InputError`; the
 * result is sorted by id.
 */
export function loadCasusLibrary(options: {
  vocabulary: Vocabulary;
  extraDirs?: readonly string[];
  builtInDir?: string;
  /** Only the user's folders, not the built-in library (`--alleen-eigen-casussen`). */
  ownOnly?: boolean | undefined;
}): CasusLibrary {
  const builtInDir = options.builtInDir ?? BUILTIN_CASUSSEN_DIR;
  const ownOnly = options.ownOnly === true;
  // 1. Each folder once; a user folder that is the built-in one adds nothing.
  const seen = new Set([path.resolve(builtInDir)]);
  const extraDirs = (options.extraDirs ?? []).filter((dir) => {
    const resolved = path.resolve(dir);
    if (seen.has(resolved)) return false;
    seen.add(resolved);
    return true;
  });
  if (ownOnly && extraDirs.length === 0)
    throw new InputError(
      "Alleen eigen casussen gebruiken kan pas als idokit weet waar jullie casussen staan.",
      {
        problems: [
          {
            where: "--alleen-eigen-casussen",
            message:
              "er is geen eigen casusmap opgegeven (--casussen MAP, of casussen: in instellingen.yaml).",
          },
        ],
        hint: `Geef de map mee met --casussen MAP of zet hem onder casussen: in instellingen.yaml; of laat ${OWN_ONLY_NAMES} weg om de ingebouwde casussen te gebruiken.`,
      },
    );
  // 2. List every folder before parsing anything, so a mistyped path fails fast. The build parsed
  //    the built-in library already (against the built-in vocabulary).
  const prepared = ownOnly
    ? undefined
    : builtInDir === BUILTIN_CASUSSEN_DIR
      ? BUILTIN_CASUSSEN
      : undefined;
  const readBuiltIn = !ownOnly && !prepared;
  const listings = (readBuiltIn ? [builtInDir, ...extraDirs] : extraDirs).map((dir) => ({
    dir,
    files: listCasusFiles(dir),
  }));

  // 3. Parse all files, collecting every problem.
  const folders = [
    ...(prepared ? [preparedFolder(builtInDir, prepared)] : []),
    ...listings.map(({ dir, files }, index) =>
      readFiles(dir, files, options.vocabulary, readBuiltIn && index === 0),
    ),
  ];
  const problems = folders.flatMap((folder) => folder.problems);
  if (problems.length > 0) {
    const broken = folders.reduce((sum, folder) => sum + folder.brokenFileCount, 0);
    throw new InputError(
      broken === 1 ? "1 casusbestand bevat fouten." : `${broken} casusbestanden bevatten fouten.`,
      { problems, hint: HINT },
    );
  }

  // 4. Lay the folders over each other.
  const notices: string[] = [];
  const byId = new Map<string, Casus>();
  for (const folder of folders) {
    if (folder.fileCount === 0) notices.push(`In de map ${folder.dir} staan geen casussen (*.md).`);
    for (const casus of folder.casussen) {
      const previous = byId.get(casus.id);
      if (previous?.builtIn === true)
        notices.push(
          `Eigen casus ${casus.id} vervangt de ingebouwde casus ${casus.id} (bestand ${casus.source}).`,
        );
      else if (previous !== undefined)
        notices.push(
          `Eigen casus ${casus.id} uit ${casus.source} vervangt die uit ${previous.source}.`,
        );
      byId.set(casus.id, casus);
    }
  }
  return {
    casussen: sortById([...byId.values()]),
    notices,
    ...(ownOnly ? { ownOnly: extraDirs.map(displayPath) } : {}),
  };
}

/**
 * Reads and validates every casus file of one folder without throwing for their content (for
 * `idokit casussen controleer`). Throws an `InputError` only when the folder cannot be read.
 */
export function readCasusFolder(
  dir: string,
  vocabulary: Vocabulary,
  options: { builtIn?: boolean } = {},
): CasusFolder {
  return readFiles(dir, listCasusFiles(dir), vocabulary, options.builtIn ?? false);
}

/** The built-in folder as the build parsed it; each casus's source as readFiles would give it. */
function preparedFolder(dir: string, prepared: NonNullable<typeof BUILTIN_CASUSSEN>): CasusFolder {
  const entries = JSON.parse(prepared.json) as BuiltinCasus[];
  return {
    dir,
    casussen: entries.map(({ file, casus }) => {
      casus.source = displayPath(path.join(dir, file));
      return casus;
    }),
    problems: [],
    fileCount: prepared.fileCount,
    brokenFileCount: 0,
  };
}

function readFiles(
  dir: string,
  files: readonly string[],
  vocabulary: Vocabulary,
  builtIn: boolean,
): CasusFolder {
  const problems: Problem[] = [];
  const casussen: Casus[] = [];
  const broken = new Set<string>();
  const firstFileOfId = new Map<string, string>();
  for (const file of files) {
    const source = displayPath(file);
    const text = readText(file);
    if (text === undefined) {
      problems.push({ where: source, message: "kan niet worden gelezen. Controleer de rechten." });
      broken.add(source);
      continue;
    }
    const parsed = parseCasus(text, source, vocabulary);
    problems.push(...parsed.problems);
    if (parsed.problems.length > 0) broken.add(source);
    if (parsed.id !== undefined) {
      const other = firstFileOfId.get(parsed.id);
      if (other !== undefined) {
        // Blame the file whose name does not match the id: that is the copy.
        const [blamed, named] = isNamedAfter(source, parsed.id) ? [other, source] : [source, other];
        problems.push({
          where: `${blamed}, veld "id"`,
          message: `id "${parsed.id}" wordt ook gebruikt in ${named}. Elk id mag in een map maar één keer voorkomen.`,
        });
        broken.add(blamed);
        if (blamed === source) continue;
      }
      firstFileOfId.set(parsed.id, source);
    }
    if (parsed.casus !== undefined) casussen.push({ ...parsed.casus, builtIn });
  }
  return {
    dir,
    casussen: sortById(casussen.filter((casus) => !broken.has(casus.source))),
    problems,
    fileCount: files.length,
    brokenFileCount: broken.size,
  };
}

/** Absolute paths of the casus files in `dir`: `*.md` except README.md and hidden files, sorted. */
function listCasusFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "bestaat niet"
        : code === "ENOTDIR"
          ? "is geen map"
          : "kan niet worden gelezen";
    throw new InputError(`De map met casussen ${dir} ${reason}.`, {
      problems: [{ where: dir, message: `${reason}.` }],
      hint: "Controleer het pad bij --casussen.",
      cause: error,
    });
  }
  return entries
    .filter((entry) => /\.md$/i.test(entry.name) && !entry.name.startsWith("."))
    .filter((entry) => entry.name.toLowerCase() !== "readme.md")
    .map((entry) => ({ entry, file: path.join(dir, entry.name) }))
    .filter(({ entry, file }) => entry.isFile() || (entry.isSymbolicLink() && isFile(file)))
    .map(({ file }) => file)
    .sort();
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** Relative to the working folder when inside it, so messages stay short; absolute otherwise. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative)
    ? relative
    : file;
}

function isNamedAfter(source: string, id: string): boolean {
  return path.basename(source).toLowerCase() === `${id}.md`;
}

function sortById(casussen: Casus[]): Casus[] {
  return casussen.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
