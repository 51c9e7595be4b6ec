import type { z } from "zod";
import { unwrapMarkdown } from "../domain/format.js";

/** Every text of a data file without its source line wraps (a YAML `|` block keeps them). */
function unwrapTexts(value: unknown): unknown {
  if (typeof value === "string") return value.includes("\n") ? unwrapMarkdown(value) : value;
  if (Array.isArray(value)) return value.map(unwrapTexts);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapTexts(v)]));
  return value;
}

/**
 * Validates a data file of the templates (texts in YAML, such as `training/programma.yaml`)
 * against its schema; throws one Dutch message that names every wrong field. Texts lose their
 * source line wraps first: speaker notes keep every line as a line.
 */
export function parseTemplateData<S extends z.ZodType>(schema: S, data: unknown, source: string): z.output<S> {
  const result = schema.safeParse(unwrapTexts(data));
  if (!result.success) {
    const where = result.error.issues.map((i) => `${i.path.join(".") || "(bestand)"}: ${i.message}`).join("; ");
    throw new Error(`${source} klopt niet: ${where}`);
  }
  return result.data;
}
