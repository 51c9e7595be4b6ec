import { resolve } from "node:path";
import { fileInspector, readAnswersFile } from "../answers/load.js";
import { validateAnswers, type Validation } from "../answers/validate.js";
import { InputError, UsageError, type Problem } from "../errors.js";
import type { AnswersOf, QuestionContext, SchemaNode, Section } from "../questions/define.js";
import type { CommandContext } from "./context.js";

type Schema = { readonly [key: string]: SchemaNode };

/** Where a command's answers come from, as the CLI flags say. */
export interface AnswerSourceOptions {
  answers?: string | undefined;
  voorbeeld: boolean;
}

/** What differs per command: its schema, wizard sections, name and built-in example. */
export interface AnswerSpec<S extends Schema> {
  schema: S;
  sections: readonly Section[];
  /** The command name, for hints: `training`, `bijeenkomst`. */
  command: string;
  /** The built-in example answers (raw), with dates moved ahead of `today`. */
  example: (today: string) => Record<string, unknown>;
  /** The wizard's "go" choice in the summary. */
  confirmLabel: string;
}

/** Lists every missing answer by key, with how to give it; for runs where no one can be asked. */
export function missingAnswersFor(
  validation: Validation<unknown>,
  source: string,
  command: string,
): UsageError {
  const problems: Problem[] = validation.missing.map((q) => ({
    where: q.key,
    message: `${q.label} ontbreekt${q.example ? ` (bijvoorbeeld: ${q.example})` : ""}.`,
  }));
  const first = validation.missing[0]?.key.split(".") ?? [];
  const sample =
    first.length === 2 ? ` (bijvoorbeeld \`${first[0]}:\` met daaronder \`  ${first[1]}: …\`)` : "";
  return new UsageError(
    `Er ontbreken ${problems.length} antwoorden${source ? ` in ${source}` : ""}, en er is geen terminal om ze te vragen.`,
    {
      problems,
      hint: `Vul ze aan in het antwoordenbestand${sample} en start opnieuw met --answers BESTAND, of start idokit ${command} in een terminal om de vragen te beantwoorden.`,
    },
  );
}

/**
 * Collects a command's answers from its built-in example or an answers file, validated against
 * the command's schema. Every problem is reported at once; missing answers become a usage error
 * that lists them.
 */
export async function collectAnswers<S extends Schema>(
  spec: AnswerSpec<S>,
  options: AnswerSourceOptions,
  context: CommandContext,
  ctx: QuestionContext,
): Promise<{ answers: AnswersOf<S>; warnings: Problem[]; baseDir: string }> {
  if (options.voorbeeld && options.answers)
    throw new UsageError("Gebruik --voorbeeld óf --answers, niet allebei.");
  const raw = options.voorbeeld
    ? { data: spec.example(context.today), file: "het ingebouwde voorbeeld", baseDir: context.cwd }
    : options.answers
      ? readAnswersFile(resolve(context.cwd, options.answers))
      : { data: {}, file: "", baseDir: context.cwd };
  const validation = validateAnswers(spec.schema, raw.data, {
    ...ctx,
    inspectFile: fileInspector(raw.baseDir),
  });
  if (validation.answers)
    return { answers: validation.answers, warnings: validation.warnings, baseDir: raw.baseDir };
  if (validation.problems.length > 0) {
    const where = raw.file ? `${raw.file}: ` : "";
    throw new InputError(
      `${where}${validation.problems.length + validation.missing.length} antwoorden kloppen niet of ontbreken. Er is niets gemaakt.`,
      {
        problems: [
          ...validation.problems,
          ...validation.missing.map((q) => ({ where: q.key, message: `${q.label} ontbreekt.` })),
        ],
        hint: raw.file
          ? `Verbeter de genoemde velden in ${raw.file} en start opnieuw.`
          : "Verbeter de genoemde antwoorden en start opnieuw.",
      },
    );
  }
  throw missingAnswersFor(validation, raw.file, spec.command);
}
