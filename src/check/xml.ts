/**
 * A small, namespace-aware element tree over saxes, a strict XML 1.0 parser: enough for the
 * package and content rules, and fast enough to run on every pack. Text content is not kept;
 * the rules only look at structure and attributes.
 */
import { SaxesParser } from "saxes";

export interface XmlElement {
  /** Namespace URI; "" for none. */
  ns: string;
  /** Local name. */
  name: string;
  /** Attributes by `namespace|local`, or by local name when unqualified. */
  attrs: Record<string, string>;
  children: XmlElement[];
  parent: XmlElement | undefined;
}

export type ParsedXml =
  { root: XmlElement; error?: undefined } | { error: string; root?: undefined };

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS = "http://www.w3.org/2000/xmlns/";
type Scope = Record<string, string>;
const ROOT_SCOPE: Scope = Object.freeze({ xml: XML_NS, xmlns: XMLNS }) as Scope;

/** Parses one XML part; a part that is not well-formed gives the parser's reason. */
export function parseXml(text: string): ParsedXml {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];
  const scopes: Scope[] = [ROOT_SCOPE];
  let error: string | undefined;

  parser.on("error", (e) => {
    error ??= e.message;
  });
  // Names resolved under the current namespace scope (almost always the one the root declares):
  // a part repeats a few dozen names thousands of times, and building each attribute's
  // "namespace|local" key anew was a good part of the whole check.
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
    const parent = stack[stack.length - 1];
    const element: XmlElement = { ns: ns ?? "", name, attrs, children: [], parent };
    if (parent) parent.children.push(element);
    else root ??= element;
    stack.push(element);
  });
  parser.on("closetag", () => {
    stack.pop();
    scopes.pop();
  });
  try {
    parser.write(text).close();
  } catch (e) {
    error ??= (e as Error).message;
  }
  if (error !== undefined) return { error: error.replace(/^undefined:/, "").trim() };
  if (!root) return { error: "het onderdeel bevat geen element" };
  return { root };
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

/** Every element below `el` (depth first, `el` included) for which `test` holds. */
export function findAll(
  el: XmlElement,
  test: (e: XmlElement) => boolean,
  out: XmlElement[] = [],
): XmlElement[] {
  if (test(el)) out.push(el);
  for (const child of el.children) findAll(child, test, out);
  return out;
}

/** Every descendant (and `el` itself) with this namespace and local name. */
export function elements(el: XmlElement, ns: string, name: string): XmlElement[] {
  return findAll(el, (e) => e.name === name && e.ns === ns);
}

/** The direct children with this namespace and local name. */
export function childrenOf(el: XmlElement, ns: string, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name && c.ns === ns);
}

/** True when an ancestor of `el` has this namespace and local name. */
export function hasAncestor(el: XmlElement, ns: string, name: string): boolean {
  for (let p = el.parent; p; p = p.parent) if (p.name === name && p.ns === ns) return true;
  return false;
}
