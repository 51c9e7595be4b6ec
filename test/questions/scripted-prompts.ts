import type {
  CheckboxRequest,
  ConfirmRequest,
  InputRequest,
  PromptRequest,
  SelectRequest,
  WizardPrompts,
} from "../../src/questions/wizard.js";
import { PromptCancelledError } from "../../src/questions/wizard.js";
import type { SummaryGroup } from "../../src/questions/wizard-format.js";

/** An answer a script gives: what the person types or picks. `CANCEL` presses Ctrl-C. */
export type ScriptedAnswer = string | string[] | boolean | typeof CANCEL;
export const CANCEL = Symbol("cancel");

/** Answers for a prompt that is asked more than once (re-asked after a problem, or revisited). */
export interface Sequence {
  seq: ScriptedAnswer[];
}
export const seq = (...answers: ScriptedAnswer[]): Sequence => ({ seq: answers });

export interface AskedPrompt {
  kind: "input" | "select" | "checkbox" | "confirm";
  id: string;
  message: string;
  help?: string | undefined;
  /** The default offered (input text, select value, checked values, confirm boolean). */
  default: unknown;
  /** The validation problem shown for the answer given, if any. */
  error?: string | undefined;
  /** Extra lines shown with the prompt (a list's points, a proposal). */
  lines?: readonly string[] | undefined;
  /** The choices offered (select and checkbox), by value. */
  choices?: string[] | undefined;
}

/**
 * A fake prompt adapter: answers come from a script keyed by prompt id (a list of answers is used
 * one per time the prompt is asked). Unscripted prompts take their default, like pressing Enter,
 * and fail when there is none. Records everything asked and shown.
 */
export function scriptedPrompts(script: Record<string, ScriptedAnswer | Sequence>) {
  const queues = new Map<string, ScriptedAnswer[]>(
    Object.entries(script).map(([id, answer]) => [
      id,
      typeof answer === "object" && !Array.isArray(answer) ? [...answer.seq] : [answer],
    ]),
  );
  const asked: AskedPrompt[] = [];
  const shown: string[] = [];
  const summaries: SummaryGroup[][] = [];

  const next = (request: PromptRequest, fallback: unknown): ScriptedAnswer => {
    const queue = queues.get(request.id);
    const answer = queue && queue.length > 0 ? queue.shift()! : undefined;
    if (answer === CANCEL) throw new PromptCancelledError();
    if (answer !== undefined) return answer;
    if (fallback === undefined)
      throw new Error(`No scripted answer for "${request.id}" (${request.message}) and no default`);
    return fallback as ScriptedAnswer;
  };
  // A rejected answer with nothing left in the script would be asked forever: fail instead.
  const guard = (request: PromptRequest, error: string | undefined): void => {
    if (error !== undefined && !(queues.get(request.id)?.length ?? 0))
      throw new Error(`"${request.id}" rejected its last answer: ${error}`);
  };

  const prompts: WizardPrompts = {
    section: (section) => shown.push(`## ${section.title}`),
    note: (message, lines = []) =>
      shown.push([`note: ${message}`, ...lines.map((line) => `  ${line}`)].join("\n")),
    problem: (message) => shown.push(`problem: ${message}`),
    summary: (groups) => {
      summaries.push(structuredClone([...groups]));
      shown.push("summary");
    },
    input: async (r: InputRequest) => {
      const record: AskedPrompt = {
        kind: "input",
        id: r.id,
        message: r.message,
        help: r.help,
        default: r.default,
      };
      asked.push(record);
      const answer = next(r, r.default ?? (r.optional ? "" : undefined));
      const text = Array.isArray(answer) ? answer.join("; ") : String(answer);
      record.error = r.validate(text);
      guard(r, record.error);
      return text;
    },
    select: async (r: SelectRequest) => {
      asked.push({
        kind: "select",
        id: r.id,
        message: r.message,
        help: r.help,
        default: r.default,
        lines: r.lines,
        choices: r.choices.map((c) => c.value),
      });
      const answer = String(next(r, r.default));
      if (!r.choices.some((c) => c.value === answer))
        throw new Error(
          `"${answer}" is not a choice of ${r.id}: ${r.choices.map((c) => c.value).join(", ")}`,
        );
      return answer;
    },
    checkbox: async (r: CheckboxRequest) => {
      const record: AskedPrompt = {
        kind: "checkbox",
        id: r.id,
        message: r.message,
        help: r.help,
        default: [...r.checked],
        choices: r.choices.map((c) => c.value),
      };
      asked.push(record);
      const answer = next(r, [...r.checked]);
      const values = Array.isArray(answer) ? answer : [String(answer)];
      record.error = r.validate(values);
      guard(r, record.error);
      return values;
    },
    confirm: async (r: ConfirmRequest) => {
      asked.push({
        kind: "confirm",
        id: r.id,
        message: r.message,
        help: r.help,
        default: r.default,
      });
      // An optional yes/no takes "" for "nog niet bekend", like a choice's "(geen)".
      if (r.optional) {
        const answer = next(r, r.default ?? "");
        return answer === "" ? undefined : Boolean(answer);
      }
      return Boolean(next(r, r.default));
    },
  };
  return {
    prompts,
    asked,
    shown,
    summaries,
    /** Ids of the prompts asked, in order. */
    ids: () => asked.map((a) => a.id),
    /** The last prompt asked with this id. */
    last: (id: string) => asked.filter((a) => a.id === id).at(-1),
  };
}
