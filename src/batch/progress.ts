import type { BatchProgress, RowReport } from "./report.js";

/** `1:05`, `12:00`, `1:02:03`. */
export function formatClockDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

/** Packs per second so far, and the estimated seconds left; undefined until there is a rate. */
export function estimate(progress: BatchProgress): { rate?: number; secondsLeft?: number } {
  if (progress.done === 0 || progress.elapsedMs <= 0) return {};
  const rate = progress.done / (progress.elapsedMs / 1000);
  return { rate, secondsLeft: (progress.total - progress.done) / rate };
}

const decimal = (n: number): string => n.toFixed(1).replace(".", ",");

/**
 * One line of progress for a terminal: a bar, done of total, failures, rate and time left, cut
 * to `width` columns. Pure, so it is tested without a terminal.
 */
export function formatProgressLine(progress: BatchProgress, width: number): string {
  const { rate, secondsLeft } = estimate(progress);
  const parts = [
    `${progress.done}/${progress.total}`,
    progress.failed > 0 ? `${progress.failed} fout` : "",
    rate === undefined ? "" : `${decimal(rate)} per s`,
    secondsLeft === undefined ? "" : `nog ${formatClockDuration(secondsLeft)}`,
  ].filter(Boolean);
  const text = parts.join(" · ");
  const barWidth = Math.max(10, Math.min(30, width - text.length - 2));
  const filled =
    progress.total === 0 ? barWidth : Math.round((progress.done / progress.total) * barWidth);
  return `${"█".repeat(filled)}${"░".repeat(barWidth - filled)} ${text}`.slice(
    0,
    Math.max(20, width - 1),
  );
}

/** One plain line per finished row, for logs and pipes. */
export function formatRowLine(row: RowReport, progress: BatchProgress): string {
  const counter = `[${String(progress.done).padStart(String(progress.total).length)}/${progress.total}]`;
  if (row.status === "gemaakt") return `${counter} rij ${row.rij} gemaakt: ${row.map}`;
  return `${counter} rij ${row.rij} mislukt: ${row.problemen.join(" | ")}`;
}

export interface ProgressDisplay {
  start(progress: BatchProgress): void;
  row(row: RowReport, progress: BatchProgress): void;
  stop(): void;
}

/**
 * Shows batch progress on `stream` (stderr): a bar redrawn in place on a terminal (`fancy`), with
 * failures printed above it; otherwise one plain line per row.
 */
export function createProgressDisplay(
  stream: NodeJS.WritableStream & { columns?: number },
  fancy: boolean,
): ProgressDisplay {
  if (!fancy)
    return {
      start: (progress) =>
        stream.write(
          `${progress.total === 1 ? "1 pakket" : `${progress.total} pakketten`} maken…\n`,
        ),
      row: (row, progress) => stream.write(`${formatRowLine(row, progress)}\n`),
      stop: () => undefined,
    };
  let last: BatchProgress | undefined;
  let startedAt = Date.now();
  let drawnAt = 0;
  const draw = (): void => {
    if (!last) return;
    const now = { ...last, elapsedMs: Date.now() - startedAt };
    // A pseudo-terminal may report 0 columns; assume the classic 80 then.
    const width = stream.columns && stream.columns > 0 ? stream.columns : 80;
    stream.write(`\r\x1b[2K${formatProgressLine(now, width)}`);
    drawnAt = Date.now();
  };
  // Redraw every second too, so the time left keeps moving while a slow pack is made.
  let timer: NodeJS.Timeout | undefined;
  return {
    start: (progress) => {
      last = progress;
      startedAt = Date.now() - progress.elapsedMs;
      draw();
      timer = setInterval(draw, 1000);
      timer.unref();
    },
    row: (row, progress) => {
      last = progress;
      if (row.status !== "gemaakt") {
        stream.write(`\r\x1b[2K${formatRowLine(row, progress)}\n`);
        draw();
      } else if (Date.now() - drawnAt >= 100 || progress.done === progress.total) draw();
    },
    stop: () => {
      if (timer) clearInterval(timer);
      if (last) {
        draw();
        stream.write("\n");
      }
    },
  };
}
