/**
 * The one place that imports pptxgenjs. Its types are CommonJS-style (`export default class`
 * inside a `.d.ts` without `"type": "module"`), so under `moduleResolution: NodeNext` TypeScript
 * sees the default import as the module namespace and refuses `new`. At runtime the ESM build's
 * default export is the class, so a cast is all that is needed.
 */
import PptxGenJSImport from "pptxgenjs";
import type PptxGenJS from "pptxgenjs";

// Under NodeNext the default import's *type* is the module namespace; the class is its `default`.
type PptxGenJSClass = typeof PptxGenJS.default;

/** A presentation under construction. */
export type Presentation = InstanceType<PptxGenJSClass>;
/** One slide of a presentation. */
export type PptxSlide = PptxGenJS.default.Slide;
/** A run of text with its own formatting. */
export type PptxTextRun = PptxGenJS.default.TextProps;
/** Options of a text box. */
export type PptxTextOptions = PptxGenJS.default.TextPropsOptions;
/** One table cell. */
export type PptxTableCell = PptxGenJS.default.TableCell;
/** Options of a table. */
export type PptxTableOptions = PptxGenJS.default.TableProps;

type PresentationClass = new () => Presentation;

/** Creates an empty presentation. */
export function createPresentation(): Presentation {
  const PptxGenJS = PptxGenJSImport as unknown as PresentationClass;
  return new PptxGenJS();
}
