import { convertAnswer, validateAnswers } from "../answers/validate.js";
import { isBlank } from "../answers/values.js";
import { formatLongDate } from "../domain/format.js";
import type { Problem } from "../errors.js";
import {
  getPath,
  listQuestions,
  setPath,
  type Draft,
  type Question,
  type QuestionBase,
  type QuestionContext,
  type SchemaNode,
} from "../questions/define.js";
import { convertTyped } from "../questions/wizard.js";
import { formatAnswer, toInputText } from "../questions/wizard-format.js";

/**
 * The web form's answers and what the schema says about them: which questions apply, the
 * defaults that follow earlier answers, and the problems, with exactly the rules and messages of
 * the wizard (`convertTyped`) and the answers file (`convertAnswer`). Pure.
 */

type Schema = { readonly [key: string]: SchemaNode };

/**
 * What the browser holds: the answers a person gave, as typed, by question key. A key that is
 * absent was not changed, so its computed default applies (and follows earlier answers). Values:
 * text, a list of ticked values (multi), or for a `list` an array of items with text per field.
 */
export type FormAnswers = Readonly<Record<string, unknown>>;

/** What the form shows for one question (list fields: `list.N.field`, N from 0). */
export interface FieldView {
  /** The question applies (its condition holds). */
  visible: boolean;
  /** The computed default, as the control holds it; shown while the question is not changed. */
  proposal?: unknown;
  /** A Dutch problem with the answer, worded to stand next to the question. */
  error?: string;
  /** How the answer reads back (a date written out), or that the default applies. */
  note?: string;
  /** Not wrong, but worth saying (the schema's `warn`: a colour too light to read). */
  warning?: string;
}

export interface Evaluation {
  fields: Record<string, FieldView>;
  /** The number of problems per section id, among the questions that apply. */
  errors: Record<string, number>;
  /** Parsed answers with defaults applied; a value that does not convert is left out. */
  draft: Draft;
}

/** The value a control holds for a parsed value: the text a person would type, ticked values. */
export function toFormValue(question: QuestionBase, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  switch (question.kind) {
    case "multi":
      return Array.isArray(value) ? value.map(String) : [String(value)];
    case "textlist":
      return Array.isArray(value) ? value.map(String).join("\n") : String(value);
    case "list":
      return Array.isArray(value)
        ? value.map((item) => {
            const record = (item ?? {}) as Record<string, unknown>;
            const out: Record<string, unknown> = {};
            for (const [name, field] of Object.entries(question.fields ?? {}))
              out[name] = toFormValue(field, record[name]) ?? "";
            return out;
          })
        : [];
    default:
      return toInputText(question, value) ?? "";
  }
}

/** A raw value from a file as text for a control, when it cannot be parsed (kept as typed). */
function asTyped(question: QuestionBase, raw: unknown): unknown {
  if (question.kind === "multi") return Array.isArray(raw) ? raw.map(String) : [String(raw)];
  if (Array.isArray(raw)) return raw.map(String).join(question.kind === "textlist" ? "\n" : "; ");
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  return typeof raw === "object" ? "" : String(raw);
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function itemsOf(raw: unknown): Array<Record<string, unknown>> {
  return Array.isArray(raw)
    ? raw.map((item) => (item && typeof item === "object" ? (item as Record<string, unknown>) : {}))
    : [];
}

/**
 * The wizard's conversion, with the form's own words where the wizard speaks of its keys: a
 * required group of tick boxes left empty is "Kies er minstens één." (the terminal adds "met de
 * spatiebalk").
 */
function convertInForm(
  q: QuestionBase,
  raw: unknown,
  draft: Draft,
  ctx: QuestionContext,
): ReturnType<typeof convertTyped> {
  if (q.kind === "multi" && !q.optional && isBlank(raw)) return { error: "Kies er minstens één." };
  return convertTyped(q, raw, draft, ctx);
}

/**
 * Evaluates the form's answers against the schema, in asking order, the way the wizard asks them:
 * conditions decide which questions apply, absent answers take their default, and every answer is
 * converted with the wizard's rules. `ctx` should be in `wizard` mode (a date in the past is a
 * problem, as in the wizard).
 */
export function evaluateForm(
  schema: Schema,
  answers: FormAnswers,
  ctx: QuestionContext,
): Evaluation {
  const fields: Record<string, FieldView> = {};
  const errors: Record<string, number> = {};
  const draft: Draft = {};
  const fail = (q: Question | QuestionBase, key: string, view: FieldView, error: string): void => {
    view.error = error;
    errors[q.section] = (errors[q.section] ?? 0) + 1;
    fields[key] = view;
  };

  for (const q of listQuestions(schema)) {
    const view: FieldView = { visible: true };
    fields[q.key] = view;
    if (q.when && !q.when(draft)) {
      view.visible = false;
      setPath(draft, q.key, undefined);
      continue;
    }
    const edited = Object.hasOwn(answers, q.key);
    const raw = answers[q.key];

    if (q.kind === "list") {
      const items = itemsOf(raw).map((item, i) => {
        const parsed: Record<string, unknown> = {};
        for (const [name, field] of Object.entries(q.fields ?? {})) {
          const key = `${q.key}.${i}.${name}`;
          const fieldView: FieldView = { visible: true };
          fields[key] = fieldView;
          const converted = convertInForm(field, item[name], parsed, ctx);
          if (converted.error !== undefined) fail(field, key, fieldView, converted.error);
          else parsed[name] = converted.value;
        }
        return parsed;
      });
      setPath(draft, q.key, items);
      continue;
    }

    const fallback = q.default?.(draft, ctx);
    if (fallback !== undefined) view.proposal = toFormValue(q, fallback);
    const value = isBlank(raw) && fallback !== undefined ? fallback : raw;
    const converted = convertInForm(q, value, draft, ctx);
    if (converted.error !== undefined) {
      fail(q, q.key, view, converted.error);
      setPath(draft, q.key, undefined);
      continue;
    }
    setPath(draft, q.key, converted.value);
    if (converted.value !== undefined) {
      const warning = q.warn?.(converted.value as never, draft, ctx);
      if (warning !== undefined) view.warning = warning;
    }
    if (edited && isBlank(raw) && fallback !== undefined)
      view.note = `Leeg gelaten: idokit neemt het voorstel (${formatAnswer(q, fallback, ctx)}).`;
    else if (q.kind === "date" && typeof converted.value === "string")
      view.note = formatLongDate(converted.value);
  }
  return { fields, errors, draft };
}

/** The number of problems in the whole form. */
export function problemCount(evaluation: Evaluation): number {
  return Object.values(evaluation.errors).reduce((sum, n) => sum + n, 0);
}

/**
 * The raw answers to make a pack from, nested as in an answers file: the questions that apply,
 * as typed. Absent answers stay absent, so the pack takes the same defaults as the form showed.
 */
export function toRawAnswers(schema: Schema, answers: FormAnswers, evaluation: Evaluation): Draft {
  const raw: Draft = {};
  for (const q of listQuestions(schema)) {
    if (!evaluation.fields[q.key]?.visible || !Object.hasOwn(answers, q.key)) continue;
    const value = answers[q.key];
    setPath(raw, q.key, q.kind === "list" ? itemsOf(value) : value);
  }
  return raw;
}

/**
 * The answers as shown, for an answers file at any moment: parsed values with their defaults,
 * and answers that do not convert yet as they were typed, so nothing typed is lost.
 */
export function toDraftAnswers(
  schema: Schema,
  answers: FormAnswers,
  evaluation: Evaluation,
): Draft {
  const out = structuredClone(evaluation.draft);
  for (const q of listQuestions(schema)) {
    if (!evaluation.fields[q.key]?.visible) {
      setPath(out, q.key, undefined);
      continue;
    }
    if (q.kind === "list") {
      const typed = itemsOf(answers[q.key]);
      const parsed = getPath(out, q.key);
      if (!Array.isArray(parsed)) continue;
      parsed.forEach((item: Record<string, unknown>, i) => {
        for (const name of Object.keys(q.fields ?? {}))
          if (item[name] === undefined && !isBlank(typed[i]?.[name])) item[name] = typed[i]![name];
      });
      continue;
    }
    if (evaluation.fields[q.key]?.error !== undefined && !isBlank(answers[q.key]))
      setPath(out, q.key, answers[q.key]);
  }
  return out;
}

/** An answers file (or a draft) read into the form. */
export interface LoadedAnswers {
  /** The form's answers: the given ones, except those equal to their default (which then follow). */
  answers: Record<string, unknown>;
  /** Problems the form cannot show next to a question (unknown keys, a file that is no mapping). */
  problems: Problem[];
  /** File answers (the logo) by key, as given: a path the form cannot read. */
  files: Record<string, string>;
}

/**
 * Reads raw answers (a parsed answers file) into the form: each answer as a person would type it
 * (a date as dd-mm-jjjj), an answer that does not convert as it was given, so the form shows the
 * problem next to it. An answer equal to its computed default is left out, so it keeps following
 * earlier answers, as in the wizard.
 */
export function loadIntoForm(schema: Schema, data: unknown, ctx: QuestionContext): LoadedAnswers {
  const answers: Record<string, unknown> = {};
  const files: Record<string, string> = {};
  const questions = listQuestions(schema);
  const keys = new Set(questions.map((q) => q.key));
  const problems = validateAnswers(schema, data, {
    ...ctx,
    inspectFile: undefined,
  }).problems.filter((p) => !keys.has(p.where.replace(/\[\d+\].*$/, "")));
  const draft: Draft = {};
  for (const q of questions) {
    const raw = getPath(data, q.key);
    if (q.when && !q.when(draft)) continue;
    const fallback = q.default?.(draft, ctx);
    if (raw === undefined || raw === null) {
      if (fallback !== undefined) setPath(draft, q.key, fallback);
      continue;
    }
    if (q.kind === "file") {
      if (!isBlank(raw)) files[q.key] = String(raw);
      continue;
    }
    if (q.kind === "list") {
      const items = Array.isArray(raw) ? itemsOf(raw) : [];
      answers[q.key] = items.map((item) => {
        const out: Record<string, unknown> = {};
        for (const [name, field] of Object.entries(q.fields ?? {})) {
          const value = item[name];
          if (isBlank(value)) out[name] = "";
          else {
            const converted = convertAnswer(field, value, out, ctx);
            out[name] =
              converted.error === undefined
                ? toFormValue(field, converted.value)
                : asTyped(field, value);
          }
        }
        return out;
      });
      setPath(draft, q.key, items);
      continue;
    }
    if (isBlank(raw)) {
      // Left empty on purpose (a draft): keep it empty, unless the default would fill it anyway.
      if (fallback === undefined) answers[q.key] = asTyped(q, raw);
      else setPath(draft, q.key, fallback);
      continue;
    }
    const converted = convertAnswer(q, raw, draft, ctx);
    if (converted.error !== undefined) {
      answers[q.key] = asTyped(q, raw);
      continue;
    }
    setPath(draft, q.key, converted.value);
    if (fallback === undefined || !same(converted.value, fallback))
      answers[q.key] = toFormValue(q, converted.value);
  }
  return { answers, problems, files };
}
