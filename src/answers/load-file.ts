import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";

/**
 * Reading a file a person named (an answers file, a logo, a spreadsheet), with a limit: a path
 * from someone else's spreadsheet may point to a device such as /dev/zero, a folder, a pipe or a
 * file of gigabytes. Only regular files are read, and never more than the limit, whatever the
 * file system says its size is.
 */

/** Why a file cannot be read, in Dutch, following the file's name ("… is een map"). */
export type ReadRefusal =
  | { reason: "missing" }
  | { reason: "folder" }
  | { reason: "special" }
  | { reason: "empty" }
  | { reason: "too-large"; bytes: number; limit: number }
  | { reason: "unreadable"; code: string };

export type BoundedRead = { data: Buffer; refusal?: undefined } | { refusal: ReadRefusal };

/**
 * "5 MB", "1,5 MB", "300 kB", "12 bytes": sizes as a person reads them, rounded up, so a file just
 * over a limit never reads as the limit itself.
 */
export function formatBytes(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= MB) {
    const tenths = Math.ceil((bytes / MB) * 10) / 10;
    const mb = tenths >= 10 ? Math.ceil(bytes / MB) : tenths;
    return `${String(mb).replace(".", ",")} MB`;
  }
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}

/** Reads a regular file of at most `limit` bytes; says why not otherwise. */
export function readBoundedFile(path: string, limit: number): BoundedRead {
  const cannotOpen = (error: unknown): BoundedRead => {
    const code = (error as NodeJS.ErrnoException).code ?? "onbekende fout";
    if (code === "ENOENT") return { refusal: { reason: "missing" } };
    if (code === "EISDIR") return { refusal: { reason: "folder" } };
    return { refusal: { reason: "unreadable", code } };
  };
  // Look before opening: opening a named pipe (FIFO) waits, for ever, until something writes to
  // it. Opening without blocking covers a path that turns into one in between; fstat then says so.
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { refusal: { reason: "folder" } };
    if (!stat.isFile()) return { refusal: { reason: "special" } };
  } catch (error) {
    return cannotOpen(error);
  }
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return cannotOpen(error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { refusal: { reason: "folder" } };
    if (!stat.isFile()) return { refusal: { reason: "special" } };
    if (stat.size > limit) return { refusal: { reason: "too-large", bytes: stat.size, limit } };
    // Read until the end or one byte past the limit: a file that grows, or reports a wrong
    // size (as some virtual file systems do), is caught too.
    const chunks: Buffer[] = [];
    let length = 0;
    while (length <= limit) {
      const chunk = Buffer.alloc(
        Math.min(Math.max(stat.size - length, 64 * 1024), limit + 1 - length),
      );
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      length += read;
    }
    if (length > limit) return { refusal: { reason: "too-large", bytes: length, limit } };
    if (length === 0) return { refusal: { reason: "empty" } };
    return { data: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "onbekende fout";
    if (code === "EISDIR") return { refusal: { reason: "folder" } };
    return { refusal: { reason: "unreadable", code } };
  } finally {
    closeSync(fd);
  }
}

/**
 * The first `bytes` of a regular file as UTF-8 text ("" for an empty file), or undefined when it
 * is missing, not a regular file (a pipe would block for ever) or unreadable: for telling a file
 * idokit wrote from one a person keeps under the same name.
 */
export function readFileStart(path: string, bytes: number): string | undefined {
  try {
    if (!statSync(path).isFile()) return undefined;
    const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const head = Buffer.alloc(bytes);
      const read = readSync(fd, head, 0, bytes, 0);
      return head.subarray(0, read).toString("utf8");
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/**
 * A refusal as a Dutch phrase that follows the quoted file name: `"x.png" bestaat niet.`,
 * `"x.png" is 60 MB; maximaal 5 MB.`
 */
export function refusalText(refusal: ReadRefusal): string {
  switch (refusal.reason) {
    case "missing":
      return "bestaat niet.";
    case "folder":
      return "is een map, geen bestand.";
    case "special":
      return "is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp).";
    case "empty":
      return "is leeg (0 bytes).";
    case "too-large":
      return `is ${formatBytes(refusal.bytes)}; maximaal ${formatBytes(refusal.limit)}.`;
    case "unreadable":
      return refusal.code === "EACCES" || refusal.code === "EPERM"
        ? "mag niet worden gelezen (geen toestemming). Kopieer het naar een eigen map of vraag de beheerder om leesrechten."
        : refusal.code === "EBUSY"
          ? "is in gebruik door een ander programma. Sluit het en probeer opnieuw."
          : `kan niet worden gelezen (${refusal.code}).`;
  }
}
