/**
 * The package and content check for Word and PowerPoint files: the known causes of Office's
 * "repair" prompts (see the rules in package-rules.ts and content-rules.ts). Pure: takes bytes,
 * returns findings; `idokit controleer` reads the files and every pack command checks its own
 * output with it before writing.
 */
import { unzipSync } from "fflate";
import { IdokitError } from "../errors.js";
import { CheckContext } from "./context.js";
import {
  checkNotes,
  commonRule,
  presentationRule,
  shapesRule,
  wordContentRule,
  wordNumberingRule,
  wordStylesRule,
} from "./content-rules.js";
import {
  checkPackageParts,
  checkZipNames,
  contentTypesRule,
  relationshipIdsRule,
  relationshipsRule,
} from "./package-rules.js";
import { describePart } from "./where.js";
import type { Finding } from "./types.js";

export type { Finding } from "./types.js";

/** The result for one file. */
export interface FileReport {
  name: string;
  kind: "docx" | "pptx";
  findings: Finding[];
  /** Number of XML parts read. */
  parts: number;
}

/** True for the files the check understands. */
export function isCheckable(name: string): boolean {
  return /\.(docx|pptx)$/i.test(name);
}

/**
 * Checks one .docx or .pptx. Never throws on bad input: an unreadable file is a finding.
 *
 * `written`, when given, holds the parts exactly as they were zipped into `data` (idokit's own
 * output, checked before it is written): the rules read those instead of inflating the zip
 * again, and the zip's own directory must list precisely those parts.
 */
export function checkDocument(
  name: string,
  data: Uint8Array,
  written?: ReadonlyMap<string, string | Uint8Array>,
): FileReport {
  const kind = /\.pptx$/i.test(name) ? "pptx" : "docx";
  let parts: ReadonlyMap<string, string | Uint8Array>;
  const zipNames: string[] = [];
  try {
    const inflated = unzipSync(data, {
      filter: (file) => {
        zipNames.push(file.name);
        return written === undefined;
      },
    });
    parts = written ?? new Map(Object.entries(inflated).filter(([n]) => !n.endsWith("/")));
  } catch (error) {
    return zipFault(
      name,
      kind,
      `Dit is geen leesbaar ${kind === "pptx" ? "PowerPoint" : "Word"}-bestand (${(error as Error).message}).`,
    );
  }
  if (written && (zipNames.length !== written.size || zipNames.some((n) => !written.has(n))))
    return zipFault(
      name,
      kind,
      `De inhoudsopgave van het zipbestand (${zipNames.length} onderdelen) klopt niet met de ${written.size} geschreven onderdelen.`,
    );
  const ctx = new CheckContext(parts, RULES[kind]);
  const main = kind === "pptx" ? "ppt/presentation.xml" : "word/document.xml";
  if (!ctx.find(main))
    ctx.add(
      "",
      "hoofddeel",
      "fout",
      `Het hoofddeel ${main} ontbreekt: dit is geen ${kind}-bestand.`,
    );
  checkZipNames(ctx, zipNames);
  // One pass over each XML part with every rule; then what needs all parts read.
  for (const part of ctx.xmlParts()) ctx.scan(part);
  checkPackageParts(ctx);
  if (kind === "pptx") checkNotes(ctx);
  const findings = ctx.findings.map((f) => ({ ...f, where: describePart(ctx, f.part) }));
  return { name, kind, findings, parts: ctx.xmlParts().length };
}

const SHARED_RULES = [relationshipsRule, relationshipIdsRule, commonRule];
const RULES = {
  docx: [
    contentTypesRule("docx"),
    ...SHARED_RULES,
    wordStylesRule,
    wordNumberingRule,
    wordContentRule,
  ],
  pptx: [contentTypesRule("pptx"), ...SHARED_RULES, presentationRule, shapesRule],
};

/** The report of a file whose zip itself is wrong: one finding, nothing else read. */
function zipFault(name: string, kind: FileReport["kind"], message: string): FileReport {
  return {
    name,
    kind,
    parts: 0,
    findings: [{ part: "", where: "het hele bestand", rule: "zip", severity: "fout", message }],
  };
}

/** Checks every .docx and .pptx of a pack (other files are skipped). */
export function checkDocuments(files: ReadonlyArray<CheckableFile>): FileReport[] {
  return files
    .filter((f) => isCheckable(f.name))
    .map((f) => checkDocument(f.name, f.data, f.parts));
}

/** A file to check; idokit's own output may carry the parts it was zipped from. */
export interface CheckableFile {
  name: string;
  data: Uint8Array;
  parts?: ReadonlyMap<string, string | Uint8Array> | undefined;
}

/**
 * The check every pack command runs on its own output before anything is written: a document
 * with any finding is a bug in idokit, so the pack is refused instead of reported as done.
 */
export function assertDocumentsValid(files: ReadonlyArray<CheckableFile>): void {
  const problems = checkDocuments(files).flatMap((report) =>
    report.findings.map((f) => ({
      where: `${report.name}, ${f.where}`,
      message: `${f.severity === "fout" ? "" : "(let op) "}${f.message}`,
    })),
  );
  if (problems.length > 0)
    throw new IdokitError(
      "idokit heeft een document gemaakt dat niet door de eigen controle komt; het pakket is niet weggeschreven.",
      {
        exitCode: 1,
        problems,
        hint: "Dit is een fout in idokit, niet in je antwoorden. Meld het aan de beheerder van idokit en stuur deze melding en je antwoordenbestand mee.",
      },
    );
}
