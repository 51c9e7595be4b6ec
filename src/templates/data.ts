import type { z } from "zod";

/**
 * Validates a data file of the templates (texts in YAML, such as `training/programma.yaml`)
 * against its schema; throws one Dutch message that names every wrong field.
 */
export function parseTemplateData<S extends z.ZodType>(schema: S, data: unknown, source: string): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const where = result.error.issues.map((i) => `${i.path.join(".") || "(bestand)"}: ${i.message}`).join("; ");
    throw new Error(`${source} klopt niet: ${where}`);
  }
  return result.data;
}
