// Helpers for the benchmark (bench/run.js): timing fresh processes, interleaving two commands so
// that both see the same machine, peak memory, and the statistics printed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BIN = join(ROOT, "bin", "idokit.js");
export const TODAY = "2026-11-28";
export const ENV = { ...process.env, IDOKIT_VANDAAG: TODAY, NO_COLOR: "1" };
const TIME = "/usr/bin/time";

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const now = () => process.hrtime.bigint();
const msSince = (start) => Number(process.hrtime.bigint() - start) / 1e6;

export const hasTime = existsSync(TIME);
const CPU_LINE = /^idokit-bench-cpu (\S+) (\S+) (\d+)$/m;

/**
 * Runs a command to completion; throws with its stderr when it fails. Returns the wall time and,
 * where /usr/bin/time exists, the CPU time (user + system) and peak RSS the kernel counted for it.
 */
export function runTimed(command, args, options = {}) {
  const [file, argv] = hasTime
    ? [TIME, ["-f", "idokit-bench-cpu %U %S %M", command, ...args]]
    : [command, args];
  const start = now();
  const result = spawnSync(file, argv, {
    env: ENV,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    ...options,
  });
  const ms = msSince(start);
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(" ")} failed (${result.status}): ${String(result.stderr).slice(-2000)}`,
    );
  const cpu = CPU_LINE.exec(result.stderr ?? "");
  return {
    ms,
    cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined,
    peakRssMb: cpu ? Number(cpu[3]) / 1024 : undefined,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

/** `idokit ARGS` in a fresh process; returns the wall time in ms and what it printed. */
export const runIdokit = (args, options) => runTimed(process.execPath, [BIN, ...args], options);

/**
 * Runs commands with at most `limit` at a time; resolves when all have exited successfully, with
 * the wall time and the CPU time of all of them together (where /usr/bin/time exists).
 */
export function runAll(commands, limit) {
  const start = now();
  let cpuMs = hasTime ? 0 : undefined;
  return new Promise((resolve, reject) => {
    let next = 0;
    let active = 0;
    let failed = false;
    const launch = () => {
      if (failed) return;
      if (next >= commands.length && active === 0) return resolve({ ms: msSince(start), cpuMs });
      while (active < limit && next < commands.length) {
        const [command, args] = commands[next++];
        active += 1;
        const child = hasTime
          ? spawn(TIME, ["-f", "idokit-bench-cpu %U %S %M", command, ...args], {
              stdio: ["ignore", "ignore", "pipe"],
            })
          : spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (chunk) => (stderr += chunk));
        child.on("exit", (code) => {
          active -= 1;
          if (code !== 0) {
            failed = true;
            return reject(new Error(`${command} ${args.join(" ")} failed: ${stderr}`));
          }
          const cpu = CPU_LINE.exec(stderr);
          if (cpu && cpuMs !== undefined) cpuMs += (Number(cpu[1]) + Number(cpu[2])) * 1000;
          launch();
        });
      }
    };
    launch();
  });
}

/** Runs commands one after another, as a script would; wall and CPU time of all together. */
export function runSequentially(commands) {
  let ms = 0;
  let cpuMs = hasTime ? 0 : undefined;
  for (const [command, args] of commands) {
    const run = runTimed(command, args, { env: process.env });
    ms += run.ms;
    if (cpuMs !== undefined) cpuMs += run.cpuMs ?? 0;
  }
  return { ms, cpuMs };
}

const asTimes = (result) => (typeof result === "number" ? { ms: result } : result);
const spread = (values) => `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;

/**
 * Runs A and B in turn, `pairs` times (A, B, A, B …), so a machine that speeds up or slows down
 * during the run affects both alike. Each argument returns one run's milliseconds, or
 * { ms, cpuMs } (sync or async). Returns the medians and the median of the pairwise ratios A / B,
 * of the wall times and (when known) of the CPU times.
 */
export async function interleave(a, b, pairs, { warmup = 1 } = {}) {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const runs = { a: [], b: [] };
  for (let i = 0; i < pairs; i++) {
    runs.a.push(asTimes(await a()));
    runs.b.push(asTimes(await b()));
  }
  const ratios = runs.a.map((ta, i) => ta.ms / runs.b[i].ms);
  const withCpu = runs.a.every((t, i) => t.cpuMs && runs.b[i].cpuMs);
  const cpuRatios = withCpu ? runs.a.map((ta, i) => ta.cpuMs / runs.b[i].cpuMs) : undefined;
  return {
    a: median(runs.a.map((t) => t.ms)),
    b: median(runs.b.map((t) => t.ms)),
    ratio: median(ratios),
    ratioSpread: spread(ratios),
    aCpu: withCpu ? median(runs.a.map((t) => t.cpuMs)) : undefined,
    bCpu: withCpu ? median(runs.b.map((t) => t.cpuMs)) : undefined,
    cpuRatio: cpuRatios ? median(cpuRatios) : undefined,
  };
}

/** Times an async action in ms. */
export async function timeAsync(action) {
  const start = now();
  await action();
  return msSince(start);
}

/** A row of the printed table. */
export const row = (name, value, unit, note) => ({ name, value, unit, ...(note ? { note } : {}) });

/** A goal row: "met" or "MISSED" against a bound. */
export function goal(name, value, { atMost, atLeast, unit = "×" }) {
  const met = atMost !== undefined ? value <= atMost : value >= atLeast;
  const bound = atMost !== undefined ? `≤ ${atMost}` : `≥ ${atLeast}`;
  return row(name, value, unit, `goal ${bound}: ${met ? "met" : "MISSED"}`);
}
