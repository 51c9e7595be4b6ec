/**
 * The one place that imports pptxgenjs. Its types are CommonJS-style (`export default class`
 * inside a `.d.ts` without `"type": "module"`), so under `moduleResolution: NodeNext` TypeScript
 * sees the default import as the module namespace and refuses `new`. At runtime the ESM build's
 * default export is the class, so a cast is all that is needed.
 *
 * Also the one place that touches JSZip, the zip library inside pptxgenjs: `writeParts` takes the
 * parts from it unzipped (declared as idokit's own dependency, in pptxgenjs's range, so that npm
 * keeps one copy for both).
 */
import JSZip from "jszip";
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

/**
 * A package's parts as pptxgenjs made them, in its order: XML as text, media as bytes. Folder
 * entries are left out (they carry no content).
 */
export type PackageParts = Map<string, string | Uint8Array>;

/**
 * The output type our own `generateAsync` answers. pptxgenjs hands `write({ outputType })` to
 * JSZip unchanged (`zip.generateAsync({ type: outputType })`); for this type JSZip is not asked to
 * zip at all: the parts are read back from it as they were given. Zipping (pure-JS CRC-32, UTF-8
 * and concatenation) only for `finishPackage` to unzip and decode it again was about a tenth of
 * the deck's cost.
 */
const PARTS_OUTPUT = "idokit-parts";

const TEXT_PART = /\.(xml|rels)$/i;

type GenerateAsync = (this: JSZip, options?: { type?: unknown }, onUpdate?: unknown) => unknown;

let partsOutputInstalled = false;

/**
 * Wraps `JSZip.prototype.generateAsync` once: for `PARTS_OUTPUT` it returns the parts, for any
 * other type (exceljs uses JSZip too) it is JSZip's own. The JSZip imported here must be the one
 * pptxgenjs uses; `writeParts` refuses anything else, so a second copy cannot go unnoticed.
 */
function installPartsOutput(): void {
  if (partsOutputInstalled) return;
  partsOutputInstalled = true;
  const prototype = JSZip.prototype as unknown as { generateAsync: GenerateAsync; file: AddFile };
  const original = prototype.generateAsync;
  prototype.generateAsync = function (this: JSZip, options, onUpdate) {
    if (options?.type !== PARTS_OUTPUT) return original.call(this, options, onUpdate);
    return readParts(this);
  };
  // pptxgenjs adds the logo once per slide as base64, which JSZip decodes in JavaScript each time
  // (a quarter of a deck with a 40 KB logo). Strictly valid base64 decodes to the same bytes
  // everywhere, so it is decoded here once and handed over as bytes; anything else goes to JSZip
  // unchanged.
  const originalFile = prototype.file;
  prototype.file = function (this: JSZip, ...args: unknown[]) {
    const [name, data, options] = args;
    if (
      args.length === 3 &&
      typeof name === "string" &&
      typeof data === "string" &&
      isOptions(options) &&
      options.base64 === true &&
      STRICT_BASE64.test(data)
    )
      return originalFile.call(this, name, decodeBase64(data), {
        ...options,
        base64: false,
        binary: true,
      });
    return originalFile.apply(this, args);
  };
}

type AddFile = (this: JSZip, ...args: unknown[]) => unknown;

function isOptions(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Base64 with nothing to ignore or repair: whole groups of four, padding only at the end. */
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The last text decoded and its bytes: the same logo comes once per slide. */
let lastBase64: { text: string; bytes: Uint8Array } | undefined;

function decodeBase64(text: string): Uint8Array {
  if (lastBase64?.text !== text) {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    lastBase64 = { text, bytes };
  }
  return lastBase64.bytes;
}

/** The parts of a JSZip that was filled but not zipped, in JSZip's order (the zip's order). */
export async function readParts(zip: JSZip): Promise<PackageParts> {
  const files: JSZip.JSZipObject[] = [];
  zip.forEach((_path, file) => {
    if (!file.dir) files.push(file);
  });
  // XML exactly as it was given (JSZip keeps the string), media as JSZip decoded them (base64).
  const contents = await Promise.all(
    files.map((file) =>
      TEXT_PART.test(file.name) ? file.async("string").then(wellFormed) : file.async("uint8array"),
    ),
  );
  return new Map(files.map((file, index) => [file.name, contents[index]!]));
}

/**
 * What UTF-8 keeps of a string: a lone surrogate becomes U+FFFD, as the UTF-8 encoding of the
 * zip and reading it back made it (the check then reads what the file will hold).
 */
function wellFormed(text: string): string {
  const string = text as unknown as { isWellFormed(): boolean; toWellFormed(): string };
  return string.isWellFormed() ? text : string.toWellFormed();
}

/** Draws the presentation into its parts (see `PARTS_OUTPUT`), without zipping it. */
export async function writeParts(pptx: Presentation): Promise<PackageParts> {
  installPartsOutput();
  // Another copy of JSZip inside pptxgenjs would refuse the type or zip anyway.
  const another = "pptxgenjs uses another copy of JSZip than idokit wraps (see package.json).";
  const parts: unknown = await pptx
    .write({ outputType: PARTS_OUTPUT as "uint8array" })
    .catch((error: unknown) => {
      throw error instanceof Error && error.message.includes(PARTS_OUTPUT)
        ? new Error(another, { cause: error })
        : error;
    });
  if (!(parts instanceof Map)) throw new Error(another);
  return parts as PackageParts;
}
