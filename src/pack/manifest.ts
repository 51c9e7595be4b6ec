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
  /**
   * One checksum over every file of the pack (names and contents): two manifests with the same
   * `pakketHash` describe byte-identical packs, so a remade pack can be seen to be unchanged.
   */
  pakketHash: string;
  bestanden: Array<{ naam: string; bytes: number; sha256: string }>;
}

/** The checksum of a whole pack from its file list (order-independent). */
export function hashPack(bestanden: ReadonlyArray<{ naam: string; sha256: string }>): string {
  const lines = bestanden.map((f) => `${f.sha256}  ${f.naam}\n`).sort();
  return createHash("sha256").update(lines.join("")).digest("hex");
}

/** Describes a complete pack: its files with sizes and checksums, and the answers it came from. */
export function buildManifest(options: {
  version: string;
  pakket: string;
  created: Date;
  answers: unknown;
  files: readonly PackFile[];
}): Manifest {
  const bestanden = options.files.map((f) => ({
    naam: f.name,
    bytes: f.data.byteLength,
    sha256: createHash("sha256").update(f.data).digest("hex"),
  }));
  return {
    idokit: options.version,
    pakket: options.pakket,
    gemaakt: options.created.toISOString(),
    antwoordenHash: hashAnswers(options.answers),
    pakketHash: hashPack(bestanden),
    bestanden,
  };
}
