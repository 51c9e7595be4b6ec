/**
 * Package rules (ISO/IEC 29500-2, Open Packaging Conventions): what Word and PowerPoint check
 * before they read any content. A break here is what makes them refuse or "repair" a file.
 */
import {
  NS,
  resolvePartName,
  type CheckContext,
  type PartRule,
  type Relationship,
} from "./context.js";
import { attr, is } from "./xml.js";

const CONTENT_TYPES = "[Content_Types].xml";
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
// Extensions whose parts are media: a Default for one that is not in the package is the
// "unused default content type" that pptxgenjs writes and PowerPoint reportedly repairs.
const MEDIA_EXTENSIONS = new Set([
  "png",
  "jpg",
  "jpeg",
  "gif",
  "svg",
  "bmp",
  "tif",
  "tiff",
  "emf",
  "wmf",
  "mp4",
  "m4v",
  "mov",
  "mp3",
  "wav",
  "avi",
  "wmv",
]);

function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot < 0 ? "" : base.slice(dot + 1).toLowerCase();
}

/** Zip entry names: unique regardless of case, forward slashes, relative, no folders. */
export function checkZipNames(ctx: CheckContext, zipNames: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of zipNames) {
    const lower = name.toLowerCase();
    if (seen.has(lower))
      ctx.add("", "zip-dubbel", "fout", `Het bestand bevat "${name}" twee keer.`);
    seen.add(lower);
    if (name.includes("\\") || name.startsWith("/"))
      ctx.add("", "zip-naam", "fout", `Onderdeel "${name}" heeft een ongeldige naam.`);
    // Folder entries are no parts (a part name never ends in "/"); Office never writes them,
    // pptxgenjs writes one per folder (ppt/charts/, ppt/media/, …).
    else if (name.endsWith("/"))
      ctx.add(
        "",
        "zip-map",
        "let-op",
        `Het bestand bevat een lege map "${name}"; Word en PowerPoint schrijven die nooit.`,
      );
  }
}

/** [Content_Types].xml: every part has a type, every Override names a part that is there. */
export function contentTypesRule(kind: "docx" | "pptx"): PartRule {
  return (ctx, part) => {
    if (part !== ctx.find(CONTENT_TYPES)) return undefined;
    const defaults: Array<[extension: string, type: string]> = [];
    const overrides: Array<[part: string, type: string]> = [];
    return {
      open(el) {
        if (el.parent?.parent !== undefined || el.ns !== NS.ct) return;
        const type = attr(el, "ContentType") ?? "";
        if (el.name === "Default") defaults.push([attr(el, "Extension") ?? "", type]);
        else if (el.name === "Override") overrides.push([attr(el, "PartName") ?? "", type]);
      },
      end: () => checkContentTypes(ctx, defaults, overrides, kind),
    };
  };
}

const RELS_PART = /^(.*?)_rels\/([^/]*)\.rels$/i;

/** Relationships: unique ids, every internal target there; kept for the other rules. */
export const relationshipsRule: PartRule = (ctx, part) => {
  const match = RELS_PART.exec(part);
  if (!match) return undefined;
  const base = match[1]!;
  const found: Array<{ id: string; target: string; type: string; external: boolean }> = [];
  return {
    open(el) {
      if (
        el.parent !== undefined &&
        el.parent.parent === undefined &&
        is(el, NS.rel, "Relationship")
      )
        found.push({
          id: attr(el, "Id") ?? "",
          target: attr(el, "Target") ?? "",
          type: attr(el, "Type") ?? "",
          external: attr(el, "TargetMode") === "External",
        });
    },
    end() {
      const rels = new Map<string, Relationship>();
      for (const { id, target, type, external } of found) {
        if (rels.has(id))
          ctx.add(part, "rels-dubbel-id", "fout", `Relatie-id ${id} komt twee keer voor.`);
        rels.set(id, {
          id,
          type: type.startsWith(REL_TYPE) ? type.slice(REL_TYPE.length) : type,
          part: external ? undefined : resolvePartName(base, target),
          target,
        });
      }
      ctx.keepRels(part, rels);
      for (const rel of rels.values()) {
        if (rel.part === undefined) continue;
        const target = ctx.find(rel.part);
        if (target) ctx.reachable.add(target);
        else
          ctx.add(
            part,
            "rels-doel",
            "fout",
            `Relatie ${rel.id} (${rel.type}) wijst naar "${rel.target}", maar dat onderdeel ontbreekt.`,
          );
      }
    },
  };
};

/** Every r:id, r:embed, r:link … in a part names one of that part's relationships. */
export const relationshipIdsRule: PartRule = (ctx, part) => {
  if (part === ctx.find(CONTENT_TYPES) || part.toLowerCase().endsWith(".rels")) return undefined;
  let rels: Map<string, Relationship> | undefined;
  return {
    open(el, attributes) {
      for (let i = 0; i < attributes.length; i++) {
        if (attributes.ns(i) !== NS.r) continue;
        const value = attributes.value(i);
        rels ??= ctx.rels(part);
        if (value !== "" && !rels.has(value))
          ctx.add(
            part,
            "rid",
            "fout",
            `<${el.name}> verwijst met r:${attributes.local(i)}="${value}" naar een relatie die niet bestaat.`,
          );
      }
    },
  };
};

/**
 * After every part is read: relationships parts belong to a part that is there, and every part
 * is reached from a relationship (an orphan is harmless, but a sign of damage).
 */
export function checkPackageParts(ctx: CheckContext): void {
  const ct = ctx.find(CONTENT_TYPES);
  if (!ct) ctx.add(CONTENT_TYPES, "content-types", "fout", "Dit onderdeel ontbreekt.");
  for (const name of ctx.parts.keys()) {
    const match = RELS_PART.exec(name);
    if (!match) continue;
    const source = `${match[1]}${match[2]}`;
    if (source !== "" && !ctx.find(source))
      ctx.add(name, "rels-bron", "fout", `Deze relaties horen bij "${source}", dat ontbreekt.`);
  }
  for (const name of ctx.parts.keys()) {
    if (name === ct || /(^|\/)_rels\/[^/]*\.rels$/i.test(name)) continue;
    if (!ctx.reachable.has(name))
      ctx.add(
        name,
        "los-onderdeel",
        "let-op",
        "Geen enkele relatie verwijst naar dit onderdeel; het hoort er waarschijnlijk niet in.",
      );
  }
}

function checkContentTypes(
  ctx: CheckContext,
  defaultTypes: ReadonlyArray<[extension: string, type: string]>,
  overrideTypes: ReadonlyArray<[part: string, type: string]>,
  kind: "docx" | "pptx",
): void {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const [extension, type] of defaultTypes) {
    const ext = extension.toLowerCase();
    if (defaults.has(ext))
      ctx.add(CONTENT_TYPES, "content-types", "fout", `Extensie "${ext}" staat er twee keer in.`);
    defaults.set(ext, type);
  }
  for (const [partName, type] of overrideTypes) {
    const part = partName.replace(/^\//, "");
    if (overrides.has(part.toLowerCase()))
      ctx.add(CONTENT_TYPES, "content-types", "fout", `"/${part}" staat er twee keer in.`);
    overrides.set(part.toLowerCase(), type);
    if (!ctx.find(part))
      ctx.add(
        CONTENT_TYPES,
        "content-type-spook",
        "fout",
        `Noemt het onderdeel "/${part}", maar dat zit niet in het bestand.`,
      );
  }
  const usedExtensions = new Set<string>();
  for (const name of ctx.parts.keys()) {
    if (name === CONTENT_TYPES) continue;
    const ext = extensionOf(name);
    usedExtensions.add(ext);
    const type = overrides.get(name.toLowerCase()) ?? defaults.get(ext);
    if (type === undefined)
      ctx.add(
        CONTENT_TYPES,
        "content-type-ontbreekt",
        "fout",
        `Het onderdeel "/${name}" heeft geen inhoudstype.`,
      );
    else if (
      type === "application/xml" &&
      /^(word|ppt)\/.+\.xml$/i.test(name) &&
      overrides.get(name.toLowerCase()) === undefined
    )
      ctx.add(
        CONTENT_TYPES,
        "content-type-generiek",
        "fout",
        `Het onderdeel "/${name}" heeft alleen het algemene type application/xml.`,
      );
  }
  // Word opens such files without a word (the docx library writes them); PowerPoint repairs them.
  if (kind === "pptx")
    for (const ext of defaults.keys())
      if (MEDIA_EXTENSIONS.has(ext) && !usedExtensions.has(ext))
        ctx.add(
          CONTENT_TYPES,
          "content-type-ongebruikt",
          "let-op",
          `Noemt het mediatype ".${ext}", maar er zit geen ${ext}-bestand in.`,
        );
}
