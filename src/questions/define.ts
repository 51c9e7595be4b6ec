import type { Vocabulary } from "../domain/vocabulary.js";

/**
 * The building blocks of the question schema: the single source of truth for every input
 * (wizard, answers file, spreadsheet row, empty spreadsheet, documentation).
 */

/** Value kinds, each with its own parsing, prompt and spreadsheet conversion. */
export interface KindValue {
  text: string;
  textarea: string;
  email: string;
  phone: string;
  integer: number;
  date: string; // ISO yyyy-mm-dd
  time: string; // HH:MM
  choice: string;
  multi: string[];
  textlist: string[];
  confirm: boolean;
  color: string; // RRGGBB, upper case, no '#'
  file: string; // path as typed
}
export type Kind = keyof KindValue | "list";

export interface Choice {
  value: string;
  /** What menus, forms and spreadsheet columns show. */
  label: string;
  /**
   * The wording in running text, where it differs from the label: lower-case, ready to continue
   * a sentence ("Inloop én op afspraak" → "met inloop én op afspraak"). Documents use this, never
   * the label, when a choice lands inside a sentence.
   */
  tekst?: string;
}

/** What defaults, conditions, choices and checks may look at besides the answers. */
export interface QuestionContext {
  /** Today as ISO date (yyyy-mm-dd); injected so the core stays pure. */
  today: string;
  vocabulary: Vocabulary;
  /** `wizard` re-asks on a date in the past; `file` only warns. */
  mode: "wizard" | "file";
  /** Checks a file answer (logo); provided by the I/O edge. Returns a Dutch problem or nothing. */
  inspectFile?: (path: string) => string | undefined;
}

/** Answers as they are being collected: a nested object of parsed values, possibly incomplete. */
export type Draft = Record<string, unknown>;

export type SectionId =
  | "bibliotheek"
  | "werkwijze"
  | "partners"
  | "inrichting"
  | "training"
  | "acteur"
  | "focus"
  | "huisstijl"
  | "bijeenkomst";

export interface Section {
  id: SectionId;
  title: string;
  intro: string;
}

export interface QuestionBase {
  kind: Kind;
  section: SectionId;
  /** Short Dutch label, used as prompt and as the spreadsheet column header unless `column` is set. */
  label: string;
  /** One or two sentences of help. */
  help: string;
  /** A realistic example answer, shown as "Bijvoorbeeld: …". */
  example?: string;
  /** Spreadsheet column header when it differs from the label. */
  column?: string;
  /** May stay empty after defaults were applied. */
  optional?: boolean;
  choices?: readonly Choice[] | ((ctx: QuestionContext) => readonly Choice[]);
  min?: number;
  max?: number;
  /**
   * For `choice` without an answer yet: the wizard's list starts on "kies …" instead of the first
   * choice, so a stray Enter picks nothing (a wrong POI is worse than a second question).
   */
  noPreselect?: boolean;
  /** Default computed from earlier answers. Applied when the answer is absent. */
  default?: (draft: Draft, ctx: QuestionContext) => unknown;
  /** Ask (and keep) this answer only when the condition holds. */
  when?: (draft: Draft) => boolean;
  /** Extra rule after parsing; returns a Dutch problem or nothing. */
  check?: (value: never, draft: Draft, ctx: QuestionContext) => string | undefined;
  /** Not wrong, but worth saying (a colour too light to read); returns a Dutch warning or nothing. */
  warn?: (value: never, draft: Draft, ctx: QuestionContext) => string | undefined;
  /** For `list`: the fields of one item. */
  fields?: Record<string, QuestionBase>;
  /** For `list`: the wizard's "add another?" question. */
  addAnother?: string;
  /** For `list`: what one item is called, as a heading ("Lokale partner"). */
  itemLabel?: string;
}

export type SchemaNode = QuestionBase | { readonly [key: string]: SchemaNode };

type ValueOf<Q> = Q extends { kind: "list"; fields: infer F }
  ? Array<{ [K in keyof F]: FieldValue<F[K]> }>
  : Q extends { kind: infer K extends keyof KindValue }
    ? KindValue[K]
    : never;
// Optional and conditional answers may be absent; a list is always there, empty when not given.
type FieldValue<Q> = Q extends { kind: "list" }
  ? ValueOf<Q>
  : Q extends { optional: true } | { when: (...args: never[]) => unknown }
    ? ValueOf<Q> | undefined
    : ValueOf<Q>;

/** The validated, normalised answers type of a schema. */
export type AnswersOf<S> = S extends { kind: Kind }
  ? FieldValue<S>
  : { readonly [K in keyof S]: AnswersOf<S[K]> };

/** Declares a schema and keeps its literal types, so `AnswersOf` can derive the answers type. */
export function defineSchema<const S extends { readonly [key: string]: SchemaNode }>(schema: S): S {
  return schema;
}

/** A group with every question marked optional, nested groups included; literal types kept. */
export type OptionalGroup<G> = {
  readonly [K in keyof G]: G[K] extends { kind: Kind }
    ? Omit<G[K], "optional"> & { readonly optional: true }
    : OptionalGroup<G[K]>;
};

/**
 * Reuses a group of questions with every question optional: another pack asks the same
 * questions but can do without the answers (the bijeenkomst settles what the training needs).
 * Items of a `list` keep their required fields: a partner that is given must still be complete.
 */
export function optionalGroup<const G extends { readonly [key: string]: SchemaNode }>(
  group: G,
): OptionalGroup<G> {
  const out: Record<string, SchemaNode> = {};
  for (const [key, node] of Object.entries(group)) {
    out[key] = isQuestion(node) ? { ...node, optional: true } : (optionalGroup(node) as SchemaNode);
  }
  return out as OptionalGroup<G>;
}

/** A question with its dotted key, as walked by the wizard, validators and spreadsheet code. */
export interface Question extends QuestionBase {
  key: string;
}

export function isQuestion(node: SchemaNode): node is QuestionBase {
  return typeof (node as QuestionBase).kind === "string";
}

/** Flattens a schema into its questions in declaration order (which is also asking order). */
export function listQuestions(
  schema: { readonly [key: string]: SchemaNode },
  prefix = "",
): Question[] {
  const out: Question[] = [];
  for (const [name, node] of Object.entries(schema)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (isQuestion(node)) out.push({ ...node, key });
    else out.push(...listQuestions(node, key));
  }
  return out;
}

/** Resolves static or vocabulary-driven choices. */
export function choicesOf(question: QuestionBase, ctx: QuestionContext): readonly Choice[] {
  const { choices } = question;
  if (!choices) return [];
  return typeof choices === "function" ? choices(ctx) : choices;
}

/** The spreadsheet column header of a question. */
export function columnOf(question: QuestionBase): string {
  return question.column ?? question.label;
}

/** Reads a dotted key from a nested object. */
export function getPath(obj: unknown, key: string): unknown {
  let current: unknown = obj;
  for (const part of key.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Writes a dotted key into a nested object, creating groups on the way. Mutates `obj`. */
export function setPath(obj: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split(".");
  let current = obj;
  for (const part of parts.slice(0, -1)) {
    const next = current[part];
    if (next === null || typeof next !== "object" || Array.isArray(next)) current[part] = {};
    current = current[part] as Record<string, unknown>;
  }
  current[parts[parts.length - 1]!] = value;
}

/** Removes a dotted key from a nested object. Mutates `obj`. */
export function deletePath(obj: Record<string, unknown>, key: string): void {
  const parts = key.split(".");
  const parent = getPath(obj, parts.slice(0, -1).join("."));
  if (parts.length === 1) delete obj[key];
  else if (parent && typeof parent === "object")
    delete (parent as Record<string, unknown>)[parts[parts.length - 1]!];
}
