import type { WizardPrompts } from "../questions/wizard.js";
import type { Output } from "./output.js";

/**
 * The wizard's prompts in this terminal, for every pack command. The wizard talks on stderr, so
 * stdout stays clean for --json; inquirer loads only when a question is actually asked.
 */
export function terminalPrompts(out: Output): () => Promise<WizardPrompts> {
  return async () => {
    const { createTerminalPrompts } = await import("../questions/wizard-inquirer.js");
    return createTerminalPrompts({
      input: process.stdin,
      output: process.stderr,
      color: out.fancy,
    });
  };
}
