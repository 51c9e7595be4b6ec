/**
 * The ISO/IEC 29500 schema and package check (tools/ooxml-check/check.py) for tests.
 *
 * `checkOoxml` checks any number of .docx/.pptx files, given as paths or as bytes, in ONE python
 * run and returns the findings per file. The checker needs a python3 with lxml (Debian:
 * python3-lxml). Where that is missing on a developer's machine, `ooxmlChecker.available` is false
 * and a visible message says why, so a test can `describe.skipIf(!ooxmlChecker.available)`; in CI
 * (the `CI` environment variable is set) a missing checker throws instead, so it can never be
 * skipped there.
 *
 * @example
 * const reports = checkOoxml(pack.files.filter((f) => isOfficeFile(f.name)));
 * expect(findingsOf(reports)).toEqual([]);
 */
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { unzipSync } from "fflate";
import { inCi } from "./ci.js";

export const CHECKER = fileURLToPath(new URL("../../tools/ooxml-check/check.py", import.meta.url));

/** A document given as bytes, with the file name it would have in a pack. */
export interface NamedBytes {
  name: string;
  data: Uint8Array;
}

export interface OoxmlReport {
  /** The path, or the name of a document given as bytes. */
  file: string;
  /** "part | message", one per finding; empty when the document is clean. */
  findings: string[];
}

// Debian's python has lxml; a pyenv python3 on the PATH often has not. Try that one first.
const CANDIDATES = ["/usr/bin/python3", "python3", "python"];

function findPython(): { python?: string; reason: string } {
  for (const python of CANDIDATES) {
    const probe = spawnSync(python, ["-c", "import lxml.etree"], { encoding: "utf8" });
    if (probe.status === 0) return { python, reason: "" };
  }
  return {
    reason:
      "geen python3 met lxml gevonden (Debian: apt-get install python3-lxml); " +
      "de ISO 29500-schemacontrole wordt overgeslagen",
  };
}

const found = findPython();
if (!found.python) {
  if (inCi) throw new Error(`CI: ${found.reason.replace(/;.*/, "")}. .ci/run installs it.`);
  console.warn(`\n⚠ ${found.reason}.\n`);
}

/** Whether the checker can run here; `reason` says why not. */
export const ooxmlChecker: { available: boolean; python?: string; reason: string } = {
  available: Boolean(found.python),
  ...found,
};

/** True for the file types the checker understands. */
export function isOfficeFile(name: string): boolean {
  return /\.(docx|pptx|xlsx)$/i.test(name);
}

/**
 * Checks every file in one python run; returns one report per input, in input order.
 * `strict` also reports the two deviations the checker tolerates (see its header).
 */
export function checkOoxml(
  inputs: ReadonlyArray<string | NamedBytes>,
  options: { strict?: boolean } = {},
): OoxmlReport[] {
  if (!ooxmlChecker.python) throw new Error(ooxmlChecker.reason);
  if (inputs.length === 0) return [];
  // Bytes go to a private folder, one sub-folder per input so equal names do not collide.
  let scratch: string | undefined;
  const paths = inputs.map((input, i) => {
    if (typeof input === "string") return input;
    scratch ??= mkdtempSync(join(tmpdir(), "idokit-ooxml-"));
    const dir = join(scratch, String(i));
    const path = join(dir, basename(input.name));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, input.data);
    return path;
  });
  try {
    const run = spawnSync(
      ooxmlChecker.python,
      [CHECKER, "--json", ...(options.strict ? ["--strict"] : []), ...paths],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
    );
    // Exit 0 (clean) and 1 (findings) both print the JSON report; anything else is a crash.
    if (run.status !== 0 && run.status !== 1)
      throw new Error(`ooxml-check failed (${run.status ?? run.signal}): ${run.stderr}`);
    const report = JSON.parse(run.stdout) as Record<string, Record<string, string[]>>;
    if (process.env.IDOKIT_OOXML_TALLY) tally(process.env.IDOKIT_OOXML_TALLY, paths);
    return paths.map((path, i) => {
      const input = inputs[i]!;
      const parts = report[path];
      if (!parts) throw new Error(`ooxml-check did not report on ${path}`);
      return {
        file: typeof input === "string" ? input : input.name,
        findings: Object.entries(parts).flatMap(([part, messages]) =>
          messages.map((message) => `${part} | ${message}`),
        ),
      };
    });
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * For the closing note's figures: with IDOKIT_OOXML_TALLY=FILE, every checked document adds a line
 * "XML parts<TAB>file" to FILE (the test files run in parallel workers, so a file, not a counter).
 */
function tally(file: string, paths: readonly string[]): void {
  const lines = paths.map((path) => {
    let parts = 0;
    unzipSync(readFileSync(path), {
      filter: (entry) => {
        if (/\.(xml|rels)$/.test(entry.name)) parts++;
        return false;
      },
    });
    return `${parts}\t${basename(path)}\n`;
  });
  appendFileSync(file, lines.join(""));
}

/** Only the files with findings, as `file: part | message` lines (empty when all are clean). */
export function findingsOf(reports: readonly OoxmlReport[]): string[] {
  return reports.flatMap((r) => r.findings.map((f) => `${r.file}: ${f}`));
}
