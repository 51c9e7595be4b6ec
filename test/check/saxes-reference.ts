// The check's streaming pass as it was on saxes (src/check/xml.ts before the own scanner), kept
// as the reference the own scanner is tested against (test/check/xml-scanner.property.test.ts):
// its scanner unchanged; the helpers the rules use (attr, is, ancestor, …) are left out, as no
// test calls them here.
/**
 * A namespace-aware, streaming pass over one XML part, on saxes (a strict XML 1.0 parser). The
 * rules see each element as it opens and as it closes, with its ancestors, and keep only the few
 * facts they need: no element tree is built, so a pack's 1.2 MB of XML leaves little behind for
 * the garbage collector. Text content is not reported; the rules only look at structure and
 * attributes.
 */
import { SaxesParser } from "saxes";

/**
 * An element while it is open. Only the open elements (the current path) exist at any time, and
 * an element's object is used again for a later element once it has closed: a rule keeps values,
 * never elements, beyond `close`.
 */
export interface XmlElement {
  /** Namespace URI; "" for none. */
  ns: string;
  /** Local name. */
  name: string;
  /**
   * The attributes as written: qualified names, namespace declarations included. Read them with
   * attr(); names are resolved only when a rule asks (most elements are never asked).
   */
  raw: Readonly<Record<string, string>>;
  /** The namespace bindings in effect: prefix → URI ("" for the default namespace). */
  scope: Readonly<Record<string, string>>;
  parent: XmlElement | undefined;
  /** Position among the parent's element children (0 for the first). */
  index: number;
  /** Element children opened so far; at `close`, all of them. */
  children: number;
  /** Bits the rules set on an element while it is open ("has a paragraph", …). */
  marks: number;
  /** Depth in the part (0 for the root). */
  depth: number;
}

/**
 * The attributes of the element being opened, in the order written: qualified names, namespace
 * declarations included. Valid during `open` only (the list is reused for the next element).
 */
export class XmlAttributes {
  length = 0;
  private readonly names: string[] = [];
  private readonly values: string[] = [];

  name(i: number): string {
    return this.names[i]!;
  }

  value(i: number): string {
    return this.values[i]!;
  }

  /** @internal */
  push(name: string, value: string): void {
    this.names[this.length] = name;
    this.values[this.length++] = value;
  }
}

/** What a rule does with each element of a part. */
export interface XmlVisitor {
  open?(el: XmlElement, attributes: XmlAttributes): void;
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
  let error: string | undefined;

  parser.on("error", (e) => {
    error ??= e.message;
  });
  // Names resolved under the current namespace scope (almost always the one the root declares):
  // a part repeats a few dozen names thousands of times.
  let namesScope: Scope | undefined;
  let elementNames = new Map<string, readonly [string | undefined, string]>();
  let attributeNames = new Set<string>();
  // The attributes of the tag being read, in order, as saxes reports them: iterating this list
  // is much cheaper than iterating the tag's attribute object (a dictionary-mode object).
  const attributes = new XmlAttributes();
  parser.on("attribute", (attribute) => attributes.push(attribute.name, attribute.value));
  // One element object per depth, used again by the next element at that depth.
  const pool: XmlElement[] = [];
  parser.on("opentag", (tag) => {
    let scope = (current?.scope as Scope | undefined) ?? ROOT_SCOPE;
    const raw = tag.attributes as Record<string, string>;
    let declares = false;
    for (let i = 0; i < attributes.length; i++) {
      const key = attributes.name(i);
      if (isDeclaration(key)) {
        if (!declares) scope = Object.create(scope) as Scope;
        declares = true;
        scope[key === "xmlns" ? "" : key.slice(6)] = attributes.value(i);
      }
    }
    if (scope !== namesScope) {
      namesScope = scope;
      elementNames = new Map();
      attributeNames = new Set();
    }
    let resolved = elementNames.get(tag.name);
    if (!resolved) elementNames.set(tag.name, (resolved = resolve(tag.name, scope, true)));
    const [ns, name] = resolved;
    if (ns === undefined) error ??= `het voorvoegsel van <${tag.name}> is niet gedeclareerd`;
    for (let i = 0; i < attributes.length; i++) {
      const key = attributes.name(i);
      if (attributeNames.has(key)) continue;
      attributeNames.add(key);
      if (
        key.indexOf(":") > 0 &&
        !isDeclaration(key) &&
        resolve(key, scope, false)[0] === undefined
      )
        error ??= `het voorvoegsel van attribuut ${key} is niet gedeclareerd`;
    }
    const parent = current;
    const depth = parent ? parent.depth + 1 : 0;
    let element = pool[depth];
    if (!element) {
      element = { ns: "", name: "", raw, scope, parent, index: 0, children: 0, marks: 0, depth };
      pool[depth] = element;
    }
    element.ns = ns ?? "";
    element.name = name;
    element.raw = raw;
    element.scope = scope;
    element.parent = parent;
    element.index = parent ? parent.children++ : 0;
    element.children = 0;
    element.marks = 0;
    seenRoot = true;
    current = element;
    for (const open of opens) open(element, attributes);
    attributes.length = 0;
  });
  parser.on("closetag", () => {
    const element = current;
    if (element) {
      for (const close of closes) close(element);
      current = element.parent;
    }
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

/** True for a namespace declaration (`xmlns`, `xmlns:p`): written like an attribute, but none. */
export function isDeclaration(qname: string): boolean {
  return qname.charCodeAt(0) === 120 /* x */ && (qname === "xmlns" || qname.startsWith("xmlns:"));
}
