import { isDeclaration, localName, scanXml, type XmlElement } from "../../src/check/xml.js";

/** An element with its element children: the tree tests compare against references. */
export interface TreeElement {
  ns: string;
  name: string;
  attrs: Record<string, string>;
  children: TreeElement[];
}

/** The element tree of a part, built from the check's own streaming pass (names resolved as it does). */
export function xmlTree(xml: string): { root?: TreeElement; error?: string } {
  const open = new Map<XmlElement, TreeElement>();
  let root: TreeElement | undefined;
  const error = scanXml(xml, [
    {
      open(el) {
        const node: TreeElement = { ns: el.ns, name: el.name, attrs: resolved(el), children: [] };
        open.set(el, node);
        if (el.parent) open.get(el.parent)!.children.push(node);
        else root ??= node;
      },
      close: (el) => void open.delete(el),
    },
  ]);
  return error === undefined ? { root: root! } : { error };
}

/** Attributes by `namespace|local`, or by local name when unqualified; declarations left out. */
function resolved(el: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(el.raw)) {
    if (isDeclaration(key)) continue;
    const colon = key.indexOf(":");
    out[colon < 0 ? key : `${el.scope[key.slice(0, colon)] ?? ""}|${localName(key)}`] = value;
  }
  return out;
}

/** An attribute in a namespace (`ns` given) or an unqualified one. */
export function treeAttr(el: TreeElement, local: string, ns?: string): string | undefined {
  return el.attrs[ns ? `${ns}|${local}` : local];
}
