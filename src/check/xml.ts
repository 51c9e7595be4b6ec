/**
 * A namespace-aware, streaming pass over one XML part, on saxes (a strict XML 1.0 parser). The
 * rules see each element as it opens and as it closes, with its ancestors, and keep only the few
 * facts they need: no element tree is built, so a pack's 1.2 MB of XML leaves little behind for
 * the garbage collector. Text content is not reported; the rules only look at structure and
 * attributes.
 */
import { SaxesParser } from "saxes";

/** An element while it is open. Only the open elements (the current path) exist at any time. */
export interface XmlElement {
  /** Namespace URI; "" for none. */
  ns: string;
  /** Local name. */
  name: string;
  /** Attributes by `namespace|local`, or by local name when unqualified. */
  attrs: Record<string, string>;
  parent: XmlElement | undefined;
  /** Position among the parent's element children (0 for the first). */
  index: number;
  /** Element children opened so far; at `close`, all of them. */
  children: number;
  /** Bits the rules set on an element while it is open ("has a paragraph", …). */
  marks: number;
  /** A rule's note on this element (the first placeholder type of a shape, …). */
  note?: string | undefined;
}

/** What a rule does with each element of a part. */
export interface XmlVisitor {
  open?(el: XmlElement): void;
  close?(el: XmlElement): void;
  /** After the whole part, only when it is well-formed: where a rule keeps or weighs its facts. */
  end?(): void;
}

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS = "http://www.w3.org/2000/xmlns/";
type Scope = Record<string, string>;
const ROOT_SCOPE: Scope = Object.freeze({ xml: XML_NS, xmlns: XMLNS }) as Scope;

/**
 * Walks one XML part, calling every visitor on each element's open and close (in document
 * order), then `end` when the part is well-formed. Returns the reason when it is not (the
 * visitors have then seen the part up to the fault, and no `end`), or undefined.
 */
export function scanXml(text: string, visitors: readonly XmlVisitor[]): string | undefined {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const opens = visitors.flatMap((v) => (v.open ? [v.open.bind(v)] : []));
  const closes = visitors.flatMap((v) => (v.close ? [v.close.bind(v)] : []));
  let current: XmlElement | undefined;
  let seenRoot = false;
  const scopes: Scope[] = [ROOT_SCOPE];
  let error: string | undefined;

  parser.on("error", (e) => {
    error ??= e.message;
  });
  // Names resolved under the current namespace scope (almost always the one the root declares):
  // a part repeats a few dozen names thousands of times.
  let namesScope: Scope | undefined;
  let elementNames = new Map<string, readonly [string | undefined, string]>();
  let attributeKeys = new Map<string, string | null>();
  parser.on("opentag", (tag) => {
    let scope = scopes[scopes.length - 1]!;
    const raw = tag.attributes as Record<string, string>;
    let declares = false;
    for (const key in raw) {
      if (key.charCodeAt(0) === 120 /* x */ && (key === "xmlns" || key.startsWith("xmlns:"))) {
        if (!declares) scope = Object.create(scope) as Scope;
        declares = true;
        scope[key === "xmlns" ? "" : key.slice(6)] = raw[key]!;
      }
    }
    scopes.push(scope);
    if (scope !== namesScope) {
      namesScope = scope;
      elementNames = new Map();
      attributeKeys = new Map();
    }
    let resolved = elementNames.get(tag.name);
    if (!resolved) elementNames.set(tag.name, (resolved = resolve(tag.name, scope, true)));
    const [ns, name] = resolved;
    if (ns === undefined) error ??= `het voorvoegsel van <${tag.name}> is niet gedeclareerd`;
    const attrs: Record<string, string> = {};
    for (const key in raw) {
      let attrKey = attributeKeys.get(key);
      if (attrKey === undefined) {
        if (key === "xmlns" || key.startsWith("xmlns:")) attrKey = null;
        else if (key.indexOf(":") < 0) attrKey = key;
        else {
          const [attrNs, local] = resolve(key, scope, false);
          if (attrNs === undefined)
            error ??= `het voorvoegsel van attribuut ${key} is niet gedeclareerd`;
          attrKey = `${attrNs ?? ""}|${local}`;
        }
        attributeKeys.set(key, attrKey);
      }
      if (attrKey !== null) attrs[attrKey] = raw[key]!;
    }
    const parent = current;
    const element: XmlElement = {
      ns: ns ?? "",
      name,
      attrs,
      parent,
      index: parent ? parent.children++ : 0,
      children: 0,
      marks: 0,
    };
    seenRoot = true;
    current = element;
    for (const open of opens) open(element);
  });
  parser.on("closetag", () => {
    const element = current;
    if (element) {
      for (const close of closes) close(element);
      current = element.parent;
    }
    scopes.pop();
  });
  try {
    parser.write(text).close();
  } catch (e) {
    error ??= (e as Error).message;
  }
  if (error !== undefined) return error.replace(/^undefined:/, "").trim();
  if (!seenRoot) return "het onderdeel bevat geen element";
  for (const visitor of visitors) visitor.end?.();
  return undefined;
}

function resolve(
  qname: string,
  scope: Scope,
  useDefault: boolean,
): [ns: string | undefined, local: string] {
  const colon = qname.indexOf(":");
  if (colon < 0) return [useDefault ? (scope[""] ?? "") : "", qname];
  return [scope[qname.slice(0, colon)], qname.slice(colon + 1)];
}

/** An attribute in a namespace (`ns` given) or an unqualified one. */
export function attr(el: XmlElement, local: string, ns?: string): string | undefined {
  return el.attrs[ns ? `${ns}|${local}` : local];
}

/** True when `el` has this namespace and local name. */
export function is(el: XmlElement | undefined, ns: string, name: string): el is XmlElement {
  return el !== undefined && el.name === name && el.ns === ns;
}

/** The nearest ancestor of `el` with this namespace and local name. */
export function ancestor(el: XmlElement, ns: string, name: string): XmlElement | undefined {
  for (let p = el.parent; p; p = p.parent) if (p.name === name && p.ns === ns) return p;
  return undefined;
}
