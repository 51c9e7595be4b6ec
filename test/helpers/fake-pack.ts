import { createHash } from "node:crypto";
import type { PackFile } from "../../src/pack/manifest.js";

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A small pack as `renderPackFiles` makes one: documents, answers, and a manifest over them. */
export function fakePack(label = "een"): PackFile[] {
  const files: PackFile[] = [
    { name: "draaiboek.docx", data: encode(`draaiboek ${label}`) },
    { name: "antwoorden.yaml", data: encode(`bibliotheek: ${label}\n`) },
  ];
  const manifest = {
    idokit: "0.1.0",
    pakket: "training",
    gemaakt: "2026-11-28T12:00:00.000Z",
    antwoordenHash: "x",
    bestanden: files.map((f) => ({
      naam: f.name,
      bytes: f.data.byteLength,
      sha256: createHash("sha256").update(f.data).digest("hex"),
    })),
  };
  return [...files, { name: "manifest.json", data: encode(JSON.stringify(manifest)) }];
}
