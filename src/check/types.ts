/** One thing wrong in an Office file, found by `idokit controleer` or by the check on a new pack. */
export interface Finding {
  /** The part (file inside the .docx/.pptx) it was found in, or "" for the file as a whole. */
  part: string;
  /** Where, in words a reader of the document knows: "dia 3", "notities bij dia 3", "koptekst". */
  where: string;
  /** Short rule id, stable for tests and for filtering (`notes-master-theme`). */
  rule: string;
  /**
   * `fout`: Word or PowerPoint refuses the file or asks to repair it.
   * `let-op`: known to make Word or PowerPoint ask to repair in some versions; worth fixing.
   */
  severity: "fout" | "let-op";
  /** What is wrong, in plain Dutch. */
  message: string;
}

/** The XML parts of one file, parsed once and shared by all rules. */
export interface Package {
  /** Every part name in the zip (no folders), as written. */
  names: readonly string[];
  /** Lower-case part name → the name as written. */
  byLowerName: ReadonlyMap<string, string>;
  /** Raw bytes of every part. */
  data: ReadonlyMap<string, Uint8Array>;
}
