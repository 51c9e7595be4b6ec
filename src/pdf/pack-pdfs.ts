import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MANIFEST_FILE } from "../pack/files.js";
import type { Manifest, PackFile } from "../pack/manifest.js";
import { convertWithSoffice, makeTempDir, removeTempDir } from "./libreoffice.js";

/**
 * PDFs of the documents of one or many packs. Files are staged in a temporary folder and
 * converted in as few LibreOffice runs as possible (start-up is most of the cost): one run per
 * chunk of files, a bounded number of runs at a time. The PDFs go into the pack under `pdf/`.
 */

/** The folder inside a pack that holds the PDFs. */
export const PDF_FOLDER = "pdf";

/** Files per LibreOffice run: large enough to spread the start-up, small enough to report early. */
export const PDF_CHUNK_FILES = 48;

/** True for a pack file that gets a PDF: a Word or PowerPoint document. */
export function isConvertible(name: string): boolean {
  return /\.(docx|pptx)$/i.test(name);
}

/** The name of a document's PDF inside the pack: `pdf/draaiboek.pdf`. */
export function pdfNameOf(name: string): string {
  const base = name.split("/").pop() ?? name;
  return `${PDF_FOLDER}/${base.replace(/\.[^.]+$/, "")}.pdf`;
}

export interface PackPdfs {
  /** The PDFs, named `pdf/….pdf`. */
  pdfs: PackFile[];
  /** The documents whose PDF could not be made. */
  failed: string[];
}

export interface PdfOptions {
  soffice: string;
  /** LibreOffice runs at a time; default 1. */
  concurrency?: number;
  /** Files per run; default `PDF_CHUNK_FILES`. */
  chunkFiles?: number;
}

/** Runs tasks with at most `limit` at a time; resolves when all are done. */
async function runLimited(tasks: ReadonlyArray<() => Promise<void>>, limit: number): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, lane));
}

/**
 * Converts the documents of several packs to PDF: every document of every pack in as few
 * LibreOffice runs as the chunk size allows. Returns, per pack in the same order, its PDFs and
 * the documents that failed.
 */
export async function makePackPdfs(
  packs: ReadonlyArray<readonly PackFile[]>,
  options: PdfOptions,
): Promise<PackPdfs[]> {
  const results: PackPdfs[] = packs.map(() => ({ pdfs: [], failed: [] }));
  const stage = makeTempDir("idokit-pdf-");
  try {
    // 1. Stage every document under a name unique across the packs ("3-draaiboek.docx").
    const inDir = join(stage, "in");
    mkdirSync(inDir);
    const staged: Array<{ pack: number; name: string; path: string }> = [];
    packs.forEach((files, pack) => {
      for (const file of files.filter((f) => isConvertible(f.name))) {
        const path = join(inDir, `${pack}-${file.name.replace(/[\\/]/g, "_")}`);
        writeFileSync(path, file.data);
        staged.push({ pack, name: file.name, path });
      }
    });

    // 2. Convert in chunks, a bounded number of LibreOffice runs at a time, each its own outdir.
    const size = Math.max(1, options.chunkFiles ?? PDF_CHUNK_FILES);
    const chunks = Array.from({ length: Math.ceil(staged.length / size) }, (_, i) =>
      staged.slice(i * size, (i + 1) * size),
    );
    const tasks = chunks.map((chunk, i) => async () => {
      const outDir = join(stage, `out-${i}`);
      mkdirSync(outDir);
      const made = await convertWithSoffice(
        options.soffice,
        chunk.map((item) => item.path),
        outDir,
      );
      for (const item of chunk) {
        const pdf = made.get(item.path);
        if (pdf)
          results[item.pack]!.pdfs.push({ name: pdfNameOf(item.name), data: readFileSync(pdf) });
        else results[item.pack]!.failed.push(item.name);
      }
    });
    await runLimited(tasks, options.concurrency ?? 1);
  } finally {
    removeTempDir(stage);
  }
  return results;
}

/**
 * Adds files to a made pack and lists them in its manifest, which stays the last file. The
 * manifest keeps everything else it said (version, answers hash, time).
 */
export function addToPack(files: readonly PackFile[], extra: readonly PackFile[]): PackFile[] {
  if (extra.length === 0) return [...files];
  const manifestFile = files.find((f) => f.name === MANIFEST_FILE);
  const rest = files.filter((f) => f.name !== MANIFEST_FILE);
  const all = [...rest, ...extra];
  if (!manifestFile) return all;
  const manifest = JSON.parse(new TextDecoder().decode(manifestFile.data)) as Manifest;
  manifest.bestanden = all.map((f) => ({
    naam: f.name,
    bytes: f.data.byteLength,
    sha256: createHash("sha256").update(f.data).digest("hex"),
  }));
  return [
    ...all,
    {
      name: MANIFEST_FILE,
      data: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    },
  ];
}

/**
 * Collects packs for PDF conversion and converts them in chunks as they come, with a bounded
 * number of LibreOffice runs at a time; each pack is handed to `done` with its PDFs added. `add`
 * waits while enough packs are waiting, so memory stays flat in a long batch.
 */
export class PdfQueue<T> {
  private waiting: Array<{ item: T; files: readonly PackFile[] }> = [];
  private waitingFiles = 0;
  private running = new Set<Promise<void>>();
  private readonly chunkFiles: number;
  private readonly concurrency: number;

  constructor(
    private readonly options: PdfOptions,
    private readonly done: (item: T, files: PackFile[], failed: string[]) => void,
  ) {
    this.chunkFiles = Math.max(1, options.chunkFiles ?? PDF_CHUNK_FILES);
    this.concurrency = Math.max(1, options.concurrency ?? 1);
  }

  /** Queues a pack; resolves when there is room for the next one. */
  async add(item: T, files: readonly PackFile[]): Promise<void> {
    this.waiting.push({ item, files });
    this.waitingFiles += files.filter((f) => isConvertible(f.name)).length;
    if (this.waitingFiles >= this.chunkFiles) this.flush();
    while (this.running.size >= this.concurrency) await Promise.race(this.running);
  }

  /** Converts what is still waiting and resolves when every pack has been handed to `done`. */
  async finish(): Promise<void> {
    this.flush();
    while (this.running.size > 0) await Promise.race(this.running);
  }

  private flush(): void {
    if (this.waiting.length === 0) return;
    const batch = this.waiting;
    this.waiting = [];
    this.waitingFiles = 0;
    const run = makePackPdfs(
      batch.map((entry) => entry.files),
      { ...this.options, concurrency: 1 },
    )
      .catch((error: unknown) => {
        // Staging failed (disk full): the packs still go out, every PDF counts as failed.
        void error;
        return batch.map((entry) => ({
          pdfs: [],
          failed: entry.files.filter((f) => isConvertible(f.name)).map((f) => f.name),
        }));
      })
      .then((results) => {
        batch.forEach((entry, i) =>
          this.done(entry.item, addToPack(entry.files, results[i]!.pdfs), results[i]!.failed),
        );
      });
    const tracked: Promise<void> = run.finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }
}
