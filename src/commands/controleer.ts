import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { checkDocument, isCheckable, type Finding } from "../check/index.js";
import { InputError, UsageError } from "../errors.js";
import { MANIFEST_FILE } from "../pack/files.js";
import type { CommandContext } from "./context.js";

export interface ControleerOptions {
  /** A pack folder (or a folder of packs), or one .docx/.pptx. */
  pad: string;
}

export interface CheckedFile {
  /** Path relative to the folder that was checked (or the file name). */
  naam: string;
  soort: "docx" | "pptx";
  fouten: number;
  letOp: number;
  /** XML parts read. */
  onderdelen: number;
  /** Compared with the pack's manifest.json: still as idokit made it, changed since, or unknown. */
  sindsGemaakt: "ongewijzigd" | "gewijzigd" | "onbekend";
  bevindingen: Finding[];
}

export interface ControleerResult {
  ok: boolean;
  pad: string;
  bestanden: CheckedFile[];
  /** XML parts read, over all files. */
  onderdelen: number;
}

/**
 * `idokit controleer PAD`: checks every .docx and .pptx in a pack folder (sub-folders included,
 * so a batch folder works too), or one file, for what makes Word or PowerPoint refuse a file or
 * ask to repair it. Works on files edited and saved in Word or LibreOffice. `ok` is false when
 * any file has a `fout`.
 */
export function runControleer(
  options: ControleerOptions,
  context: CommandContext,
): ControleerResult {
  const path = resolve(context.cwd, options.pad);
  if (!existsSync(path))
    throw new InputError(`"${options.pad}" bestaat niet.`, {
      hint: "Geef de map van een pakket, of één .docx- of .pptx-bestand.",
    });
  const isFolder = statSync(path).isDirectory();
  if (!isFolder && !isCheckable(path))
    throw new UsageError(`"${options.pad}" is geen .docx- of .pptx-bestand.`, {
      hint: "idokit controleert Word-bestanden (.docx) en PowerPoint-bestanden (.pptx), of een map daarmee.",
    });
  const files = isFolder ? findDocuments(path) : [path];
  if (files.length === 0)
    throw new InputError(`In "${options.pad}" staan geen .docx- of .pptx-bestanden.`, {
      hint: "Geef de map van een pakket dat idokit gemaakt heeft.",
    });

  const manifests = new Map<string, Map<string, string>>();
  const checked = files.map((file): CheckedFile => {
    const data = readFileSync(file);
    const report = checkDocument(basename(file), data);
    return {
      naam: isFolder ? relative(path, file) : basename(file),
      soort: report.kind,
      fouten: report.findings.filter((f) => f.severity === "fout").length,
      letOp: report.findings.filter((f) => f.severity === "let-op").length,
      sindsGemaakt: compareWithManifest(file, data, manifests),
      onderdelen: report.parts,
      bevindingen: report.findings,
    };
  });
  const onderdelen = checked.reduce((sum, f) => sum + f.onderdelen, 0);
  return { ok: checked.every((f) => f.fouten === 0), pad: path, bestanden: checked, onderdelen };
}

/** Every .docx/.pptx below a folder, sorted; skips hidden folders and Office lock files (~$…). */
function findDocuments(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.name.startsWith(".") || entry.name.startsWith("~$")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findDocuments(path));
    else if (entry.isFile() && isCheckable(entry.name)) out.push(path);
  }
  return out;
}

/** Whether a file is still as idokit made it, by the sha256 in its pack's manifest.json. */
function compareWithManifest(
  file: string,
  data: Uint8Array,
  cache: Map<string, Map<string, string>>,
): CheckedFile["sindsGemaakt"] {
  const folder = dirname(file);
  let sums = cache.get(folder);
  if (!sums) {
    sums = new Map();
    try {
      const manifest = JSON.parse(readFileSync(join(folder, MANIFEST_FILE), "utf8")) as {
        bestanden?: Array<{ naam?: unknown; sha256?: unknown }>;
      };
      for (const f of manifest.bestanden ?? [])
        if (typeof f.naam === "string" && typeof f.sha256 === "string") sums.set(f.naam, f.sha256);
    } catch {
      // No manifest, or not one of ours: nothing to compare with.
    }
    cache.set(folder, sums);
  }
  const expected = sums.get(basename(file));
  if (!expected) return "onbekend";
  const actual = createHash("sha256").update(data).digest("hex");
  return actual === expected ? "ongewijzigd" : "gewijzigd";
}
