import { Document, isMap, Scalar, YAMLMap, type Pair } from "yaml";
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

/**
 * Strings that a YAML 1.1 reader (PyYAML, many Excel add-ins and older tools) would not read as
 * text: times such as 13:30 (base-60 numbers there: 810) and yes/no/on/off words (booleans).
 * idokit itself reads YAML 1.2, where they are text, but a POI's own scripts may not.
 */
const YAML11_NOT_TEXT =
  /^(?:[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.[\d_]*)?|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/** A string as a double-quoted scalar where a YAML 1.1 reader would misread it. */
function quoted(value: unknown): unknown {
  if (typeof value === "string" && YAML11_NOT_TEXT.test(value)) {
    const scalar = new Scalar(value);
    scalar.type = Scalar.QUOTE_DOUBLE;
    return scalar;
  }
  if (Array.isArray(value)) return value.map(quoted);
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
      const pair = doc.createPair(key, quoted(toYamlValue(node, value))) as Pair;
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
