import { Chalk, type ChalkInstance } from "chalk";
import { IdokitError, type Problem } from "../errors.js";

/** How the CLI talks: human messages on stderr, the `--json` result on stdout. */
export interface Output {
  color: ChalkInstance;
  /** Colours and spinners are allowed (stderr is a terminal and NO_COLOR is not set). */
  fancy: boolean;
  info(message: string): void;
  warn(message: string): void;
  success(message: string): void;
  problems(problems: readonly Problem[]): void;
  json(value: unknown): void;
}

export function createOutput(
  options: { stream?: NodeJS.WriteStream; env?: NodeJS.ProcessEnv } = {},
): Output {
  const stream = options.stream ?? process.stderr;
  const env = options.env ?? process.env;
  const fancy =
    Boolean(stream.isTTY) && !("NO_COLOR" in env && env.NO_COLOR !== "") && env.TERM !== "dumb";
  const color = new Chalk({ level: fancy ? 1 : 0 });
  const write = (text: string): void => {
    stream.write(`${text}\n`);
  };
  return {
    color,
    fancy,
    info: (message) => write(message),
    warn: (message) => write(`${color.yellow("Let op:")} ${message}`),
    success: (message) => write(`${color.green("✔")} ${message}`),
    problems: (problems) => {
      for (const p of problems) write(`  ${color.red("•")} ${color.bold(p.where)}: ${p.message}`);
    },
    json: (value) => {
      process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
  };
}

/** Prints an error the way users should see it; returns the exit code. */
export function reportError(
  error: unknown,
  out: Output,
  options: { debug: boolean; json: boolean },
): number {
  if (error instanceof IdokitError) {
    out.info(`${out.color.red.bold("Fout:")} ${error.message}`);
    out.problems(error.problems);
    if (error.hint) out.info(`${out.color.cyan("Tip:")} ${error.hint}`);
    if (options.debug && error.cause instanceof Error && error.cause.stack)
      out.info(error.cause.stack);
    if (options.json)
      out.json({
        ok: false,
        fout: error.message,
        problemen: error.problems,
        tip: error.hint ?? null,
        exitCode: error.exitCode,
      });
    return error.exitCode;
  }
  out.info(
    `${out.color.red.bold("Sorry, er ging iets mis in idokit zelf.")} ${(error as Error)?.message ?? String(error)}`,
  );
  if (options.debug && error instanceof Error && error.stack) out.info(error.stack);
  else
    out.info(
      "Draai het commando nog eens met --debug voor details, en meld het probleem aan de beheerder van idokit.",
    );
  if (options.json)
    out.json({ ok: false, fout: (error as Error)?.message ?? String(error), exitCode: 1 });
  return 1;
}
