import { createHash } from "node:crypto";

export interface PackFile {
  name: string;
  data: Uint8Array;
}

/** JSON with sorted keys, so equal answers always hash the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

/** A stable hash of an answer set: same answers, same hash. */
export function hashAnswers(answers: unknown): string {
  return createHash("sha256").update(canonical(answers)).digest("hex");
}

export interface Manifest {
  idokit: string;
  pakket: string;
  gemaakt: string;
  antwoordenHash: string;
  bestanden: Array<{ naam: string; bytes: number; sha256: string }>;
}

/** Describes a complete pack: its files with sizes and checksums, and the answers it came from. */
export function buildManifest(options: {
  version: string;
  pakket: string;
  created: Date;
  answers: unknown;
  files: readonly PackFile[];
}): Manifest {
  return {
    idokit: options.version,
    pakket: options.pakket,
    gemaakt: options.created.toISOString(),
    antwoordenHash: hashAnswers(options.answers),
    bestanden: options.files.map((f) => ({
      naam: f.name,
      bytes: f.data.byteLength,
      sha256: createHash("sha256").update(f.data).digest("hex"),
    })),
  };
}
