import type { CommandContext } from "../commands/context.js";
import { removeUnfinishedPacks } from "../pack/write.js";
import { createOutput, reportError, type Output } from "./output.js";

/** Today in local time as yyyy-mm-dd; `IDOKIT_VANDAAG` fixes it for tests and demos. */
function today(now: Date): string {
  const fixed = process.env.IDOKIT_VANDAAG;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Builds the context every command gets: clock, folder, terminal, and a reporter. */
export function createContext(out: Output, options: { json: boolean }): CommandContext {
  const now = new Date();
  return {
    today: today(now),
    now,
    cwd: process.cwd(),
    // The wizard talks on stderr, so it only needs stdin and stderr to be a terminal; --json
    // means a script is running us, and scripts are never asked anything.
    interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY) && !options.json,
    report: {
      info: (message) => out.info(message),
      warn: (message) => out.warn(message),
      progress: (message) => out.progress(message),
    },
  };
}

/**
 * Runs a command action: the one place where errors become messages and exit codes.
 * Ctrl-C (SIGINT) exits 130 without a stack trace.
 */
export async function runAction(
  flags: { json?: boolean; debug?: boolean },
  action: (context: CommandContext, out: Output) => Promise<void>,
): Promise<never> {
  const out = createOutput();
  const json = Boolean(flags.json);
  const onSigint = (): void => {
    out.stopProgress();
    removeUnfinishedPacks();
    out.info("\nAfgebroken; er is niets half weggeschreven.");
    process.exit(130);
  };
  process.once("SIGINT", onSigint);
  try {
    await action(createContext(out, { json }), out);
    out.stopProgress();
    process.exit(0);
  } catch (error) {
    removeUnfinishedPacks();
    const code = reportError(error, out, { debug: Boolean(flags.debug), json });
    process.exit(code);
  }
}
