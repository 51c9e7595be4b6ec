import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
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
export function convertToPdf(files: string[]): Map<string, string | undefined> {
  const out = mkdtempSync(join(tmpdir(), "idokit-pdf-"));
  const profile = mkdtempSync(join(tmpdir(), "idokit-lo-profile-"));
  spawnSync(
    "soffice",
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${profile}`,
      "--convert-to",
      "pdf",
      "--outdir",
      out,
      ...files,
    ],
    { encoding: "utf8", timeout: 240_000 },
  );
  // The profile is only for this run; the PDFs stay for the caller, in `out`.
  rmSync(profile, { recursive: true, force: true });
  const made = new Set(readdirSync(out));
  return new Map(
    files.map((file) => {
      const pdf = basename(file).replace(/\.[^.]+$/, ".pdf");
      const path = join(out, pdf);
      return [
        file,
        made.has(pdf) && existsSync(path) && statSync(path).size > 0 ? path : undefined,
      ];
    }),
  );
}

/** The text of a PDF (pdftotext from poppler), or undefined when poppler is missing. */
export function pdfText(pdf: string): string | undefined {
  const result = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout : undefined;
}
