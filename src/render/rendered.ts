/**
 * A rendered Word or PowerPoint file: its bytes, and the package's parts exactly as they went into
 * the zip (XML as text, media as bytes). The parts live only until the pack's own check has read
 * them; they are never written or sent between threads.
 */
export interface RenderedDocument {
  data: Uint8Array;
  parts: ReadonlyMap<string, string | Uint8Array>;
}
