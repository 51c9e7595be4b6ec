import {
  choicesOf,
  listQuestions,
  type Choice,
  type Kind,
  type Question,
  type QuestionBase,
  type QuestionContext,
  type SchemaNode,
  type Section,
  type SectionId,
} from "../questions/define.js";
import { helpOf, LONG_TEXT_LIST } from "../questions/wizard.js";

/**
 * The web form as data, derived from a question schema: sections with their questions, each with
 * the control that fits its kind. Nothing here is written per question; a new question in the
 * schema is a new field in the form. Pure.
 */

type Schema = { readonly [key: string]: SchemaNode };

/** The HTML control a question gets. */
export type Control =
  | "text"
  | "email"
  | "tel"
  | "textarea"
  /** A text list: one point per line. */
  | "lines"
  | "radio"
  | "select"
  | "checkboxes"
  | "yesno"
  | "color"
  | "file"
  | "list"
  /** A command's own control (the training's casussen). */
  | "picker";

/** Choice lists up to this length are radio buttons; longer ones a drop-down list. */
const MAX_RADIOS = 6;

export interface FormQuestion {
  key: string;
  kind: Kind;
  control: Control;
  section: SectionId;
  label: string;
  /** Help with the example, as in the wizard. */
  help: string;
  optional: boolean;
  /** Has a default computed from earlier answers (shown filled in until changed). */
  hasDefault: boolean;
  /** Resolved choices (choice, multi). */
  choices: readonly Choice[];
  /** Longest text, or most items of a list. */
  max?: number | undefined;
  /** The fields of one item of a `list`. */
  fields: FormQuestion[];
  /** What one item of a `list` is called ("Lokale partner"). */
  itemLabel: string;
  /** Values to offer while typing (a POI's trainingsacteurs); any other text may be typed. */
  suggestions?: readonly string[] | undefined;
}

export interface FormSection extends Section {
  questions: FormQuestion[];
}

export interface FormSpec {
  sections: FormSection[];
  /** Every question by key (list fields as `list.field`). */
  byKey: ReadonlyMap<string, FormQuestion>;
}

/**
 * A text list of long points (the national "wel/niet doen" lines) gets a box with a point per
 * line; a short one (gemeenten) one line, points separated by "; ", as the wizard asks them.
 */
function hasLongPoints(question: QuestionBase, ctx: QuestionContext): boolean {
  let start: unknown;
  try {
    start = question.default?.({}, ctx);
  } catch {
    start = undefined;
  }
  const text = Array.isArray(start) ? start.join("; ") : (question.example ?? "");
  return text.length > LONG_TEXT_LIST;
}

function controlOf(
  question: QuestionBase,
  ctx: QuestionContext,
  picker: boolean,
  choices: number,
): Control {
  if (picker) return "picker";
  switch (question.kind) {
    case "email":
      return "email";
    case "phone":
      return "tel";
    case "textarea":
      return "textarea";
    case "textlist":
      return hasLongPoints(question, ctx) ? "lines" : "text";
    case "choice":
      return choices + (question.optional ? 1 : 0) > MAX_RADIOS ? "select" : "radio";
    case "multi":
      return "checkboxes";
    case "confirm":
      return "yesno";
    case "color":
      return "color";
    case "file":
      return "file";
    case "list":
      return "list";
    default:
      return "text";
  }
}

/**
 * The help of a question as the form shows it: as in the wizard, except that a file is chosen in
 * the browser, not named by its path (so no example path either).
 */
function formHelp(question: QuestionBase, hasDefault: boolean, control: Control): string {
  if (control !== "file") return helpOf(question, hasDefault);
  return (question.help ?? "").replace(
    /^Pad naar (een|het) /,
    (_, article: string) => `Kies ${article} `,
  );
}

function toFormQuestion(
  question: QuestionBase,
  key: string,
  ctx: QuestionContext,
  pickers: ReadonlySet<string>,
): FormQuestion {
  const choices = choicesOf(question, ctx);
  const hasDefault = question.default !== undefined;
  const control = controlOf(question, ctx, pickers.has(key), choices.length);
  return {
    key,
    kind: question.kind,
    control,
    section: question.section,
    label: question.label,
    help: formHelp(question, hasDefault, control),
    optional: Boolean(question.optional),
    hasDefault,
    choices,
    max: question.max,
    itemLabel: question.itemLabel ?? question.label,
    fields: Object.entries(question.fields ?? {}).map(([name, field]) =>
      toFormQuestion(field, `${key}.${name}`, ctx, pickers),
    ),
  };
}

/**
 * The form of a schema: its questions grouped by section, in the schema's order. `pickers` names
 * the questions a command asks its own way (as in the wizard).
 */
export function buildFormSpec(
  schema: Schema,
  sections: readonly Section[],
  ctx: QuestionContext,
  pickers: ReadonlySet<string> = new Set(),
): FormSpec {
  const questions: Question[] = listQuestions(schema);
  const known = new Set(sections.map((s) => s.id));
  const stray = questions.find((q) => !known.has(q.section));
  if (stray)
    throw new Error(`Question ${stray.key} belongs to section "${stray.section}", not listed.`);
  const byKey = new Map<string, FormQuestion>();
  const formSections = sections.map((section) => ({
    ...section,
    questions: questions
      .filter((q) => q.section === section.id)
      .map((q) => {
        const question = toFormQuestion(q, q.key, ctx, pickers);
        byKey.set(question.key, question);
        for (const field of question.fields) byKey.set(field.key, field);
        return question;
      }),
  }));
  return { sections: formSections.filter((s) => s.questions.length > 0), byKey };
}
