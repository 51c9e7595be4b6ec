import { Chalk, type ChalkInstance } from "chalk";
import yoctoSpinner, { type Spinner } from "yocto-spinner";
import { CancelledError, IdokitError, type Problem } from "../errors.js";
import { toSystemError } from "../system-errors.js";

/** How the CLI talks: human messages on stderr, the `--json` result on stdout. */
export interface Output {
  color: ChalkInstance;
  /** Colours and spinners are allowed (stderr is a terminal and NO_COLOR is not set). */
  fancy: boolean;
  /** ✔ and ✖, or √ and × on a console that cannot show them (the old Windows console). */
  symbols: { ok: string; fail: string };
  info(message: string): void;
  warn(message: string): void;
  success(message: string): void;
  problems(problems: readonly Problem[]): void;
  json(value: unknown): void;
  /** Long work starts: a spinner on a terminal, a plain line otherwise. Any later output stops it. */
  progress(message: string): void;
  /** Stops the spinner, if one runs (before exiting). */
  stopProgress(): void;
}

/**
 * Whether the console shows symbols such as ✔ and ✖. The old Windows console (cmd.exe and
 * PowerShell in conhost, raster or Consolas fonts) shows boxes for them; Windows Terminal, VS
 * Code and other terminals do not. Same rule as the `is-unicode-supported` package.
 */
export function isUnicodeConsole(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (platform !== "win32") return env.TERM !== "linux";
  return (
    Boolean(env.WT_SESSION) ||
    Boolean(env.TERMINUS_SUBLIME) ||
    env.ConEmuTask === "{cmd::Cmder}" ||
    env.TERM_PROGRAM === "Terminus-Sublime" ||
    env.TERM_PROGRAM === "vscode" ||
    env.TERM === "xterm-256color" ||
    env.TERM === "alacritty" ||
    env.TERMINAL_EMULATOR === "JetBrains-JediTerm"
  );
}

export function createOutput(
  options: {
    stream?: NodeJS.WriteStream;
    env?: NodeJS.ProcessEnv;
    platform?: NodeJS.Platform;
  } = {},
): Output {
  const stream = options.stream ?? process.stderr;
  const env = options.env ?? process.env;
  const unicode = isUnicodeConsole(env, options.platform);
  const symbols = unicode ? { ok: "✔", fail: "✖" } : { ok: "√", fail: "×" };
  const fancy =
    Boolean(stream.isTTY) && !("NO_COLOR" in env && env.NO_COLOR !== "") && env.TERM !== "dumb";
  const color = new Chalk({ level: fancy ? 1 : 0 });
  let spinner: Spinner | undefined;
  const stopProgress = (): void => {
    spinner?.stop();
    spinner = undefined;
  };
  const write = (text: string): void => {
    stopProgress();
    stream.write(`${text}\n`);
  };
  return {
    progress: (message) => {
      if (!fancy) return write(message);
      stopProgress();
      // The CLI handles Ctrl-C itself (cleanup, exit 130); the spinner must not exit on its own.
      spinner = yoctoSpinner({ text: message, stream, handleSignals: false }).start();
    },
    stopProgress,
    color,
    fancy,
    symbols,
    info: (message) => write(message),
    warn: (message) => write(`${color.yellow("Let op:")} ${message}`),
    success: (message) => write(`${color.green(symbols.ok)} ${message}`),
    problems: (problems) => {
      for (const p of problems) write(`  ${color.red("•")} ${color.bold(p.where)}: ${p.message}`);
    },
    json: (value) => {
      stopProgress();
      process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
  };
}

/** Prints an error the way users should see it; returns the exit code. */
export function reportError(
  thrown: unknown,
  out: Output,
  options: { debug: boolean; json: boolean },
): number {
  // The machine's problems (no permission, a full disk, …) are not idokit's: say what to do.
  const error = toSystemError(thrown, { action: "any" }) ?? thrown;
  if (error instanceof CancelledError) {
    // Stopping is the person's choice, not a failure: no "Fout:", and the way back is plain text.
    out.info(`\n${out.color.yellow(error.message)}`);
    if (error.hint) out.info(error.hint);
    if (options.json)
      out.json({
        ok: false,
        fout: error.message,
        tip: error.hint ?? null,
        exitCode: error.exitCode,
      });
    return error.exitCode;
  }
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
