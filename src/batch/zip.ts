import { zipSync, type Zippable } from "fflate";
import type { PackFile } from "../pack/manifest.js";
import { setZipDates } from "../render/zip-dates.js";

// Office files are zips already: deflating them again costs time and saves nothing.
const STORED = /\.(docx|pptx|xlsx|png|jpe?g|zip)$/i;

/**
 * Packs the files of one pack into a single zip, in memory. Entries carry the pack's creation time
 * (from its UTC fields, so the zip is the same in every time zone), matching the documents inside.
 */
export function zipPackFiles(files: readonly PackFile[], created: Date): Uint8Array {
  const entries: Zippable = {};
  for (const file of files)
    entries[file.name] = [file.data, { level: STORED.test(file.name) ? 0 : 6, mtime: created }];
  const zip = zipSync(entries);
  setZipDates(zip, created);
  return zip;
}
