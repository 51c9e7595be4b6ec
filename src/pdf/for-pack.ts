import type { PackFile } from "../pack/manifest.js";
import { locateSoffice, missingLibreOfficeMessage } from "./libreoffice.js";
import { addToPack, makePackPdfs } from "./pack-pdfs.js";

/** What `--pdf` did for one pack, for the result and the summary. */
export interface PdfReport {
  /** PDFs added to the pack. */
  gemaakt: number;
  /** Documents whose PDF could not be made. */
  mislukt: string[];
  /** Why there are no PDFs at all (LibreOffice missing), in Dutch. */
  melding?: string;
}

/**
 * `--pdf` for one pack: every .docx and .pptx converted in one LibreOffice run and added under
 * `pdf/`. Without LibreOffice the pack stays as it is and the report says where to get it.
 */
export async function addPdfsToPack(
  files: readonly PackFile[],
  soffice: string | undefined = locateSoffice(),
): Promise<{ files: PackFile[]; report: PdfReport }> {
  if (!soffice)
    return {
      files: [...files],
      report: { gemaakt: 0, mislukt: [], melding: missingLibreOfficeMessage() },
    };
  const [result] = await makePackPdfs([files], { soffice });
  return {
    files: addToPack(files, result!.pdfs),
    report: { gemaakt: result!.pdfs.length, mislukt: result!.failed },
  };
}

/** The warning for PDFs that failed, naming the documents. */
export function failedPdfMessage(failed: readonly string[]): string {
  return `Van ${failed.join(", ")} kon LibreOffice geen PDF maken. Open ${failed.length === 1 ? "het document" : "de documenten"} in Word of LibreOffice en bewaar ${failed.length === 1 ? "het" : "ze"} daar als PDF.`;
}
