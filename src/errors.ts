/** One problem with user input, located as precisely as we can. */
export interface Problem {
  /** Where: a file, a row/column, or an answer key such as `training.datum`. */
  where: string;
  /** What is wrong and what to do, in Dutch. */
  message: string;
}

/** Base of the error family; the CLI maps `exitCode` and prints `message`, `problems` and `hint`. */
export class IdokitError extends Error {
  readonly exitCode: number;
  readonly problems: readonly Problem[];
  readonly hint: string | undefined;

  constructor(
    message: string,
    options: { exitCode: number; problems?: readonly Problem[]; hint?: string; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode;
    this.problems = options.problems ?? [];
    this.hint = options.hint;
  }
}

/** Invalid input: answers, casussen, spreadsheets, templates. Exit 1. */
export class InputError extends IdokitError {
  constructor(
    message: string,
    options: { problems?: readonly Problem[]; hint?: string; cause?: unknown } = {},
  ) {
    super(message, { ...options, exitCode: 1 });
  }
}

/** Wrong use of the command line, or answers missing where no one can be asked. Exit 2. */
export class UsageError extends IdokitError {
  constructor(message: string, options: { problems?: readonly Problem[]; hint?: string } = {}) {
    super(message, { ...options, exitCode: 2 });
  }
}

/** The user stopped the run (Ctrl-C). Exit 130. */
export class CancelledError extends IdokitError {
  constructor(message = "Afgebroken.", options: { hint?: string } = {}) {
    super(message, { ...options, exitCode: 130 });
  }
}

/**
 * A problem of the computer, not of idokit or the input: no permission, a full or read-only
 * disk, a path that is too long, a file in use, another run busy in the same folder. The message
 * names the path and says what to do (see `toSystemError`). Exit 1.
 */
export class SystemError extends IdokitError {
  /** The operating system's error code (`EACCES`, `ENOSPC`, …), or `BUSY` for a held lock. */
  readonly code: string;

  constructor(message: string, options: { code: string; hint?: string; cause?: unknown }) {
    super(message, { exitCode: 1, hint: options.hint, cause: options.cause });
    this.code = options.code;
  }
}
