// Extra benchmark sections, picked up by bench/run.js (`SECTIONS` is merged into its own).
// Add a section by importing it here; each returns rows { name, value, unit, note }.
import { BATCH_SECTIONS } from "./batch.js";

export const SECTIONS = { ...BATCH_SECTIONS };
