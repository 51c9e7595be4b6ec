import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, runIdokit, tempDir } from "../helpers/cli.js";
import { readReport, rowWith, templateSheet, writeXlsx, type Cell } from "./helpers.js";

const { headers, example } = await templateSheet();
const rows = (count: number): Cell[][] =>
  Array.from({ length: count }, (_, i) =>
    rowWith(headers, example, { Organisatie: `Bibliotheek Nummer ${i + 1}` }),
  );

interface Running {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts the built idokit in the background, without a terminal. */
function start(args: string[], cwd: string): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, IDOKIT_VANDAAG: "2026-11-28", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) =>
    child.on("close", (code) => resolve(code)),
  );
  return { child, stderr: () => stderr, exited };
}

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const packs = (out: string): string[] =>
  existsSync(out) ? readdirSync(out).filter((name) => name.startsWith("training-")) : [];

describe("one batch per output folder at a time", () => {
  it(
    "refuses a second run on the same folder while the first is busy; the first finishes",
    { timeout: 240_000 },
    async () => {
      const dir = tempDir();
      await writeXlsx(join(dir, "lijst.xlsx"), headers, rows(8));
      const first = start(["batch", "lijst.xlsx", "--map", "uit", "--werkers", "1"], dir);
      await until(() => existsSync(join(dir, "uit", ".idokit-bezig")), "the first run's lock");
      // The first run is held still (POSIX) while the second one tries: a fast machine could
      // otherwise finish all 8 packs before the second run, starting cold, looks at the lock.
      const hold = process.platform !== "win32";
      if (hold) first.child.kill("SIGSTOP");
      let second: ReturnType<typeof runIdokit>;
      try {
        second = runIdokit(["batch", "lijst.xlsx", "--map", "uit"], { cwd: dir });
      } finally {
        if (hold) first.child.kill("SIGCONT");
      }
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(
        /Fout: In ".*uit" maakt idokit al pakketten \(op deze computer, sinds .*\)\. Er is niets veranderd\./,
      );
      expect(await first.exited, first.stderr()).toBe(0);
      expect(packs(join(dir, "uit"))).toHaveLength(8);
      expect(readdirSync(join(dir, "uit")).filter((name) => name.startsWith("."))).toEqual([]);
    },
  );

  it(
    "is not stuck after a run was killed (SIGKILL): the next run takes over and finishes",
    { timeout: 240_000 },
    async () => {
      const dir = tempDir();
      await writeXlsx(join(dir, "lijst.xlsx"), headers, rows(8));
      const out = join(dir, "uit");
      const killed = start(["batch", "lijst.xlsx", "--map", "uit", "--werkers", "1"], dir);
      await until(() => packs(out).length >= 2, "two packs");
      killed.child.kill("SIGKILL");
      await killed.exited;
      expect(existsSync(join(out, ".idokit-bezig"))).toBe(true);
      const resumed = runIdokit(["batch", "lijst.xlsx", "--map", "uit", "--hervat"], { cwd: dir });
      expect(resumed.status, resumed.stderr).toBe(0);
      expect(packs(out)).toHaveLength(8);
      expect(readdirSync(out).filter((name) => name.startsWith("."))).toEqual([]);
      const report = readReport(readFileSync(join(out, "rapport.csv"), "utf8"));
      expect(report.filter((row) => row.Status === "gemaakt").length).toBeGreaterThan(0);
      expect(report.filter((row) => row.Status === "al klaar").length).toBeGreaterThanOrEqual(2);
    },
  );
});

describe("Ctrl-C in a batch", () => {
  it(
    "finishes the packs under way, writes rapport.csv and prints the literal command to go on",
    { timeout: 240_000 },
    async () => {
      const dir = tempDir();
      await writeXlsx(join(dir, "lijst met spaties.xlsx"), headers, rows(10));
      const out = join(dir, "uit");
      const args = ["batch", "lijst met spaties.xlsx", "--map", "uit", "--werkers", "1"];
      const run = start(args, dir);
      await until(() => packs(out).length >= 1, "a first pack");
      run.child.kill("SIGINT");
      expect(await run.exited, run.stderr()).toBe(130);
      const stderr = run.stderr();
      expect(stderr).toContain("Stoppen… de pakketten die nu gemaakt worden, worden afgemaakt");
      // Command Prompt and PowerShell both take double quotes; sh, bash and zsh single ones.
      const quote = process.platform === "win32" ? '"' : "'";
      expect(stderr).toContain(
        `Maak de batch af met: idokit batch ${quote}lijst met spaties.xlsx${quote} --map uit --werkers 1 --hervat`,
      );
      const report = readReport(readFileSync(join(out, "rapport.csv"), "utf8"));
      const made = report.filter((row) => row.Status === "gemaakt").map((row) => row.Map);
      expect(made.length).toBeGreaterThanOrEqual(1);
      expect(made.sort()).toEqual(packs(out).sort());
      expect(report.filter((row) => row.Status === "afgebroken").length).toBe(10 - made.length);
      expect(readdirSync(out).filter((name) => name.startsWith("."))).toEqual([]);

      const again = runIdokit(["batch", "lijst met spaties.xlsx", "--map", "uit", "--hervat"], {
        cwd: dir,
      });
      expect(again.status, again.stderr).toBe(0);
      expect(packs(out)).toHaveLength(10);
    },
  );
});

describe("rapport.csv", () => {
  it("never overwrites a rapport.csv that idokit did not write", { timeout: 240_000 }, async () => {
    const dir = tempDir();
    await writeXlsx(join(dir, "lijst.xlsx"), headers, rows(1));
    mkdirSync(join(dir, "uit"));
    const own = "Datum;Bedrag\r\n1-1-2027;12,50\r\n";
    writeFileSync(join(dir, "uit", "rapport.csv"), own);
    const result = runIdokit(["batch", "lijst.xlsx", "--map", "uit"], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(dir, "uit", "rapport.csv"), "utf8")).toBe(own);
    const beside = readdirSync(join(dir, "uit")).filter((name) =>
      /^rapport-\d{8}-\d{4}\.csv$/.test(name),
    );
    expect(beside).toHaveLength(1);
    expect(result.stderr).toContain(beside[0]);
    const report = readReport(readFileSync(join(dir, "uit", beside[0]!), "utf8"));
    expect(report.map((row) => row.Status)).toEqual(["gemaakt"]);
  });

  it("is never overwritten by a run that made nothing", { timeout: 240_000 }, async () => {
    const dir = tempDir();
    await writeXlsx(join(dir, "lijst.xlsx"), headers, rows(2));
    expect(runIdokit(["batch", "lijst.xlsx", "--map", "uit"], { cwd: dir }).status).toBe(0);
    const report = join(dir, "uit", "rapport.csv");
    const before = readFileSync(report, "utf8");
    const mtime = statSync(report).mtimeMs;
    await writeXlsx(join(dir, "lijst.xlsx"), headers, [
      ...rows(2),
      rowWith(headers, example, { "Datum training": "31-02-2027" }),
    ]);
    const strict = runIdokit(["batch", "lijst.xlsx", "--map", "uit", "--strikt"], { cwd: dir });
    expect(strict.status).toBe(1);
    expect(readFileSync(report, "utf8")).toBe(before);
    expect(statSync(report).mtimeMs).toBe(mtime);
    const beside = readdirSync(join(dir, "uit")).filter((name) =>
      /^rapport-\d{8}-\d{4}\.csv$/.test(name),
    );
    expect(beside).toHaveLength(1);
    expect(strict.stderr).toContain(beside[0]);
    expect(readFileSync(join(dir, "uit", beside[0]!), "utf8")).toContain("niet gemaakt");
  });
});
