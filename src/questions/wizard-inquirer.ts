import { checkbox, confirm, input, select } from "@inquirer/prompts";
import { Chalk } from "chalk";
import type { Section } from "./define.js";
import type { SummaryGroup } from "./wizard-format.js";
import {
  PromptCancelledError,
  type CheckboxRequest,
  type ConfirmRequest,
  type InputRequest,
  type PromptRequest,
  type SelectRequest,
  type WizardPrompts,
} from "./wizard.js";

/**
 * The wizard's prompts on a terminal, built on @inquirer/prompts: the only module that imports
 * inquirer. Everything it shows goes to `output` (stderr in the CLI, so stdout stays free for
 * `--json`); colours only when `color` is set (a terminal without NO_COLOR).
 */

export interface TerminalOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { columns?: number; rows?: number };
  color: boolean;
}

/** Defaults longer than this are shown as a "Voorstel" line instead of inside the prompt. */
const LONG_DEFAULT = 40;

/** Inquirer's key hints in Dutch (its own words are English). */
function keyHint(key: string, action: string): [string, string] {
  if (key === "space") return ["spatie", "aan/uit"];
  if (key === "⏎") return [key, action === "submit" ? "bevestigen" : "kiezen"];
  const words: Record<string, string> = { navigate: "bladeren", all: "alles", invert: "omdraaien" };
  return [key, words[action] ?? action];
}

/** The prompts of the wizard on a terminal. */
export function createTerminalPrompts(options: TerminalOptions): WizardPrompts {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const context = { input: options.input, output: options.output };
  const write = (text: string): void => {
    options.output.write(`${text}\n`);
  };
  const width = (): number => Math.max(40, Math.min(options.output.columns ?? 80, 100) - 2);
  const pageSize = (): number => Math.max(5, Math.min(16, (options.output.rows ?? 24) - 8));
  const shorten = (text: string, room: number): string =>
    text.length > room ? `${text.slice(0, Math.max(10, room - 1))}…` : text;

  const base = {
    prefix: { idle: paint.blue("?"), done: paint.green("✔") },
    style: {
      answer: (text: string) => paint.cyan(text),
      message: (text: string) => paint.bold(text),
      error: (text: string) => paint.red(wrap(`> ${text}`, width()).join("\n  ")),
      defaultAnswer: (text: string) => paint.dim(`(${text})`),
      help: (text: string) => paint.dim(text),
      highlight: (text: string) => paint.cyan(text),
      key: (text: string) => paint.cyan.bold(`<${text}>`),
    },
  };
  const listStyle = {
    ...base.style,
    disabled: (text: string) => paint.dim(text),
    description: (text: string) => paint.cyan(text),
    keysHelpTip: (pairs: [string, string][]) =>
      pairs
        .map(([key, action]) => keyHint(key, action))
        .map(([key, word]) => `${paint.bold(key)} ${paint.dim(word)}`)
        .join(paint.dim(" • ")),
  };

  /**
   * Indented lines, such as the points of a list: each wraps with a hanging indent, and a line
   * may hold a second paragraph after a newline (a casus and why it was chosen), shown dimmed.
   */
  const writeLines = (lines: readonly string[]): void => {
    for (const line of lines) {
      const [first = "", ...more] = line.split("\n");
      for (const [i, part] of wrap(first, width() - 7).entries())
        write(`    ${i === 0 ? "" : "   "}${part}`);
      for (const paragraph of more)
        for (const part of wrap(paragraph, width() - 7)) write(paint.dim(`       ${part}`));
    }
  };

  /** Help (and extra lines) above the question, wrapped to the terminal and dimmed. */
  const showHelp = (request: PromptRequest, extra: string[] = []): void => {
    if (request.help)
      for (const line of wrap(request.help, width() - 2)) write(paint.dim(`  ${line}`));
    writeLines(request.lines ?? []);
    for (const text of extra)
      for (const line of wrap(text, width() - 2)) write(paint.dim(`  ${line}`));
  };

  /** Ctrl-C (or a closed terminal) becomes PromptCancelledError; other errors pass. */
  const run = async <T>(prompt: () => Promise<T>): Promise<T> => {
    try {
      return await prompt();
    } catch (error) {
      if (error instanceof Error && /^(ExitPromptError|AbortPromptError)$/.test(error.name))
        throw new PromptCancelledError(undefined, { cause: error });
      throw error;
    }
  };

  return {
    section(section: Section, position) {
      write("");
      write(
        paint.bold.underline(section.title) +
          paint.dim(`  (deel ${position.index} van ${position.total})`),
      );
      for (const line of wrap(section.intro, width())) write(line);
    },
    note(message, lines = []) {
      write("");
      for (const line of wrap(message, width())) write(paint.bold(line));
      writeLines(lines);
    },
    problem(message) {
      for (const [i, line] of wrap(message, width() - 2).entries())
        write(paint.yellow(`${i === 0 ? "!" : " "} ${line}`));
    },
    summary(groups: readonly SummaryGroup[]) {
      write("");
      write(paint.bold.underline("Samenvatting van je antwoorden"));
      for (const group of groups) {
        write("");
        write(paint.bold(group.section.title));
        for (const row of group.rows) {
          const value = row.value || (row.lines.length === 0 ? paint.dim("(leeg)") : "");
          const [first = "", ...rest] = wrap(`${row.label}: ${value}`, width() - 2);
          write(`  ${first.replace(`${row.label}:`, paint.dim(`${row.label}:`))}`);
          for (const line of rest) write(`    ${line}`);
          for (const item of row.lines)
            for (const [i, line] of wrap(item, width() - 6).entries())
              write(`    ${i === 0 ? "-" : " "} ${line}`);
        }
      }
      write("");
    },
    input(request: InputRequest) {
      const long = (request.default ?? "").length > LONG_DEFAULT && !request.editable;
      const extra: string[] = [];
      if (long) extra.push(`Voorstel: ${request.default}`);
      if (request.editable && request.default) extra.push("Pas de tekst aan, of druk op Enter.");
      else if (request.optional && request.default)
        extra.push("Leeg laten? Druk eerst op Backspace, dan op Enter.");
      showHelp(request, extra);
      return run(() =>
        input(
          {
            message: request.message,
            default: request.default,
            prefill: request.editable ? "editable" : "tab",
            validate: (value) => request.validate(value) ?? true,
            transformer: (value, { isFinal }) => {
              if (!isFinal) return value;
              const shown = request.display ? request.display(value) : value;
              return paint.cyan(shorten(shown, width() - request.message.length - 4));
            },
            theme: {
              ...base,
              style: {
                ...base.style,
                defaultAnswer: (text: string) =>
                  paint.dim(long ? "(Enter = voorstel)" : `(${text})`),
              },
              validationFailureMode: "keep",
            },
          },
          context,
        ),
      );
    },
    select(request: SelectRequest) {
      showHelp(request);
      return run(() =>
        select(
          {
            message: request.message,
            choices: request.choices.map((c) => ({
              value: c.value,
              name: shorten(c.label, width() - 4),
              short: shorten(c.label, width() - request.message.length - 4),
              description: c.description && shorten(c.description, width() - 2),
            })),
            default: request.default,
            pageSize: pageSize(),
            loop: false,
            theme: { ...base, style: listStyle, indexMode: "hidden" },
          },
          context,
        ),
      );
    },
    checkbox(request: CheckboxRequest) {
      showHelp(request);
      return run(() =>
        checkbox(
          {
            message: request.message,
            choices: request.choices.map((c) => ({
              value: c.value,
              name: shorten(c.label, width() - 4),
              checked: request.checked.includes(c.value),
              description: c.description && shorten(c.description, width() - 2),
            })),
            // Room for the description line under the list.
            pageSize: pageSize() - (request.choices.some((c) => c.description) ? 1 : 0),
            loop: false,
            validate: (chosen) => request.validate(chosen.map((c) => c.value)) ?? true,
            theme: {
              ...base,
              icon: { checked: paint.green("◉"), unchecked: "◯", cursor: "❯" },
              style: {
                ...listStyle,
                // Many long labels would fill the screen: say how many when they take over two lines.
                renderSelectedChoices: (chosen: ReadonlyArray<{ name: string }>) => {
                  const names = chosen.map((c) => c.name).join(", ");
                  const room = 2 * width() - request.message.length - 4;
                  return names.length <= room ? names : `${chosen.length} gekozen`;
                },
              },
            },
          },
          context,
        ),
      );
    },
    confirm(request: ConfirmRequest) {
      showHelp(request);
      if (request.optional) {
        // A third answer for what is not settled yet; a menu reads easier than a j/n/? key.
        const answers = { ja: true, nee: false, onbekend: undefined } as const;
        const start =
          request.default === true ? "ja" : request.default === false ? "nee" : "onbekend";
        return run(() =>
          select(
            {
              message: request.message,
              choices: [
                { value: "ja" as const, name: "ja" },
                { value: "nee" as const, name: "nee" },
                { value: "onbekend" as const, name: "nog niet bekend" },
              ],
              default: start,
              loop: false,
              theme: { ...base, style: listStyle, indexMode: "hidden" },
            },
            context,
          ),
        ).then((choice) => answers[choice]);
      }
      return run(() =>
        confirm(
          {
            message: request.message,
            default: request.default,
            theme: {
              ...base,
              keywords: { yes: "ja", no: "nee", error: () => 'Antwoord met "ja" of "nee".' },
            },
          },
          context,
        ),
      );
    },
  };
}

/** Greedy word wrap; keeps long words whole. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/ +/).filter(Boolean)) {
    if (line && visible(line).length + 1 + visible(word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

// eslint-disable-next-line no-control-regex -- removing colour codes to measure text is the point
const visible = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, "");
