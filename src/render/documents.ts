import type { PackFile } from "../pack/manifest.js";
import type { PlannedDocument } from "../plan/training-plan.js";
import type { TemplateEngine } from "../templates/engine.js";
import type { RenderedDocument } from "./rendered.js";
import type { Theme } from "./theme.js";

/** A file of the pack; a Word or PowerPoint file carries its parts until the pack is checked. */
export type RenderedFile = PackFile & { parts?: RenderedDocument["parts"] };

export interface DocumentMeta {
  /** Page header of .docx files, e.g. the library and location. */
  header: string;
  /** Footer of content slides. */
  footer: string;
  created?: Date;
}

/** A text file for Windows and everyone else: UTF-8 with CRLF line ends (Notepad, Outlook). */
function textFile(text: string): Uint8Array {
  return new TextEncoder().encode(text.replace(/\r?\n/g, "\r\n"));
}

/**
 * Renders every planned document: template → Markdown → .docx or .pptx. Returns the files in
 * plan order (Word and PowerPoint files with their parts, for the pack's check); does no I/O. The document libraries load on first use, not at start-up.
 */
export async function renderDocuments(
  documents: readonly PlannedDocument[],
  view: unknown,
  engine: TemplateEngine,
  theme: Theme,
  meta: DocumentMeta,
): Promise<RenderedFile[]> {
  const files: RenderedFile[] = [];
  for (const doc of documents) {
    const markdown = engine.render(doc.template, view);
    const created = meta.created ? { created: meta.created } : {};
    if (doc.format === "ics") {
      const { renderCalendar } = await import("./calendar.js");
      const { renderPlainText } = await import("./plain.js");
      if (!doc.event) throw new Error(`${doc.file}: an ics document needs an event`);
      const data = renderCalendar(
        { ...doc.event, description: renderPlainText(markdown) },
        meta.created ?? new Date(),
      );
      files.push({ name: doc.file, data });
    } else if (doc.format === "mail") {
      const { renderMail, mailAsText } = await import("./plain.js");
      files.push({ name: doc.file, data: textFile(mailAsText(renderMail(markdown))) });
    } else if (doc.format === "html") {
      const { renderHtmlPage } = await import("./html.js");
      files.push({ name: doc.file, data: renderHtmlPage(markdown, { title: doc.title, theme }) });
    } else if (doc.format === "docx") {
      const { renderDocxDocument } = await import("./docx/index.js");
      const { data, parts } = await renderDocxDocument(markdown, {
        theme,
        title: doc.title,
        header: meta.header,
        large: doc.large ?? false,
        ...created,
      });
      files.push({ name: doc.file, data, parts });
    } else {
      const { renderPptxDocument } = await import("./pptx/index.js");
      const { data, parts } = await renderPptxDocument(markdown, {
        theme,
        title: doc.title,
        footer: meta.footer,
        ...created,
      });
      files.push({ name: doc.file, data, parts });
    }
  }
  return files;
}
