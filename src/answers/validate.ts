import { z } from "zod";
import { editDistance, suggestClosest } from "../domain/suggest.js";
import type { Problem } from "../errors.js";
import {
  choicesOf,
  getPath,
  isQuestion,
  listQuestions,
  setPath,
  type AnswersOf,
  type Draft,
  type Question,
  type QuestionBase,
  type QuestionContext,
  type SchemaNode,
} from "../questions/define.js";
import {
  isBlank,
  toColor,
  toChoice,
  toConfirm,
  toDate,
  toEmail,
  toInteger,
  toMulti,
  toPhone,
  toText,
  toTextList,
  toTextarea,
  toTime,
  type Converted,
} from "./values.js";

type Schema = { readonly [key: string]: SchemaNode };

/** The outcome of validating answers: either complete answers, or what is missing and wrong. */
export interface Validation<A> {
  /** Present only when nothing is missing and nothing is wrong. */
  answers?: A;
  /** Draft with every value that could be parsed (defaults applied); feeds the wizard. */
  draft: Draft;
  /** Required questions without an answer. */
  missing: Question[];
  /** Answers that are present but wrong, and unknown keys. */
  problems: Problem[];
  /** Not wrong, but worth saying (a training date in the past, ignored answers). */
  warnings: Problem[];
}

/**
 * Converts one raw answer of a question to its normalised value. Used by the validator for whole
 * answer sets and by the wizard for each typed answer, so both apply exactly the same rules.
 */
export function convertAnswer(
  question: QuestionBase,
  raw: unknown,
  draft: Draft,
  ctx: QuestionContext,
): Converted<unknown> {
  const converted = convertKind(question, raw, ctx);
  if (converted.error !== undefined) return converted;
  const value = converted.value;
  if (
    question.kind === "multi" &&
    question.min !== undefined &&
    (value as string[]).length < question.min
  )
    return { error: `kies er minstens ${question.min}.` };
  if (question.kind === "file") {
    const problem = ctx.inspectFile?.(value as string);
    if (problem) return { error: problem };
  }
  const problem = question.check?.(value as never, draft, ctx);
  return problem ? { error: problem } : { value };
}

function convertKind(
  question: QuestionBase,
  raw: unknown,
  ctx: QuestionContext,
): Converted<unknown> {
  switch (question.kind) {
    case "text":
    case "file":
      return toText(raw, question.max ?? 200);
    case "textarea":
      return toTextarea(raw, question.max ?? 2000);
    case "email":
      return toEmail(raw);
    case "phone":
      return toPhone(raw);
    case "integer":
      return toInteger(raw, question.min, question.max);
    case "date":
      return toDate(raw);
    case "time":
      return toTime(raw);
    case "choice":
      return toChoice(raw, choicesOf(question, ctx));
    case "multi":
      return toMulti(raw, choicesOf(question, ctx));
    case "textlist":
      return toTextList(raw, question.max ?? 300);
    case "confirm":
      return toConfirm(raw);
    case "color":
      return toColor(raw);
    case "list":
      return { error: "is een lijst; die wordt per item gecontroleerd." };
  }
}

// Re-exported for callers that match spreadsheet headers and keys.
export { editDistance };

/** The closest candidate to a misspelled name, if any is close enough. */
export const suggest = suggestClosest;

const objectSchema = z.record(z.string(), z.unknown());

/** Reports keys that the schema does not know, and groups that are not objects. */
function checkShape(node: Schema, raw: unknown, path: string, problems: Problem[]): void {
  if (raw === undefined || raw === null) return;
  if (!objectSchema.safeParse(raw).success || Array.isArray(raw)) {
    problems.push({
      where: path || "(bestand)",
      message: path
        ? `moet een groep velden zijn (zoals "${Object.keys(node)[0]}: …"), geen losse waarde.`
        : "het bestand moet een verzameling velden zijn (sleutel: waarde), geen losse waarde of lijst.",
    });
    return;
  }
  const known = Object.keys(node);
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const where = path ? `${path}.${key}` : key;
    const child = node[key];
    if (child === undefined) {
      const guess = suggest(key, known);
      problems.push({
        where,
        message: `onbekend veld.${guess ? ` Bedoelde je "${path ? `${path}.` : ""}${guess}"?` : ""} Bekende velden hier: ${known.join(", ")}.`,
      });
    } else if (!isQuestion(child)) {
      checkShape(child, value, where, problems);
    }
  }
}

function validateList(
  question: Question,
  raw: unknown,
  ctx: QuestionContext,
  problems: Problem[],
): Array<Record<string, unknown>> | undefined {
  if (!Array.isArray(raw)) {
    problems.push({
      where: question.key,
      message: `${question.label}: moet een lijst zijn, met per item ${Object.keys(question.fields ?? {}).join(", ")}.`,
    });
    return undefined;
  }
  if (question.max !== undefined && raw.length > question.max) {
    problems.push({
      where: question.key,
      message: `${question.label}: hoogstens ${question.max} items.`,
    });
  }
  const items: Array<Record<string, unknown>> = [];
  raw.forEach((item, index) => {
    const where = `${question.key}[${index + 1}]`;
    const fields = question.fields ?? {};
    if (!objectSchema.safeParse(item).success || Array.isArray(item)) {
      problems.push({ where, message: `moet velden hebben: ${Object.keys(fields).join(", ")}.` });
      return;
    }
    const record = item as Record<string, unknown>;
    checkShape(fields as Schema, record, where, problems);
    const value: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(fields)) {
      const rawField = record[name];
      if (isBlank(rawField)) {
        if (!field.optional)
          problems.push({ where: `${where}.${name}`, message: `${field.label}: ontbreekt.` });
        value[name] = undefined;
        continue;
      }
      const converted = convertAnswer(field, rawField, value, ctx);
      if (converted.error !== undefined)
        problems.push({ where: `${where}.${name}`, message: `${field.label}: ${converted.error}` });
      else value[name] = converted.value;
    }
    items.push(value);
  });
  return items;
}

/**
 * Validates and normalises a raw answer set (from YAML, a spreadsheet row or the wizard) against a
 * question schema. Collects every problem; applies defaults computed from earlier answers; drops
 * answers whose condition does not hold. Pure: `ctx` carries today's date and file checks.
 */
export function validateAnswers<S extends Schema>(
  schema: S,
  raw: unknown,
  ctx: QuestionContext,
): Validation<AnswersOf<S>> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const missing: Question[] = [];
  const draft: Draft = {};
  checkShape(schema, raw, "", problems);
  const source = objectSchema.safeParse(raw).success ? raw : {};

  for (const question of listQuestions(schema)) {
    const value = getPath(source, question.key);
    if (question.when && !question.when(draft)) {
      if (!isBlank(value))
        warnings.push({
          where: question.key,
          message: `${question.label}: wordt niet gebruikt bij deze antwoorden en is genegeerd.`,
        });
      setPath(draft, question.key, undefined);
      continue;
    }
    if (isBlank(value)) {
      const fallback = question.default?.(draft, ctx);
      if (fallback !== undefined) setPath(draft, question.key, fallback);
      else {
        if (!question.optional) missing.push(question);
        setPath(draft, question.key, question.kind === "list" ? [] : undefined);
      }
      continue;
    }
    if (question.kind === "list") {
      setPath(draft, question.key, validateList(question, value, ctx, problems) ?? []);
      continue;
    }
    const converted = convertAnswer(question, value, draft, ctx);
    if (converted.error !== undefined) {
      problems.push({ where: question.key, message: `${question.label}: ${converted.error}` });
      setPath(draft, question.key, undefined);
    } else {
      setPath(draft, question.key, converted.value);
      const warning = question.warn?.(converted.value as never, draft, ctx);
      if (warning !== undefined)
        warnings.push({ where: question.key, message: `${question.label}: ${warning}` });
      if (
        question.kind === "date" &&
        ctx.mode === "file" &&
        (converted.value as string) < ctx.today &&
        question.key.endsWith("datum")
      )
        warnings.push({ where: question.key, message: `${question.label}: ligt in het verleden.` });
    }
  }
  const complete = missing.length === 0 && problems.length === 0;
  return {
    ...(complete ? { answers: draft as AnswersOf<S> } : {}),
    draft,
    missing,
    problems,
    warnings,
  };
}
