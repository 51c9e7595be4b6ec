import type { CommandContext } from "../commands/context.js";
import { releaseLocks } from "../pack/lock.js";
import { packTimestamp } from "../pack/timestamp.js";
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
export function createContext(
  out: Output,
  options: { json: boolean; signal?: AbortSignal },
): CommandContext {
  const now = new Date();
  const day = today(now);
  return {
    today: day,
    now,
    created: packTimestamp(day, process.env.SOURCE_DATE_EPOCH),
    cwd: process.cwd(),
    // The wizard talks on stderr, so it only needs stdin and stderr to be a terminal; --json
    // means a script is running us, and scripts are never asked anything.
    interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY) && !options.json,
    ...(options.signal ? { signal: options.signal } : {}),
    report: {
      info: (message) => out.info(message),
      warn: (message) => out.warn(message),
      progress: (message) => out.progress(message),
    },
  };
}

/**
 * On Ctrl-C while a pack is made: the answers typed in the wizard are not on disk yet, so they
 * are saved as a draft. The module is loaded already when there is anything to save; importing
 * it here keeps it out of `idokit --help`.
 */
async function saveTypedAnswers(): Promise<string> {
  try {
    const { saveUnwrittenAnswers } = await import("../commands/answers.js");
    const saved = saveUnwrittenAnswers();
    return saved ? ` Je antwoorden staan in ${saved.file}.\nGa verder met: ${saved.resume}` : "";
  } catch (error) {
    return ` Je antwoorden konden niet worden bewaard (${(error as Error).message}).`;
  }
}

/**
 * Runs a command action: the one place where errors become messages and exit codes.
 * Ctrl-C (SIGINT) exits 130 without a stack trace, after saving typed answers as a draft;
 * `interrupted` may word that message for a command that runs until it is stopped. With
 * `graceful` (a batch), the first Ctrl-C only aborts `context.signal`: the command finishes what
 * is under way, writes its report and ends itself; a second Ctrl-C stops at once.
 */
export async function runAction(
  flags: { json?: boolean; debug?: boolean },
  action: (context: CommandContext, out: Output) => Promise<void | number>,
  options: { graceful?: boolean; interrupted?: () => string } = {},
): Promise<never> {
  const out = createOutput();
  const json = Boolean(flags.json);
  const controller = options.graceful ? new AbortController() : undefined;
  let cancelling: Promise<never> | undefined;
  const onSigint = (): void => {
    if (controller && !controller.signal.aborted) {
      out.stopProgress();
      out.info(
        "\nStoppen… de pakketten die nu gemaakt worden, worden afgemaakt en rapport.csv wordt geschreven. Nog een keer Ctrl-C stopt meteen.",
      );
      controller.abort();
      return;
    }
    process.removeListener("SIGINT", onSigint);
    out.stopProgress();
    removeUnfinishedPacks();
    releaseLocks();
    cancelling = saveTypedAnswers().then((saved) => {
      out.info(options.interrupted?.() ?? `\nAfgebroken; er is niets half weggeschreven.${saved}`);
      return process.exit(130);
    });
  };
  process.on("SIGINT", onSigint);
  try {
    // An action may return its own exit code (`idokit controleer`: 1 when a file has errors).
    const code = await action(
      createContext(out, { json, ...(controller ? { signal: controller.signal } : {}) }),
      out,
    );
    // A Ctrl-C that came in while the action finished wins: it is saving and exits 130.
    if (cancelling) await cancelling;
    out.stopProgress();
    process.exit(typeof code === "number" ? code : 0);
  } catch (error) {
    if (cancelling) await cancelling;
    removeUnfinishedPacks();
    const code = reportError(error, out, { debug: Boolean(flags.debug), json });
    process.exit(code);
  }
}
