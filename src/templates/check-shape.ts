import { isQuestion, type SchemaNode } from "../questions/define.js";
import { Markdown } from "./escape.js";

/**
 * The shape of the data a template sees: which names exist, which are lists and what their items
 * hold. Built from real view models (the plan of each built-in example) and the question schema,
 * so the template check and the LEESMIJ never drift from what the plan provides. Pure.
 */
export type Shape =
  | { kind: "object"; fields: Map<string, Shape> }
  | { kind: "list"; item: Shape }
  | { kind: "value" }
  /** Not known: an empty list's item, a value absent in every example. Anything goes below it. */
  | { kind: "any" };

const VALUE: Shape = { kind: "value" };
const ANY: Shape = { kind: "any" };

/** The shape of a value: objects by their keys, lists by the union of their items. */
export function shapeOf(value: unknown): Shape {
  if (value === undefined || value === null) return ANY;
  if (value instanceof Markdown || typeof value !== "object") return VALUE;
  if (Array.isArray(value)) return { kind: "list", item: value.map(shapeOf).reduce(mergeShapes, ANY) };
  const fields = new Map<string, Shape>();
  for (const [key, field] of Object.entries(value as Record<string, unknown>))
    if (typeof field !== "function") fields.set(key, shapeOf(field));
  return { kind: "object", fields };
}

/** The union of two shapes: every name either has; the more specific kind wins. */
export function mergeShapes(a: Shape, b: Shape): Shape {
  if (a.kind === "any") return b;
  if (b.kind === "any") return a;
  if (a.kind === "object" && b.kind === "object") {
    const fields = new Map(a.fields);
    for (const [key, shape] of b.fields) {
      const existing = fields.get(key);
      fields.set(key, existing ? mergeShapes(existing, shape) : shape);
    }
    return { kind: "object", fields };
  }
  if (a.kind === "list" && b.kind === "list")
    return { kind: "list", item: mergeShapes(a.item, b.item) };
  // A value in one example and a group in another: the group says more.
  if (a.kind === "value") return b;
  return a;
}

/** The shape of answers to a question schema: every question, lists with their item fields. */
export function shapeOfSchema(schema: { readonly [key: string]: SchemaNode }): Shape {
  const fields = new Map<string, Shape>();
  for (const [key, node] of Object.entries(schema)) {
    if (!isQuestion(node)) fields.set(key, shapeOfSchema(node));
    else if (node.kind === "list" && node.fields)
      fields.set(key, { kind: "list", item: shapeOfSchema(node.fields as Record<string, SchemaNode>) });
    else if (node.kind === "multi" || node.kind === "textlist")
      fields.set(key, { kind: "list", item: VALUE });
    else fields.set(key, VALUE);
  }
  return { kind: "object", fields };
}

/** A shape with extra names (a partial's hash arguments: `{{> kaart blok=this}}`). */
export function withFields(shape: Shape, extra: ReadonlyMap<string, Shape>): Shape {
  if (extra.size === 0) return shape;
  const base = shape.kind === "object" ? shape.fields : new Map<string, Shape>();
  return { kind: "object", fields: new Map([...base, ...extra]) };
}

/** Why a path does not exist in a shape, or undefined when it does; with the shape it reaches. */
export function resolvePath(
  shape: Shape,
  parts: readonly string[],
): { shape: Shape; missing?: undefined } | { missing: { at: number; candidates: string[] } } {
  let current = shape;
  for (const [at, part] of parts.entries()) {
    if (current.kind === "any") return { shape: ANY };
    if (current.kind === "list") {
      if (part === "length") current = VALUE;
      else if (/^\d+$/.test(part)) current = current.item;
      else return { missing: { at, candidates: ["length"] } };
      continue;
    }
    if (current.kind === "value") {
      if (part === "length") current = VALUE;
      else return { missing: { at, candidates: [] } };
      continue;
    }
    const next = current.fields.get(part);
    if (next === undefined) return { missing: { at, candidates: [...current.fields.keys()] } };
    current = next;
  }
  return { shape: current };
}

/**
 * The names a template can use, one per line as `naam`, `lijst[]`, `lijst[].veld`, for the
 * LEESMIJ: every value and list, sorted as the view has them.
 */
export function describeShape(shape: Shape, prefix = "", depth = 0): string[] {
  if (depth > 6) return [];
  if (shape.kind === "object")
    return [...shape.fields].flatMap(([key, field]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      if (field.kind === "object") return describeShape(field, path, depth + 1);
      if (field.kind === "list")
        return [`${path}[]`, ...describeShape(field.item, `${path}[]`, depth + 1)];
      return [path];
    });
  if (shape.kind === "list")
    return [`${prefix}[]`, ...describeShape(shape.item, `${prefix}[]`, depth + 1)];
  return [];
}
