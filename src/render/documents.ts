import type { PackFile } from "../pack/manifest.js";
import type { PlannedDocument } from "../plan/training-plan.js";
import type { TemplateEngine } from "../templates/engine.js";
import type { Theme } from "./theme.js";

export interface DocumentMeta {
  /** Page header of .docx files, e.g. the library and location. */
  header: string;
  /** Footer of content slides. */
  footer: string;
  created?: Date;
}

/**
 * Renders every planned document: template → Markdown → .docx or .pptx. Returns the files in
 * plan order; does no I/O. The document libraries load on first use, not at start-up.
 */
export async function renderDocuments(
  documents: readonly PlannedDocument[],
  view: unknown,
  engine: TemplateEngine,
  theme: Theme,
  meta: DocumentMeta,
): Promise<PackFile[]> {
  const files: PackFile[] = [];
  for (const doc of documents) {
    const markdown = engine.render(doc.template, view);
    const created = meta.created ? { created: meta.created } : {};
    if (doc.format === "docx") {
      const { renderDocx } = await import("./docx/index.js");
      const data = await renderDocx(markdown, {
        theme,
        title: doc.title,
        header: meta.header,
        large: doc.large ?? false,
        ...created,
      });
      files.push({ name: doc.file, data });
    } else {
      const { renderPptx } = await import("./pptx/index.js");
      const data = await renderPptx(markdown, {
        theme,
        title: doc.title,
        footer: meta.footer,
        ...created,
      });
      files.push({ name: doc.file, data });
    }
  }
  return files;
}
