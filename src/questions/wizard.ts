import { convertAnswer, validateAnswers } from "../answers/validate.js";
import { isBlank, type Converted } from "../answers/values.js";
import {
  choicesOf,
  getPath,
  listQuestions,
  setPath,
  type AnswersOf,
  type Choice,
  type Draft,
  type Question,
  type QuestionBase,
  type QuestionContext,
  type SchemaNode,
  type Section,
  type SectionId,
} from "./define.js";
import {
  buildSummary,
  formatAnswer,
  formatItem,
  toInputText,
  type SummaryGroup,
} from "./wizard-format.js";

/**
 * The wizard: asks the questions of any schema built with `define.ts`, section by section, with
 * computed defaults, conditions and the same per-answer validation as an answers file, then shows
 * a summary in which the user confirms or changes a section. It talks only to an injected
 * `WizardPrompts` adapter, so it never prints, never exits and can be driven by scripted answers.
 */

type Schema = { readonly [key: string]: SchemaNode };

/** What every prompt carries. `id` is the answer key (list fields: `key.N.field`), for scripts and tests. */
export interface PromptRequest {
  id: string;
  message: string;
  /** Help and an example, shown dimmed under the question. */
  help?: string | undefined;
  /** Extra lines under the help, such as the points of a list as they are now. */
  lines?: readonly string[] | undefined;
}

export interface InputRequest extends PromptRequest {
  /** Accepted with Enter. */
  default?: string | undefined;
  /** Put the default in the edit line instead of beside it (long text lists). */
  editable?: boolean;
  /** Leaving it empty is allowed. */
  optional?: boolean;
  /** Returns a Dutch problem, or nothing when the text is acceptable. */
  validate(value: string): string | undefined;
  /** How an accepted answer reads back (`2-2-27` → `dinsdag 2 februari 2027`). */
  display?(value: string): string;
}

/** A choice in a menu, with an optional line shown while it is highlighted. */
export interface PromptChoice extends Choice {
  description?: string | undefined;
}

export interface SelectRequest extends PromptRequest {
  choices: readonly PromptChoice[];
  default?: string | undefined;
}

export interface CheckboxRequest extends PromptRequest {
  choices: readonly PromptChoice[];
  checked: readonly string[];
  validate(values: readonly string[]): string | undefined;
}

export interface ConfirmRequest extends PromptRequest {
  /** `undefined` (only when `optional`) offers "nog niet bekend". */
  default: boolean | undefined;
  /**
   * A third answer, "nog niet bekend", is allowed and gives `undefined`: for optional yes/no
   * questions that a meeting still has to settle. Required questions stay yes/no.
   */
  optional?: boolean;
}

/** How the wizard talks to a person. The CLI provides one built on inquirer; tests a scripted one. */
export interface WizardPrompts {
  /** A section starts: its title and one-line intro. */
  section(section: Section, position: { index: number; total: number }): void;
  /** A short line of information, such as the heading of a list item; `lines` follow it, indented. */
  note(message: string, lines?: readonly string[]): void;
  /** A problem with an answer given earlier (in a file), shown before it is asked again. */
  problem(message: string): void;
  /** The answers so far, grouped by section. */
  summary(groups: readonly SummaryGroup[]): void;
  input(request: InputRequest): Promise<string>;
  select(request: SelectRequest): Promise<string>;
  checkbox(request: CheckboxRequest): Promise<string[]>;
  /** Yes or no; `undefined` ("nog niet bekend") only when the request is `optional`. */
  confirm(request: ConfirmRequest): Promise<boolean | undefined>;
}

/** What a picker gets besides the answers so far. */
export interface PickerIO {
  prompts: WizardPrompts;
  ctx: QuestionContext;
  question: Question;
  /** The question's current answer (parsed), or undefined. */
  current: unknown;
  /**
   * Checks a value for any question of the schema with its own rules, against the answers so
   * far; returns a Dutch problem, or nothing when the value is acceptable.
   */
  check(key: string, value: unknown): string | undefined;
}

/** A picker's answer: the value for its question, and optionally changes to other answers. */
export interface PickerAnswer {
  value: unknown;
  /** Other answers to change, by key (checked with the schema's rules before they are kept). */
  also?: Readonly<Record<string, unknown>>;
}

/**
 * A command's own way of asking one question, instead of the prompt its kind would get: the
 * training lets a person accept proposed casussen or tick them in a list, where the schema only
 * knows a list of ids. The wizard core stays free of what the picker knows about.
 */
export interface QuestionPicker {
  ask(draft: Draft, io: PickerIO): Promise<PickerAnswer>;
  /** How the answer reads in the summary (titles instead of ids); empty values included. */
  describe?(value: unknown, draft: Draft): string | undefined;
}

/** Thrown by a prompt adapter when the person stops (Ctrl-C, closed terminal). */
export class PromptCancelledError extends Error {
  constructor(message = "De vragen zijn afgebroken.", options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PromptCancelledError";
  }
}

/**
 * The wizard stopped before the end: cancelled by the person, or an unexpected error. Carries the
 * answers given so far (`draft`, serialisable with `serializeAnswers`) so none are lost.
 */
export class WizardStoppedError extends Error {
  readonly draft: Draft;
  readonly cancelled: boolean;
  /** How many answers were given in this run; 0 means there is nothing new to save. */
  readonly answered: number;

  constructor(draft: Draft, options: { cancelled: boolean; answered: number; cause: unknown }) {
    super(options.cancelled ? "De vragen zijn afgebroken." : "De vragen zijn onverwacht gestopt.", {
      cause: options.cause,
    });
    this.name = "WizardStoppedError";
    this.draft = draft;
    this.cancelled = options.cancelled;
    this.answered = options.answered;
  }
}

export interface WizardOptions {
  /** Today, vocabulary and the file check. The wizard sets `mode: "wizard"` itself. */
  ctx: QuestionContext;
  prompts: WizardPrompts;
  /** Raw answers to start from (an answers file, a draft); may be incomplete or wrong. */
  initial?: unknown;
  /**
   * `fill` (default) asks what is not given or not valid; `edit` asks everything, with the given
   * answers as defaults.
   */
  mode?: "fill" | "edit";
  /** Take the default (or leave empty when optional) instead of asking, wherever there is one. */
  acceptDefaults?: boolean;
  /** The explicit "go" choice after "Ja, alles klopt", e.g. "Ja, maak het trainingspakket". */
  confirmLabel?: string;
  /** Shown once, before the first question (only when something is asked). */
  welcome?: string;
  /** Custom prompts for some questions, by key (see `QuestionPicker`). */
  pickers?: Readonly<Record<string, QuestionPicker>> | undefined;
}

export interface WizardResult<A> {
  answers: A;
  /** The number of questions asked; 0 when everything was given. */
  asked: number;
}

/** "kies er minstens 1." → "Kies er minstens 1." (messages are written to follow a label). */
const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const cloneDraft = (draft: Draft): Draft => structuredClone(draft);

/**
 * Converts one answer a person typed or ticked (in the wizard or the web form) with the schema's
 * rules, worded to stand next to the question: blank is fine only for optional questions, and
 * messages start with a capital. The same `convertAnswer` as for an answers file underneath.
 */
export function convertTyped(
  q: QuestionBase,
  raw: unknown,
  context: Draft,
  ctx: QuestionContext,
): Converted<unknown> {
  if (isBlank(raw)) {
    if (q.optional) return { value: undefined };
    if (q.kind === "multi") return { error: "Kies er minstens één (met de spatiebalk)." };
    return {
      error: `Dit antwoord is nodig.${q.example && q.kind !== "choice" ? ` Bijvoorbeeld: ${q.example}` : ""}`,
    };
  }
  const converted = convertAnswer(q, raw, context, ctx);
  return converted.error === undefined ? converted : { error: sentence(converted.error) };
}

/**
 * The help line of a question: its help, plus the example for questions that are typed in and
 * have no default (a default is the better example; choices speak for themselves).
 */
export function helpOf(question: QuestionBase, hasDefault = false): string {
  const typed = !["choice", "multi", "confirm", "list"].includes(question.kind);
  const parts = [question.help];
  if (typed && !hasDefault && question.example) parts.push(`Bijvoorbeeld: ${question.example}`);
  return parts.filter(Boolean).join(" ");
}

/** Text lists longer than this are changed point by point instead of on one line. */
export const LONG_TEXT_LIST = 60;

/**
 * Runs the wizard over `schema`, walking `sections` in order (each question belongs to one by its
 * `section`). Returns validated answers, or throws `WizardStoppedError` with the draft so far.
 *
 * @example
 * const { answers } = await runWizard(trainingSchema, TRAINING_SECTIONS, { ctx, prompts });
 */
export async function runWizard<S extends Schema>(
  schema: S,
  sections: readonly Section[],
  options: WizardOptions,
): Promise<WizardResult<AnswersOf<S>>> {
  const session = new WizardSession(schema, sections, options);
  try {
    return { answers: (await session.run()) as AnswersOf<S>, asked: session.asked };
  } catch (error) {
    throw new WizardStoppedError(session.snapshot(), {
      cancelled: error instanceof PromptCancelledError,
      answered: session.answered,
      cause: error,
    });
  }
}

class WizardSession {
  readonly questions: Question[];
  readonly ctx: QuestionContext;
  readonly prompts: WizardPrompts;
  /** Parsed answers so far. Never holds a value that failed conversion. */
  draft: Draft = {};
  /** Keys that were answered (typed, accepted, or given in the file), even when left empty. */
  readonly seen = new Set<string>();
  /** Keys holding an accepted computed default: recomputed when earlier answers change. */
  readonly derived = new Set<string>();
  /** Problems with given answers, shown when the question is asked again. */
  readonly pending = new Map<string, string>();
  asked = 0;
  /** Answers given in this run (list fields count one by one). */
  answered = 0;
  private shownSection: SectionId | undefined;

  constructor(
    readonly schema: Schema,
    readonly sections: readonly Section[],
    readonly options: WizardOptions,
  ) {
    this.questions = listQuestions(schema);
    this.ctx = { ...options.ctx, mode: "wizard" };
    this.prompts = options.prompts;
    const known = new Set(sections.map((s) => s.id));
    const stray = this.questions.find((q) => !known.has(q.section));
    if (stray)
      throw new Error(`Question ${stray.key} belongs to section "${stray.section}", not listed.`);
  }

  async run(): Promise<Draft> {
    this.prefill(this.options.initial ?? {});
    const edit = this.options.mode === "edit";
    await this.pass(() => edit);
    if (this.asked === 0) {
      // Everything was given: no summary to confirm, unless the whole turns out not to fit.
      const done = this.finish();
      if (done) return done;
      await this.pass(() => false);
    }
    return this.review();
  }

  /** The answers given so far, with an empty marker for questions deliberately left empty. */
  snapshot(): Draft {
    const copy = cloneDraft(this.draft);
    for (const q of this.questions) {
      if (!this.seen.has(q.key)) continue;
      if (q.when && !safe(() => q.when!(this.draft), false)) continue;
      // An empty value that was answered is kept, so continuing from the draft does not ask it again.
      if (isBlank(getPath(copy, q.key))) setPath(copy, q.key, q.kind === "date" ? null : "");
    }
    return copy;
  }

  /** Takes the given answers that are valid; remembers problems for the ones that are not. */
  private prefill(initial: unknown): void {
    for (const q of this.questions) {
      const raw = getPath(initial, q.key);
      if (raw === undefined) continue;
      this.seen.add(q.key);
      if (q.when && !q.when(this.draft)) continue;
      if (isBlank(raw)) continue;
      if (q.kind === "list") {
        const items = Array.isArray(raw) ? raw.map((item) => this.prefillItem(q, item)) : [];
        setPath(this.draft, q.key, items);
        if (!Array.isArray(raw))
          this.pending.set(q.key, `${q.label}: moet een lijst zijn; vul de items opnieuw in.`);
        continue;
      }
      const converted = convertAnswer(q, raw, this.draft, this.ctx);
      if (converted.error !== undefined) this.pending.set(q.key, `${q.label}: ${converted.error}`);
      else setPath(this.draft, q.key, converted.value);
    }
  }

  private prefillItem(q: Question, raw: unknown): Record<string, unknown> {
    const record = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
    const item: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(q.fields ?? {})) {
      if (isBlank(record[name])) continue;
      const converted = convertAnswer(field, record[name], item, this.ctx);
      if (converted.error === undefined) item[name] = converted.value;
    }
    return item;
  }

  /** Walks every section; asks what `askAll` selects, and what is missing or not valid. */
  private async pass(askAll: (section: SectionId) => boolean): Promise<void> {
    for (const section of this.sections)
      for (const q of this.questions)
        if (q.section === section.id) await this.visit(q, askAll(section.id));
  }

  private async visit(q: Question, askAll: boolean): Promise<void> {
    if (q.when && !q.when(this.draft)) {
      setPath(this.draft, q.key, undefined);
      this.derived.delete(q.key);
      return;
    }
    const fallback = q.default?.(this.draft, this.ctx);
    const problem = this.pending.get(q.key);
    if (problem !== undefined) {
      this.pending.delete(q.key);
      this.showSection(q);
      this.prompts.problem(problem);
      return this.ask(q);
    }
    if (askAll) return this.ask(q);
    if (this.derived.has(q.key) && fallback !== undefined) setPath(this.draft, q.key, fallback);
    const current = getPath(this.draft, q.key);
    if (!isBlank(current)) {
      // Still valid now that earlier answers may have changed (end time after start time, …)?
      const error = this.recheck(q, current);
      if (error === undefined) return;
      // A list keeps its items: only the incomplete ones are asked again.
      if (q.kind !== "list") setPath(this.draft, q.key, undefined);
      this.showSection(q);
      this.prompts.problem(error);
      return this.ask(q, { fixOnly: true });
    }
    const given = this.seen.has(q.key);
    if ((given || this.options.acceptDefaults) && fallback !== undefined) {
      setPath(this.draft, q.key, fallback);
      this.derived.add(q.key);
      return;
    }
    if ((given || this.options.acceptDefaults) && q.optional) return;
    return this.ask(q);
  }

  private recheck(q: Question, value: unknown): string | undefined {
    if (q.kind !== "list") {
      const error = convertAnswer(q, value, this.draft, this.ctx).error;
      return error === undefined ? undefined : `${q.label}: ${error}`;
    }
    const items = Array.isArray(value) ? (value as Array<Record<string, unknown>>) : [];
    for (const [i, item] of items.entries()) {
      const problem = this.itemProblem(q, item);
      if (problem !== undefined) return `${q.label} ${i + 1}: ${problem}`;
    }
    return undefined;
  }

  private showSection(q: Question): void {
    if (this.shownSection === q.section) return;
    if (this.options.welcome && this.asked === 0 && this.shownSection === undefined)
      this.prompts.note(this.options.welcome);
    this.shownSection = q.section;
    const index = this.sections.findIndex((s) => s.id === q.section);
    this.prompts.section(this.sections[index]!, { index: index + 1, total: this.sections.length });
  }

  /** Asks one question (re-asking until valid) and stores the answer. */
  private async ask(q: Question, options: { fixOnly?: boolean } = {}): Promise<void> {
    this.showSection(q);
    const fallback = q.default?.(this.draft, this.ctx);
    const current = getPath(this.draft, q.key);
    const start = this.derived.has(q.key) || isBlank(current) ? (fallback ?? current) : current;
    this.asked += 1;
    const picker = this.options.pickers?.[q.key];
    if (q.kind === "list") {
      await this.askList(q, Boolean(options.fixOnly));
    } else if (picker) {
      await this.askPicker(q, picker, start);
    } else {
      const value = await this.askValue(q, q.key, start, this.draft);
      setPath(this.draft, q.key, value);
    }
    this.seen.add(q.key);
    const value = getPath(this.draft, q.key);
    if (fallback !== undefined && same(value, fallback)) this.derived.add(q.key);
    else this.derived.delete(q.key);
  }

  /**
   * Asks a question with a command's picker. Its answer, and the other answers it changes, pass
   * the schema's rules like typed ones; an answer that does not is asked the plain way.
   */
  private async askPicker(q: Question, picker: QuestionPicker, current: unknown): Promise<void> {
    const questionOf = (key: string): Question | undefined =>
      this.questions.find((other) => other.key === key && other.kind !== "list");
    const answer = await picker.ask(cloneDraft(this.draft), {
      prompts: this.prompts,
      ctx: this.ctx,
      question: q,
      current,
      check: (key, value) => {
        const other = questionOf(key);
        return other ? this.convert(other, value, this.draft).error : `Onbekende vraag: ${key}.`;
      },
    });
    const converted = this.convert(q, answer.value, this.draft);
    if (converted.error !== undefined) {
      this.prompts.problem(`${q.label}: ${converted.error}`);
      setPath(this.draft, q.key, await this.askValue(q, q.key, current, this.draft));
      return;
    }
    setPath(this.draft, q.key, converted.value);
    this.answered += 1;
    for (const [key, raw] of Object.entries(answer.also ?? {})) {
      const other = questionOf(key);
      const result = other ? this.convert(other, raw, this.draft) : undefined;
      if (!other || !result || result.error !== undefined) {
        this.prompts.problem(
          `${other?.label ?? key}: ${result?.error ?? "onbekende vraag."} Dit is niet aangepast.`,
        );
        continue;
      }
      setPath(this.draft, key, result.value);
      this.seen.add(key);
      // Chosen now, so no longer a computed default that follows earlier answers.
      this.derived.delete(key);
      this.answered += 1;
    }
  }

  /** Converts typed input with the schema's rules; blank is fine only for optional questions. */
  private convert(q: QuestionBase, raw: unknown, context: Draft): Converted<unknown> {
    return convertTyped(q, raw, context, this.ctx);
  }

  /** Asks a single value with the prompt that fits its kind; re-asks until it converts. */
  private async askValue(
    q: QuestionBase,
    id: string,
    start: unknown,
    context: Draft,
  ): Promise<unknown> {
    const help = helpOf(q, !isBlank(start));
    for (;;) {
      let raw: unknown;
      const text = toInputText(q, start);
      switch (q.kind) {
        case "choice": {
          const unanswered = typeof start !== "string" || start === "";
          const placeholder = q.noPreselect && unanswered && !q.optional;
          const choices = [
            ...(placeholder ? [{ value: "", label: "(kies uit de lijst)" }] : []),
            ...choicesOf(q, this.ctx),
            ...(q.optional ? [{ value: "", label: "(geen)" }] : []),
          ];
          raw = await this.prompts.select({
            id,
            message: q.label,
            help,
            choices,
            default: placeholder ? "" : typeof start === "string" ? start : undefined,
          });
          if (placeholder && isBlank(raw)) {
            this.prompts.problem("Kies een antwoord uit de lijst (met de pijltjestoetsen).");
            continue;
          }
          break;
        }
        case "multi":
          raw = await this.prompts.checkbox({
            id,
            message: q.label,
            help,
            choices: choicesOf(q, this.ctx),
            checked: Array.isArray(start) ? (start as string[]) : [],
            validate: (values) => this.convert(q, values, context).error,
          });
          break;
        case "confirm":
          raw = await this.prompts.confirm({
            id,
            message: q.label,
            help,
            // Left open before ("nog niet bekend"): offer that again rather than a yes.
            default:
              typeof start === "boolean"
                ? start
                : q.optional && this.seen.has(id)
                  ? undefined
                  : true,
            optional: Boolean(q.optional),
          });
          break;
        default:
          if (q.kind === "textlist" && (text ?? "").length > LONG_TEXT_LIST) {
            raw = await this.askTextList(
              q,
              id,
              Array.isArray(start) ? start.map(String) : [String(start)],
            );
            break;
          }
          raw = await this.prompts.input({
            id,
            message: q.label,
            help,
            default: text,
            editable: q.kind === "textlist",
            optional: Boolean(q.optional),
            validate: (value) => this.convert(q, value, context).error,
            display: (value) => {
              const converted = this.convert(q, value, context);
              if (converted.error !== undefined) return value;
              return formatAnswer(q, converted.value, this.ctx) || "(leeg)";
            },
          });
      }
      start = raw;
      const converted = this.convert(q, raw, context);
      if (converted.error === undefined) {
        if (!(await this.keepDespiteWarning(q, id, converted.value, context))) continue;
        this.answered += 1;
        return converted.value;
      }
      // The adapter validates too; this catches adapters that do not (scripts, plain streams).
      this.prompts.problem(converted.error);
    }
  }

  /**
   * An answer that is valid but worth a second look (a training on a Saturday or on Koningsdag):
   * says why and asks whether to keep it. The default is no, so a stray Enter asks again.
   */
  private async keepDespiteWarning(
    q: QuestionBase,
    id: string,
    value: unknown,
    context: Draft,
  ): Promise<boolean> {
    const warning = safe(() => q.warn?.(value as never, context, this.ctx), undefined);
    if (warning === undefined) return true;
    this.prompts.problem(warning);
    const keep = await this.prompts.confirm({
      id: `${id}.toch`,
      message: q.kind === "date" ? "Deze datum houden?" : "Dit antwoord houden?",
      help:
        q.kind === "date" ? "Nee: je kiest een andere datum." : "Nee: je past het antwoord aan.",
      default: false,
    });
    return keep === true;
  }

  /**
   * A long text list (the national "wel/niet doen" lines) shown point by point, to keep, add to,
   * change or shorten; typing it again on one line would be error-prone.
   */
  private async askTextList(
    q: QuestionBase,
    id: string,
    start: readonly string[],
  ): Promise<string[]> {
    const items = [...start];
    const short = (text: string): string => (text.length > 70 ? `${text.slice(0, 69)}…` : text);
    for (;;) {
      const choice = await this.prompts.select({
        id,
        message: q.label,
        help: q.help,
        lines: items.length > 0 ? items.map((item, i) => `${i + 1}. ${item}`) : ["(nog leeg)"],
        choices: [
          { value: "klaar", label: "Zo is het goed" },
          { value: "toevoegen", label: "Een punt toevoegen" },
          ...(items.length > 0
            ? [
                { value: "wijzigen", label: "Een punt aanpassen" },
                { value: "weghalen", label: "Een punt weghalen" },
              ]
            : []),
        ],
        default: "klaar",
      });
      if (choice === "klaar") return items;
      const check = (text: string): string | undefined =>
        isBlank(text) ? undefined : this.convert(q, [text], {}).error;
      if (choice === "toevoegen") {
        const text = await this.prompts.input({
          id: `${id}.nieuw`,
          message: "Nieuw punt",
          help: "Leeg laten en Enter: toch niets toevoegen.",
          optional: true,
          validate: check,
        });
        if (!isBlank(text)) items.push(text.trim());
        continue;
      }
      const index = Number(
        await this.prompts.select({
          id: `${id}.welk`,
          message:
            choice === "wijzigen" ? "Welk punt wil je aanpassen?" : "Welk punt wil je weghalen?",
          choices: items.map((item, i) => ({
            value: String(i),
            label: `${i + 1}. ${short(item)}`,
          })),
        }),
      );
      if (choice === "weghalen") {
        items.splice(index, 1);
        continue;
      }
      const text = await this.prompts.input({
        id: `${id}.punt`,
        message: `Punt ${index + 1}`,
        help: "Pas de tekst aan. Leeg maken en Enter haalt het punt weg.",
        default: items[index],
        editable: true,
        optional: true,
        validate: check,
      });
      if (isBlank(text)) items.splice(index, 1);
      else items[index] = text.trim();
    }
  }

  /** An item by its first field (a partner's name), for menus. */
  private itemName(q: Question, item: Record<string, unknown>, index: number): string {
    const [name, field] = Object.entries(q.fields ?? {})[0] ?? [];
    const text = name && field ? formatAnswer(field, item[name], this.ctx) : "";
    return text || formatItem(q, item, this.ctx) || `nummer ${index + 1}`;
  }

  private itemProblem(q: Question, item: Record<string, unknown>): string | undefined {
    for (const [name, field] of Object.entries(q.fields ?? {})) {
      const converted = this.convert(field, item[name], item);
      if (converted.error !== undefined) return `${field.label}: ${converted.error}`;
    }
    return undefined;
  }

  /** Asks the fields of one list item; with `onlyMissing`, only those that are empty or wrong. */
  private async askItem(
    q: Question,
    items: Array<Record<string, unknown>>,
    index: number,
    onlyMissing: boolean,
  ): Promise<void> {
    const item = { ...(items[index] ?? {}) };
    items[index] = item;
    this.prompts.note(`${q.label} (${index + 1})`);
    for (const [name, field] of Object.entries(q.fields ?? {})) {
      if (onlyMissing && this.convert(field, item[name], item).error === undefined) continue;
      item[name] = await this.askValue(field, `${q.key}.${index + 1}.${name}`, item[name], item);
      // Keep every typed field in the draft at once, so Ctrl-C halfway an item loses nothing.
      setPath(this.draft, q.key, [...items]);
    }
  }

  /** A repeating list: new items field by field with "add another?", or a menu to change items. */
  private async askList(q: Question, fixOnly: boolean): Promise<void> {
    const current = getPath(this.draft, q.key);
    const items = Array.isArray(current) ? [...(current as Array<Record<string, unknown>>)] : [];
    const max = q.max ?? Infinity;
    setPath(this.draft, q.key, items);
    for (let i = 0; i < items.length; i++)
      if (this.itemProblem(q, items[i]!) !== undefined) await this.askItem(q, items, i, true);
    if (fixOnly && items.length > 0) return;

    if (items.length === 0) {
      if (q.optional) {
        const add = await this.prompts.confirm({
          id: `${q.key}.toevoegen`,
          message: `${q.label} toevoegen?`,
          help: helpOf(q),
          default: true,
        });
        if (!add) return;
      } else {
        this.prompts.note(helpOf(q));
      }
      for (;;) {
        await this.askItem(q, items, items.length, false);
        if (items.length >= max) return;
        const more = await this.prompts.confirm({
          id: `${q.key}.+`,
          message: q.addAnother ?? "Nog een toevoegen?",
          default: false,
        });
        if (!more) return;
      }
    }

    for (;;) {
      const choice = await this.prompts.select({
        id: `${q.key}.menu`,
        message: `${q.label}: ${items.length} ingevuld. Wat wil je doen?`,
        help: helpOf(q),
        choices: [
          { value: "klaar", label: "Niets meer, ga verder" },
          ...(items.length < max ? [{ value: "toevoegen", label: "Eén toevoegen" }] : []),
          ...items.map((item, i) => ({
            value: `wijzig:${i}`,
            label: `Wijzigen: ${this.itemName(q, item, i)}`,
          })),
          ...items.map((item, i) => ({
            value: `verwijder:${i}`,
            label: `Verwijderen: ${this.itemName(q, item, i)}`,
          })),
        ],
        default: "klaar",
      });
      if (choice === "klaar") {
        if (items.length > 0 || q.optional) return;
        this.prompts.problem(`${q.label}: vul er minstens één in.`);
        await this.askItem(q, items, 0, false);
      } else if (choice === "toevoegen") {
        await this.askItem(q, items, items.length, false);
      } else {
        const [action, position] = choice.split(":");
        const index = Number(position);
        if (action === "wijzig") await this.askItem(q, items, index, false);
        else items.splice(index, 1);
        setPath(this.draft, q.key, [...items]);
      }
    }
  }

  /** Validates the whole draft as an answers file would be; undefined if anything is still off. */
  private finish(): Draft | undefined {
    const validation = validateAnswers(this.schema, this.draft, this.ctx);
    if (validation.answers) return validation.answers as Draft;
    for (const p of validation.problems)
      this.pending.set(p.where.replace(/\[\d+\].*$/, ""), p.message);
    return undefined;
  }

  /**
   * After "Ja, alles klopt": making the pack is its own, explicit choice (the command's
   * `confirmLabel`, "Ja, maak het trainingspakket"), so one Enter too many on the summary never
   * makes a pack; "terug" shows the summary again.
   */
  private async confirmMake(): Promise<boolean> {
    if (!this.options.confirmLabel) return true;
    const choice = await this.prompts.select({
      id: "maken",
      message: "Nu maken?",
      choices: [
        { value: "ja", label: this.options.confirmLabel },
        { value: "terug", label: "Nee, terug naar de samenvatting" },
      ],
      default: "ja",
    });
    return choice === "ja";
  }

  /** The summary: confirm, or change a section and come back. */
  private async review(): Promise<Draft> {
    for (;;) {
      const draft = this.draft;
      const describe = (q: Question, value: unknown): string | undefined =>
        this.options.pickers?.[q.key]?.describe?.(value, draft);
      this.prompts.summary(
        buildSummary(this.sections, this.questions, this.draft, this.ctx, describe),
      );
      const present = new Set(this.questions.map((q) => q.section));
      const choice = await this.prompts.select({
        id: "samenvatting",
        message: "Klopt alles?",
        help: "Kies een onderdeel om het te wijzigen; daarna kom je hier terug.",
        choices: [
          { value: "", label: "Ja, alles klopt" },
          ...this.sections
            .filter((s) => present.has(s.id))
            .map((s) => ({ value: s.id, label: `Wijzig: ${s.title}` })),
        ],
        default: "",
      });
      if (choice === "") {
        const done = this.finish();
        if (done && (await this.confirmMake())) return done;
        if (done) continue;
        const before = this.asked;
        await this.pass(() => false);
        if (this.asked === before) throw new Error("Answers stay invalid after the wizard.");
        continue;
      }
      this.shownSection = undefined;
      await this.pass((id) => id === choice);
      // Answers elsewhere may depend on what changed: recompute defaults, re-ask what broke.
      await this.pass(() => false);
    }
  }
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
