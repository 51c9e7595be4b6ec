// pandoc as the yardstick: the same documents made from the same words. idokit's templates render
// the Markdown of every document of a pack (bench/api.ts); this file writes it for pandoc, with
// idokit's layout comments turned into what pandoc understands (page breaks, speaker notes), and
// counts the words and pages of both outputs so the comparison can be judged.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { build } from "esbuild";
import { ROOT } from "./lib.js";

export const pandocVersion = () => {
  const result = spawnSync("pandoc", ["--version"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.split("\n")[0] : undefined;
};

let api;
/** bench/api.ts bundled from src/ (whatever way dist/ is built), loaded once. */
export async function loadApi() {
  if (api) return api;
  const outfile = join(ROOT, "dist", "bench-api.js");
  await build({
    entryPoints: [join(ROOT, "bench", "api.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outfile,
    logLevel: "error",
  });
  api = await import(`${outfile}?${Date.now()}`);
  return api;
}

const PAGE_BREAK = '\n```{=openxml}\n<w:p><w:r><w:br w:type="page"/></w:r></w:p>\n```\n';

/** idokit's Word Markdown for pandoc: page breaks as Word page breaks, other comments dropped. */
function forWord(markdown) {
  return markdown
    .replace(/^<!-- (pagina|\/titelpagina) -->$/gm, PAGE_BREAK)
    .replace(/^<!-- invulregels: (\d+) -->$/gm, (_, n) => "\\\n".repeat(Number(n)))
    .replace(/^<!--[\s\S]*?-->$/gm, "");
}

/** idokit's slide Markdown for pandoc: `???` notes as a notes div, columns marker dropped. */
function forSlides(markdown) {
  return markdown
    .split(/^---$/m)
    .map((slide) => {
      const [body, notes] = slide.split(/^\?\?\?$/m);
      const cleaned = body.replace(/^<!--[\s\S]*?-->$/gm, "").replace(/^\|\|\|$/gm, "");
      return notes === undefined ? cleaned : `${cleaned}\n::: notes\n${notes.trim()}\n:::\n`;
    })
    .join("\n---\n");
}

/**
 * Writes the pandoc input of one pack's documents into `dir` and returns the pandoc commands that
 * make the same files (one process per document; pandoc makes one output per run). Calendar
 * files are left out: pandoc cannot make them (so pandoc does a little less than idokit).
 */
export function pandocCommands(documents, dir) {
  const commands = [];
  for (const doc of documents) {
    if (doc.format === "ics") continue;
    const output = join(dir, doc.file);
    const source = `${output}.md`;
    mkdirSync(dirname(output), { recursive: true });
    // Slide Markdown separates slides with `---`, which pandoc would take for YAML metadata.
    const from = ["-f", "markdown-yaml_metadata_block"];
    if (doc.format === "docx") {
      writeFileSync(source, forWord(doc.markdown));
      commands.push(["pandoc", [...from, source, "-o", output]]);
    } else if (doc.format === "pptx") {
      writeFileSync(source, forSlides(doc.markdown));
      commands.push(["pandoc", [...from, source, "-o", output]]);
    } else if (doc.format === "html") {
      writeFileSync(source, doc.markdown);
      const title = ["--metadata", `title=${doc.title}`];
      commands.push(["pandoc", [...from, "-s", ...title, source, "-o", output]]);
    } else {
      writeFileSync(source, doc.markdown);
      commands.push(["pandoc", [...from, "-t", "plain", source, "-o", output]]);
    }
  }
  return commands;
}

/**
 * Words and pages of Word and PowerPoint files, counted the same way for both: LibreOffice turns
 * them into PDFs in one run, pdfinfo counts pages, pdftotext gives the words. Undefined when
 * LibreOffice or poppler is missing.
 */
export function wordsAndPages(files) {
  const tools = ["soffice", "pdfinfo", "pdftotext"];
  if (tools.some((tool) => spawnSync(tool, ["--version"]).error)) return undefined;
  const out = mkdtempSync(join(tmpdir(), "idokit-bench-pdf-"));
  try {
    const profile = join(out, "profile");
    const pdfDir = join(out, "pdf");
    // Both sets have the same file names; stage each under its own folder name.
    spawnSync(
      "soffice",
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=file://${profile}`,
        "--convert-to",
        "pdf",
        "--outdir",
        pdfDir,
        ...files,
      ],
      { encoding: "utf8", timeout: 600_000 },
    );
    const made = new Set(readdirSync(pdfDir));
    const result = { words: 0, pages: 0, files: 0 };
    for (const file of files) {
      const pdf = basename(file).replace(/\.[^.]+$/, ".pdf");
      if (!made.has(pdf)) continue;
      const info = spawnSync("pdfinfo", [join(pdfDir, pdf)], { encoding: "utf8" }).stdout;
      result.pages += Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
      const text = spawnSync("pdftotext", [join(pdfDir, pdf), "-"], { encoding: "utf8" }).stdout;
      result.words += text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
      result.files += 1;
    }
    return result;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
