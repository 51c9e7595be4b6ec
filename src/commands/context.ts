/** What a command needs from the outside world, injected by the CLI (and by tests). */
export interface CommandContext {
  /** Today as ISO date (yyyy-mm-dd), in local time. */
  today: string;
  now: Date;
  /**
   * The timestamp of the packs made in this run (see `packTimestamp`); defaults to the start of
   * `today`. The CLI sets it from SOURCE_DATE_EPOCH.
   */
  created?: Date;
  cwd: string;
  /** stdin and stdout are terminals: the wizard may ask questions. */
  interactive: boolean;
  report: Reporter;
  /** Aborted on the first Ctrl-C, for commands that stop gracefully (a batch). */
  signal?: AbortSignal;
}

/** Messages for the user; the CLI decides where they go (stderr) and how they look. */
export interface Reporter {
  info(message: string): void;
  warn(message: string): void;
  /** Long-running work starts (a spinner on a terminal). */
  progress?(message: string): void;
}
