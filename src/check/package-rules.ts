/**
 * Package rules (ISO/IEC 29500-2, Open Packaging Conventions): what Word and PowerPoint check
 * before they read any content. A break here is what makes them refuse or "repair" a file.
 */
import { NS, type CheckContext } from "./context.js";
import { attr, childrenOf, findAll } from "./xml.js";

const CONTENT_TYPES = "[Content_Types].xml";
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

/** Zip entry names, [Content_Types].xml, relationships and every r:id reference. */
export function checkPackage(
  ctx: CheckContext,
  zipNames: readonly string[],
  kind: "docx" | "pptx",
): void {
  // 1. Entry names: unique regardless of case, forward slashes, relative.
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

  // 2. Content types: every part has one, every Override names a part that is there.
  const ct = ctx.find(CONTENT_TYPES);
  const root = ct ? ctx.xml(ct) : undefined;
  if (!ct) ctx.add(CONTENT_TYPES, "content-types", "fout", "Dit onderdeel ontbreekt.");
  if (root) checkContentTypes(ctx, root, kind);

  // 3. Relationships: well-formed, unique ids, every internal target exists.
  const reachable = new Set<string>();
  for (const name of ctx.parts.keys()) {
    const match = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(name);
    if (!match) continue;
    const source = `${match[1]}${match[2]}`;
    if (source !== "" && !ctx.find(source))
      ctx.add(name, "rels-bron", "fout", `Deze relaties horen bij "${source}", dat ontbreekt.`);
    const rels = ctx.xml(name);
    if (!rels) continue;
    const ids = new Set<string>();
    for (const r of childrenOf(rels, NS.rel, "Relationship")) {
      const id = attr(r, "Id") ?? "";
      if (ids.has(id))
        ctx.add(name, "rels-dubbel-id", "fout", `Relatie-id ${id} komt twee keer voor.`);
      ids.add(id);
    }
    for (const rel of ctx.rels(source).values()) {
      if (rel.part === undefined) continue;
      const found = ctx.find(rel.part);
      if (found) reachable.add(found);
      else
        ctx.add(
          name,
          "rels-doel",
          "fout",
          `Relatie ${rel.id} (${rel.type}) wijst naar "${rel.target}", maar dat onderdeel ontbreekt.`,
        );
    }
  }

  // 4. Every part is reached from a relationship (an orphan is harmless, but a sign of damage).
  for (const name of ctx.parts.keys()) {
    if (name === ct || /(^|\/)_rels\/[^/]*\.rels$/i.test(name)) continue;
    if (!reachable.has(name))
      ctx.add(
        name,
        "los-onderdeel",
        "let-op",
        "Geen enkele relatie verwijst naar dit onderdeel; het hoort er waarschijnlijk niet in.",
      );
  }

  // 5. Every r:id, r:embed, r:link … in a part names one of that part's relationships.
  for (const name of ctx.xmlParts()) {
    if (name === ct || name.toLowerCase().endsWith(".rels")) continue;
    const el = ctx.xml(name);
    if (!el) continue;
    const prefix = `${NS.r}|`;
    const refs = findAll(el, (e) => {
      for (const key in e.attrs) if (key.startsWith(prefix)) return true;
      return false;
    });
    if (refs.length === 0) continue;
    const rels = ctx.rels(name);
    for (const e of refs)
      for (const [key, value] of Object.entries(e.attrs))
        if (key.startsWith(`${NS.r}|`) && value !== "" && !rels.has(value))
          ctx.add(
            name,
            "rid",
            "fout",
            `<${e.name}> verwijst met r:${key.slice(NS.r.length + 1)}="${value}" naar een relatie die niet bestaat.`,
          );
  }
}

function checkContentTypes(
  ctx: CheckContext,
  root: NonNullable<ReturnType<CheckContext["xml"]>>,
  kind: "docx" | "pptx",
): void {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const d of childrenOf(root, NS.ct, "Default")) {
    const ext = (attr(d, "Extension") ?? "").toLowerCase();
    if (defaults.has(ext))
      ctx.add(CONTENT_TYPES, "content-types", "fout", `Extensie "${ext}" staat er twee keer in.`);
    defaults.set(ext, attr(d, "ContentType") ?? "");
  }
  for (const o of childrenOf(root, NS.ct, "Override")) {
    const part = (attr(o, "PartName") ?? "").replace(/^\//, "");
    if (overrides.has(part.toLowerCase()))
      ctx.add(CONTENT_TYPES, "content-types", "fout", `"/${part}" staat er twee keer in.`);
    overrides.set(part.toLowerCase(), attr(o, "ContentType") ?? "");
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
