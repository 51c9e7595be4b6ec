import { Document, isMap, YAMLMap, type Pair } from "yaml";
import { isQuestion, type SchemaNode } from "../questions/define.js";
import { formatShortDate } from "../domain/format.js";

type Schema = { readonly [key: string]: SchemaNode };

function toYamlValue(node: SchemaNode, value: unknown): unknown {
  if (!isQuestion(node)) return value;
  // A draft may hold a date as typed that is not a date yet ("31-02-2027"): keep it as it is.
  if (node.kind === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return formatShortDate(value);
  return value;
}

function fill(doc: Document, map: YAMLMap, schema: Schema, values: Record<string, unknown>): void {
  for (const [key, node] of Object.entries(schema)) {
    const value = values[key];
    if (
      value === undefined ||
      (Array.isArray(value) && value.length === 0 && isQuestion(node) && node.optional)
    )
      continue;
    if (isQuestion(node)) {
      const pair = doc.createPair(key, toYamlValue(node, value)) as Pair;
      (pair.key as { commentBefore?: string }).commentBefore = ` ${node.label}`;
      map.add(pair);
    } else {
      const child = new YAMLMap();
      fill(doc, child, node, (value ?? {}) as Record<string, unknown>);
      if (child.items.length === 0) continue;
      const pair = doc.createPair(key, child) as Pair;
      map.add(pair);
    }
  }
}

/**
 * Writes answers as a readable YAML answers file: keys in asking order, each with its label as a
 * comment, dates as dd-mm-jjjj. `idokit training --antwoorden` reads it back unchanged.
 */
export function serializeAnswers(schema: Schema, answers: unknown, header: string): string {
  const doc = new Document({});
  const root = doc.contents;
  if (!isMap(root)) throw new Error("unexpected YAML document root");
  fill(doc, root, schema, (answers ?? {}) as Record<string, unknown>);
  doc.commentBefore = header
    .split("\n")
    .map((line) => ` ${line}`)
    .join("\n");
  return doc.toString({ lineWidth: 0 });
}
