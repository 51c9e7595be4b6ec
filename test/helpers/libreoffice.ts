import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { inCi } from "./ci.js";

export const hasLibreOffice =
  spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
export const hasPdftotext = spawnSync("pdftotext", ["-v"], { encoding: "utf8" }).status === 0;

// In CI the tools are installed by .ci/run: a missing one fails the run instead of skipping.
if (inCi && !(hasLibreOffice && hasPdftotext))
  throw new Error("CI: LibreOffice (soffice) or pdftotext is missing. .ci/run installs them.");
if (!hasLibreOffice)
  console.warn("\n⚠ LibreOffice (soffice) ontbreekt: de PDF-controle wordt overgeslagen.\n");

/**
 * Converts documents to PDF in one LibreOffice run (start-up is most of the cost) with a private
 * profile, so parallel runs do not collide. Returns the PDF path per input file (missing if
 * LibreOffice could not open it).
 */
export function convertToPdf(files: string[], outDir?: string): Map<string, string | undefined> {
  return convert(files, "pdf", outDir);
}

/**
 * Converts (or re-saves) documents with LibreOffice in one run with a private profile, removed
 * afterwards. `filter` is what `--convert-to` takes: `pdf`, `docx:MS Word 2007 XML`, … (no shell: no quotes) Files
 * must have distinct base names. Returns the output path per input (undefined if none was made).
 */
export function convert(
  files: string[],
  filter: string,
  outDir?: string,
): Map<string, string | undefined> {
  const out = outDir ?? mkdtempSync(join(tmpdir(), "idokit-pdf-"));
  mkdirSync(out, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), "idokit-lo-profile-"));
  try {
    spawnSync(
      "soffice",
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=file://${profile}`,
        "--convert-to",
        filter,
        "--outdir",
        out,
        ...files,
      ],
      { encoding: "utf8", timeout: 300_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const extension = filter.replace(/:.*/, "");
  const made = new Set(readdirSync(out));
  return new Map(
    files.map((file) => {
      const name = basename(file).replace(/\.[^.]+$/, `.${extension}`);
      const path = join(out, name);
      return [
        file,
        made.has(name) && existsSync(path) && statSync(path).size > 0 ? path : undefined,
      ];
    }),
  );
}

/** The number of pages of a PDF (pdfinfo from poppler). */
export function pdfPages(pdf: string): number {
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = /^Pages:\s+(\d+)/m.exec(info.stdout)?.[1];
  if (info.status !== 0 || !pages) throw new Error(`pdfinfo could not read ${pdf}: ${info.stderr}`);
  return Number(pages);
}

/** The text of a PDF (pdftotext from poppler), or undefined when poppler is missing. */
export function pdfText(pdf: string): string | undefined {
  const result = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout : undefined;
}
