import { validateAnswers, type Validation } from "../answers/validate.js";
import { CancelledError, InputError, UsageError, type Problem } from "../errors.js";
import { shellQuote } from "../shell-quote.js";
import {
  listQuestions,
  type AnswersOf,
  type Draft,
  type QuestionContext,
  type SchemaNode,
  type Section,
} from "./define.js";
import {
  runWizard,
  WizardStoppedError,
  type QuestionPicker,
  type WizardPrompts,
} from "./wizard.js";

/**
 * Getting a complete answer set for a command, whatever the situation: from a file only (no
 * terminal), or with the wizard filling in what is missing, or re-asking everything. Generic over
 * the schema, so every pack command collects answers the same way. No I/O of its own: prompts and
 * saving a draft are injected.
 */

type Schema = { readonly [key: string]: SchemaNode };

export interface CompleteRequest<S extends Schema> {
  schema: S;
  sections: readonly Section[];
  /** Raw answers from a file or the example; `{}` when there are none. */
  raw: unknown;
  /** Where `raw` came from, for messages ("antwoorden.yaml"); empty when nothing was given. */
  source: string;
  /** Today, vocabulary and the file check (in `file` mode; the wizard switches to `wizard`). */
  ctx: QuestionContext;
  /** A person is at a terminal and can be asked. */
  interactive: boolean;
  /** Re-ask every question, with the given answers as defaults (`--bewerk`). */
  edit?: boolean;
  /** Take defaults instead of asking wherever there is one (`--standaard`). */
  acceptDefaults?: boolean;
  /** Creates the prompts; called only when a question is going to be asked. */
  prompts?: () => Promise<WizardPrompts>;
  /** The summary's "go" choice. */
  confirmLabel?: string;
  /** Custom prompts for some questions, by key (see `QuestionPicker`). */
  pickers?: Readonly<Record<string, QuestionPicker>> | undefined;
  /** The command a person runs, for "continue with …" hints: `idokit training`. */
  command: string;
  /** The command that continues from a saved draft (with `--map`); default: command + file. */
  resumeCommand?(file: string): string;
  /** Writes the answers so far to a draft file; returns the path to show. */
  saveDraft(draft: Draft): string;
  /** Tells the person something outside the prompts (a saved draft after a crash). */
  warn(message: string): void;
}

export interface Completed<A> {
  answers: A;
  warnings: Problem[];
  /** Questions asked in the wizard; 0 when the answers came from the file alone. */
  asked: number;
}

/** Lists every missing answer by key, with how to give it; for runs where no one can be asked. */
export function missingAnswersError(
  validation: Pick<Validation<unknown>, "missing">,
  source: string,
  command = "idokit training",
): UsageError {
  const problems: Problem[] = validation.missing.map((q) => ({
    where: q.key,
    message: `${q.label} ontbreekt${q.example ? ` (bijvoorbeeld: ${q.example})` : ""}.`,
  }));
  const [group, name] = (validation.missing[0]?.key ?? "training.datum").split(".");
  const example = validation.missing[0]?.example ?? "…";
  return new UsageError(
    `Er ontbreken ${problems.length} antwoorden${source ? ` in ${source}` : ""}, en er is geen terminal om ze te vragen.`,
    {
      problems,
      hint: `Vul ze aan in het antwoordenbestand (de sleutels hierboven, bijvoorbeeld \`${group}:\` met daaronder \`  ${name ?? group}: ${example}\`) en start opnieuw met ${command} --antwoorden BESTAND, of start ${command} in een terminal om de vragen te beantwoorden.`,
    },
  );
}

/**
 * Collects complete, validated answers. Without a terminal: from `raw` alone, or a usage error
 * that lists every missing answer. With a terminal: the wizard asks what is missing or wrong (or
 * everything, with `edit`). On Ctrl-C or a crash the answers so far are saved as a draft first.
 */
export async function completeAnswers<S extends Schema>(
  request: CompleteRequest<S>,
): Promise<Completed<AnswersOf<S>>> {
  const { schema, raw, source, ctx } = request;
  const validation = validateAnswers(schema, raw, ctx);

  if (!request.interactive || !request.prompts) {
    if (request.edit)
      throw new UsageError(
        "--bewerk stelt alle vragen opnieuw en heeft daarvoor een terminal nodig.",
        {
          hint: "Start het commando in een terminal, of pas het antwoordenbestand zelf aan.",
        },
      );
    if (validation.answers)
      return { answers: validation.answers, warnings: validation.warnings, asked: 0 };
    if (validation.problems.length > 0) throw invalidAnswersError(validation, source);
    throw missingAnswersError(validation, source, request.command);
  }

  // Problems the wizard cannot ask about (unknown keys, a file that is not a set of fields).
  const keys = new Set(listQuestions(schema).map((q) => q.key));
  const stray = validation.problems.filter((p) => !keys.has(p.where.replace(/\[\d+\].*$/, "")));
  const prompts = await request.prompts();
  for (const p of stray)
    prompts.problem(
      `${source ? `${source}, ` : ""}${p.where}: ${p.message} Dit wordt overgeslagen.`,
    );

  try {
    const { answers, asked } = await runWizard(schema, request.sections, {
      ctx,
      prompts,
      initial: raw,
      mode: request.edit ? "edit" : "fill",
      acceptDefaults: Boolean(request.acceptDefaults),
      confirmLabel: request.confirmLabel,
      welcome: welcomeFor(request),
      pickers: request.pickers,
    });
    return { answers, warnings: [], asked };
  } catch (error) {
    if (!(error instanceof WizardStoppedError)) throw error;
    throw stoppedError(error, request);
  }
}

function welcomeFor<S extends Schema>(request: CompleteRequest<S>): string {
  const stop = "Stoppen kan altijd met Ctrl-C; je antwoorden worden dan bewaard.";
  if (request.edit)
    return `Alle vragen komen langs, met de antwoorden uit ${request.source} als voorstel: Enter houdt een antwoord zoals het is. ${stop}`;
  if (request.source)
    return `In ${request.source} ontbreekt nog iets of klopt iets niet. idokit vraagt alleen dat. ${stop}`;
  return `idokit stelt je vragen in ${request.sections.length} korte delen. Bij elke vraag staat uitleg; Enter neemt het voorstel tussen haakjes over. ${stop}`;
}

function stoppedError<S extends Schema>(
  error: WizardStoppedError,
  request: CompleteRequest<S>,
): Error {
  let saved: string | undefined;
  let failure: string | undefined;
  if (error.answered > 0) {
    try {
      saved = request.saveDraft(error.draft);
    } catch (cause) {
      failure = (cause as Error).message;
    }
  }
  const resume = saved
    ? (request.resumeCommand?.(saved) ?? `${request.command} --antwoorden ${shellQuote(saved)}`)
    : undefined;
  if (error.cancelled) {
    const message = saved
      ? `Afgebroken. Je antwoorden tot nu toe staan in ${saved}; er is verder niets gemaakt.`
      : failure
        ? `Afgebroken. Je antwoorden konden niet worden bewaard (${failure}).`
        : "Afgebroken; er is niets bewaard of gemaakt.";
    return new CancelledError(message, resume ? { hint: `Ga verder met: ${resume}` } : {});
  }
  if (saved)
    request.warn(`Je antwoorden tot nu toe staan in ${saved}. Ga later verder met: ${resume}`);
  return error.cause instanceof Error ? error.cause : error;
}

function invalidAnswersError(validation: Validation<unknown>, source: string): InputError {
  const where = source ? `${source}: ` : "";
  const count = validation.problems.length + validation.missing.length;
  return new InputError(
    `${where}${count === 1 ? "1 antwoord klopt niet of ontbreekt" : `${count} antwoorden kloppen niet of ontbreken`}. Er is niets gemaakt.`,
    {
      problems: [
        ...validation.problems,
        ...validation.missing.map((q) => ({ where: q.key, message: `${q.label} ontbreekt.` })),
      ],
      hint: source
        ? `Verbeter de genoemde velden in ${source} en start opnieuw.`
        : "Verbeter de genoemde antwoorden en start opnieuw.",
    },
  );
}
