import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PORT, startFormulier } from "../../src/commands/formulier.js";
import { DEFAULT_PORT_TEXT } from "../../src/cli/formulier.js";
import type { CommandContext } from "../../src/commands/context.js";
import { runIdokit } from "../helpers/cli.js";
import { traceLoaded } from "../helpers/loaded.js";
import { ensureBuilt } from "../helpers/pty.js";
import { startForm, TODAY } from "./helpers.js";

/** `idokit formulier` on the command line: help, start-up checks, stopping. */

const dirs: string[] = [];
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "idokit-formulier-cli-"));
  dirs.push(dir);
  return dir;
};

beforeAll(() => ensureBuilt(), 180_000);
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("idokit formulier on the command line", () => {
  it("is in the help, and neither help loads the server, the form or the browser opener", () => {
    const help = traceLoaded(["--help"]);
    expect(help.run.status).toBe(0);
    expect(help.run.stdout).toMatch(/formulier/);
    const own = traceLoaded(["formulier", "--help"]);
    expect(own.run.status).toBe(0);
    expect(own.run.stdout).toMatch(/--poort <getal>/);
    expect(own.run.stdout).toMatch(/--bijeenkomst/);
    for (const { modules } of [help, own]) {
      expect(modules).toContain("src/cli/formulier.ts");
      expect(modules.join("\n")).not.toMatch(
        /src\/(form|commands)\/|node:http\b|node_modules\/(open|playwright-core|yaml|zod)\//,
      );
    }
  });

  it("refuses a port below 1024 as a usage error", () => {
    const result = runIdokit(["formulier", "--poort", "80", "--geen-browser"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/kies een poort vanaf 1024/);
  });

  it("refuses the training's own options with --bijeenkomst, before anything starts", () => {
    const actors = runIdokit([
      "formulier",
      "--bijeenkomst",
      "--acteurs",
      "acteurs.yaml",
      "--geen-browser",
    ]);
    expect(actors.status).toBe(2);
    expect(actors.stderr).toMatch(
      /--acteurs hoort bij het trainingsformulier; het bijeenkomstformulier vraagt niet naar trainingsacteurs of casussen/,
    );
    expect(actors.stderr).not.toMatch(/http:\/\//);
    const both = runIdokit([
      "formulier",
      "--bijeenkomst",
      "--casussen",
      "eigen",
      "--variant",
      "3",
      "--geen-browser",
    ]);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/--casussen en --variant horen bij het trainingsformulier/);
    const own = runIdokit(["formulier", "--bijeenkomst", "--alleen-eigen-casussen"]);
    expect(own.status).toBe(2);
    expect(own.stderr).toMatch(/--alleen-eigen-casussen hoort bij het trainingsformulier/);
  });

  it("says so when the port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = runIdokit(["formulier", "--poort", String(port), "--geen-browser"]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`Poort ${port} is al in gebruik.`);
    } finally {
      blocker.close();
    }
  });

  it("is at the usual port, so the browser finds its draft again; a second one says why it is not", async () => {
    expect(DEFAULT_PORT_TEXT).toBe(String(DEFAULT_PORT));
    const first = await startForm([], { cwd: temp(), usualPort: true });
    try {
      expect(first.port).toBe(DEFAULT_PORT);
      const second = await startForm([], { cwd: temp(), usualPort: true });
      expect(second.port).not.toBe(DEFAULT_PORT);
      expect(second.output()).toContain(
        `Poort ${DEFAULT_PORT}, waar het formulier meestal staat, is bezet (draait idokit formulier al?). Dit formulier staat daarom op poort ${second.port}.`,
      );
      expect((await second.stop()).output).toContain(
        `start idokit formulier --poort ${second.port} opnieuw om verder te gaan.`,
      );
    } finally {
      const { output } = await first.stop();
      expect(output).toContain("start idokit formulier opnieuw om verder te gaan.");
    }
  });

  it("refuses an existing, non-empty output folder before anyone answers a question", () => {
    const dir = temp();
    mkdirSync(join(dir, "pakket"));
    writeFileSync(join(dir, "pakket", "eigen.txt"), "van mij");
    const result = runIdokit(["formulier", "--map", "pakket", "--geen-browser"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/bestaat al en is niet leeg/);
  });

  it("stops on Ctrl-C, saying so, with the exit code for cancelled", async () => {
    const form = await startForm([], { cwd: temp() });
    expect(form.output()).toMatch(/Stoppen: druk hier op Ctrl-C/);
    const { code, output } = await form.stop();
    expect(code).toBe(130);
    expect(output).toMatch(
      /idokit formulier is gestopt\. Je antwoorden staan als concept in je browser/,
    );
  });

  it("stops by itself when no form has been open for the idle time", async () => {
    const context: CommandContext = {
      today: TODAY,
      now: new Date(),
      cwd: temp(),
      interactive: false,
      report: { info: () => {}, warn: () => {} },
    };
    const run = await startFormulier(
      { bijeenkomst: true, poort: 0, casussen: [], seed: 1, idleMinutes: 0.005 },
      context,
    );
    expect(await run.stopped).toBe("stil");
    await run.stop();
  });
});
