import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawn, type IPty } from "node-pty";

/** The repository root and the built CLI that end-to-end tests drive. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = join(ROOT, "bin/idokit.js");

/** Keys as a terminal sends them. */
export const KEY = {
  enter: "\r",
  up: "\u001b[A",
  down: "\u001b[B",
  space: " ",
  backspace: "\u007f",
  ctrlC: "\u0003",
  ctrlU: "\u0015",
} as const;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the CLI when `dist/` is missing or older than `src/` (`npm test` builds first anyway). */
export function ensureBuilt(): void {
  const main = join(ROOT, "dist/main.js");
  if (existsSync(main) && statSync(main).mtimeMs >= newestMtime(join(ROOT, "src"))) return;
  execSync("npm run build --silent", { cwd: ROOT, stdio: "inherit" });
}

// Colours, cursor moves and line clears: what a terminal interprets and a test should not see.
// eslint-disable-next-line no-control-regex -- stripping terminal escape codes is the point
const ESCAPES = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007|\r/g;

/** Terminal output as plain text. */
export function plain(text: string): string {
  return text.replace(ESCAPES, "");
}

export interface PtyRun {
  /** Everything written to the terminal so far, raw. */
  readonly raw: () => string;
  /** Waits until the output after the previous match contains `pattern`; returns that text. */
  expectText(pattern: RegExp | string, timeoutMs?: number): Promise<string>;
  /** Waits for a prompt (its text), then types `keys`. */
  answer(prompt: RegExp | string, ...keys: string[]): Promise<void>;
  write(keys: string): void;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number>;
  kill(): void;
}

/** Starts `node bin/idokit.js …args` in a pseudo-terminal. */
export function spawnIdokit(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; cols?: number; rows?: number },
): PtyRun {
  const pty: IPty = spawn(process.execPath, [BIN, ...args], {
    name: "xterm-256color",
    cols: options.cols ?? 100,
    rows: options.rows ?? 40,
    cwd: options.cwd,
    env: { ...(process.env as Record<string, string>), ...options.env },
  });
  let output = "";
  let consumed = 0;
  let done = false;
  const waiters = new Set<() => void>();
  pty.onData((data) => {
    output += data;
    for (const waiter of waiters) waiter();
  });
  const exited = new Promise<number>((resolve) =>
    pty.onExit(({ exitCode }) => {
      done = true;
      for (const waiter of waiters) waiter();
      resolve(exitCode);
    }),
  );

  const expectText = (pattern: RegExp | string, timeoutMs = 15_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const test = (): boolean => {
        // Offsets are kept in plain text: escape codes come and go, the text stays put.
        const rest = plain(output).slice(consumed);
        let index = -1;
        let length = 0;
        if (typeof pattern === "string") {
          index = rest.indexOf(pattern);
          length = pattern.length;
        } else {
          const m = pattern.exec(rest);
          if (m) [index, length] = [m.index, m[0].length];
        }
        if (index < 0) return false;
        consumed += index + length;
        resolve(rest.slice(0, index + length));
        return true;
      };
      if (test()) return;
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(
            `Timed out after ${timeoutMs} ms waiting for ${String(pattern)}.\n--- screen since last match ---\n${plain(output).slice(consumed).slice(-3000)}`,
          ),
        );
      }, timeoutMs);
      const check = (): void => {
        if (test()) {
          clearTimeout(timer);
          waiters.delete(check);
        } else if (done) {
          clearTimeout(timer);
          waiters.delete(check);
          reject(
            new Error(
              `The process ended while waiting for ${String(pattern)}.\n--- output since last match ---\n${plain(output).slice(consumed).slice(-3000)}`,
            ),
          );
        }
      };
      waiters.add(check);
    });

  return {
    raw: () => output,
    expectText,
    async answer(prompt, ...keys) {
      await expectText(prompt);
      for (const key of keys) pty.write(key);
    },
    write: (keys) => pty.write(keys),
    exited,
    kill: () => {
      if (!done) pty.kill();
    },
  };
}
