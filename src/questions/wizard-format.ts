import { formatClock, formatLongDate, formatShortDate } from "../domain/format.js";
import { isBlank } from "../answers/values.js";
import {
  choicesOf,
  getPath,
  type Draft,
  type Question,
  type QuestionBase,
  type QuestionContext,
  type Section,
} from "./define.js";

/**
 * Readable answers for people: choice labels instead of ids, dates written out in Dutch. Used by
 * the wizard's summary and for the text a prompt starts from. Pure.
 */

/** One answer in the summary. `lines` holds list items or text-list points, one per line. */
export interface SummaryRow {
  key: string;
  label: string;
  /** The answer on one line; empty when the question was left empty. */
  value: string;
  lines: string[];
}

/** The answers of one section, in asking order. */
export interface SummaryGroup {
  section: Section;
  rows: SummaryRow[];
}

const labelOf = (question: QuestionBase, value: unknown, ctx: QuestionContext): string =>
  choicesOf(question, ctx).find((c) => c.value === value)?.label ?? String(value);

/**
 * One answer as a person reads it: `dinsdag 2 februari 2027`, `13.30 uur`, the label of a choice,
 * `ja`/`nee`. Lists and text lists become their items joined with `; `.
 */
export function formatAnswer(question: QuestionBase, value: unknown, ctx: QuestionContext): string {
  if (isBlank(value)) return "";
  switch (question.kind) {
    case "date":
      return typeof value === "string" ? formatLongDate(value) : String(value);
    case "time":
      return typeof value === "string" ? `${formatClock(value)} uur` : String(value);
    case "choice":
      return labelOf(question, value, ctx);
    case "multi":
      return Array.isArray(value) ? value.map((v) => labelOf(question, v, ctx)).join(", ") : "";
    case "textlist":
      return Array.isArray(value) ? value.join("; ") : String(value);
    case "confirm":
      return value === true ? "ja" : value === false ? "nee" : String(value);
    case "color":
      return `#${String(value)}`;
    case "list":
      return Array.isArray(value)
        ? value.map((item) => formatItem(question, item, ctx)).join("; ")
        : "";
    default:
      return String(value);
  }
}

/** One item of a `list` question on one line: its filled-in fields joined with ` · `. */
export function formatItem(question: QuestionBase, item: unknown, ctx: QuestionContext): string {
  const record = (item ?? {}) as Record<string, unknown>;
  return Object.entries(question.fields ?? {})
    .map(([name, field]) => formatAnswer(field, record[name], ctx))
    .filter((text) => text !== "")
    .join(" · ");
}

/**
 * The text an input prompt starts from: how a person would type the value (`13-03-2027`,
 * `#00607A`, points joined with `; `), so accepting it as typed gives the same value back.
 */
export function toInputText(question: QuestionBase, value: unknown): string | undefined {
  if (isBlank(value)) return undefined;
  switch (question.kind) {
    case "date":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? formatShortDate(value)
        : String(value);
    case "color":
      return `#${String(value)}`;
    case "textlist":
    case "multi":
      return Array.isArray(value) ? value.join("; ") : String(value);
    case "confirm":
      return value === true ? "ja" : "nee";
    default:
      return String(value);
  }
}

/**
 * The summary of a draft: per section the answers that apply, in asking order. `describe` may
 * word an answer itself (a picker's titles instead of ids); undefined keeps the usual wording.
 */
export function buildSummary(
  sections: readonly Section[],
  questions: readonly Question[],
  draft: Draft,
  ctx: QuestionContext,
  describe?: (question: Question, value: unknown) => string | undefined,
): SummaryGroup[] {
  return sections
    .map((section) => ({
      section,
      rows: questions
        .filter((q) => q.section === section.id && (!q.when || q.when(draft)))
        .map((q): SummaryRow => {
          const value = getPath(draft, q.key);
          const described = describe?.(q, value);
          if (described !== undefined)
            return { key: q.key, label: q.label, value: described, lines: [] };
          const lines =
            q.kind === "list" && Array.isArray(value)
              ? value.map((item) => formatItem(q, item, ctx))
              : q.kind === "textlist" && Array.isArray(value) && value.length > 1
                ? value.map(String)
                : [];
          // An optional yes/no left open was answered "nog niet bekend"; say so, not "(leeg)".
          const open = q.kind === "confirm" && q.optional && isBlank(value);
          return {
            key: q.key,
            label: q.label,
            value: lines.length > 0 ? "" : open ? "nog niet bekend" : formatAnswer(q, value, ctx),
            lines,
          };
        }),
    }))
    .filter((group) => group.rows.length > 0);
}
