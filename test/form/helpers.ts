import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";
import { describe, expect } from "vitest";
import { inCi } from "../helpers/ci.js";
import { BIN } from "../helpers/cli.js";

/**
 * Helpers for the web form's tests: `idokit formulier` as a user starts it (the built binary),
 * Debian's Chromium driven by playwright-core (no browser download), and an axe-core scan.
 */

export const TODAY = "2026-11-28";

/**
 * The little of the page's globals the tests read inside `page.evaluate` (the tests compile
 * without the DOM's types; the casts vanish when the function is sent to the page).
 */
export interface InPage {
  document: {
    activeElement: unknown;
    title: string;
    documentElement: { dataset: Record<string, string | undefined> };
    querySelector(
      selector: string,
    ): { dataset: Record<string, string | undefined>; textContent: string | null } | null;
  };
  location: { hash: string };
  axe?: {
    run(
      context: unknown,
      options: object,
    ): Promise<{
      violations: Array<{
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: string[] }>;
      }>;
    }>;
  };
}

/** Debian's Chromium; `IDOKIT_CHROMIUM` points elsewhere. */
export const CHROMIUM = process.env.IDOKIT_CHROMIUM ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

/**
 * The flags this machine needs (see the machine notes): no sandbox as root, no GPU, and no
 * background connections, which a closed network refuses.
 */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * A describe block that needs Chromium: skipped with a visible message on a machine without it,
 * but never in CI (`.ci/run` installs it and sets CI): there a missing browser fails.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (!hasChromium && !inCi) {
    console.warn(
      `Overgeslagen: "${name}" heeft Chromium nodig (${CHROMIUM}). Installeer het met: apt-get install chromium`,
    );
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** A running `idokit formulier`. */
export interface FormRun {
  url: string;
  port: number;
  token: string;
  child: ChildProcess;
  /** Everything it printed on stderr so far. */
  output(): string;
  /** Stops it with Ctrl-C (SIGINT) and returns its exit code and output. */
  stop(): Promise<{ code: number | null; output: string }>;
}

const URL_LINE = /http:\/\/127\.0\.0\.1:(\d+)\/([\w-]+)\//;

/**
 * Starts the built `idokit formulier --geen-browser` in `cwd` and waits for its link. On a free
 * port (`--poort 0`), so tests never meet each other at the usual port, unless `usualPort`.
 */
export function startForm(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; usualPort?: boolean },
): Promise<FormRun> {
  const port = options.usualPort || args.includes("--poort") ? [] : ["--poort", "0"];
  const child = spawn(process.execPath, [BIN, "formulier", "--geen-browser", ...port, ...args], {
    cwd: options.cwd,
    env: { ...process.env, IDOKIT_VANDAAG: TODAY, NO_COLOR: "1", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`idokit formulier gave no link within 30 s:\n${output}`));
    }, 30_000);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`idokit formulier stopped (${code}) before giving a link:\n${output}`));
    });
    const check = (): void => {
      const match = URL_LINE.exec(output);
      // The last line it prints on starting says how to stop it.
      if (!match || !output.includes("Stoppen:")) return;
      clearTimeout(timer);
      child.stderr.off("data", check);
      resolve({
        url: match[0],
        port: Number(match[1]),
        token: match[2]!,
        child,
        output: () => output,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
          const code = await exited;
          return { code, output };
        },
      });
    };
    child.stderr.on("data", check);
  });
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Serious and critical accessibility problems axe-core finds on the page as it is now. */
export async function seriousA11yProblems(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(
    () => typeof (globalThis as unknown as InPage).axe === "object",
  );
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const { axe, document } = globalThis as unknown as InPage;
    const result = await axe!.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")),
      }));
  });
}

/** Asserts that axe finds nothing serious or critical, naming what it found otherwise. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const problems = await seriousA11yProblems(page);
  expect(problems, `${where}: ${JSON.stringify(problems, null, 2)}`).toEqual([]);
}

/**
 * Waits until the form has no request to the server waiting or in flight. First one turn of the
 * page's task queue, so that what a click or a keystroke queued (a link's hashchange, which shows
 * a section and may start a request) has run before "not busy" is believed.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  await page.waitForFunction(
    () => (globalThis as unknown as InPage).document.documentElement.dataset.bezig === undefined,
  );
}
