/**
 * Accessibility of a finished slide (pptxgenjs writes free text boxes only): the shape named
 * "Titel" becomes the slide's title placeholder, so screen readers and PowerPoint's navigation
 * find a title on every slide, and it moves to the front of the shape tree, which is the reading
 * order; shapes that only decorate (bands, rules, the quotation mark) are marked decorative, so a
 * screen reader skips them. Pure string work on the slide XML.
 */

/** Names the layout gives to purely decorative shapes. */
export const DECORATIVE_SHAPES = [
  "Band",
  "Strook",
  "Accentlijn",
  "Accentbalk",
  "Voetlijn",
  "Aanhalingsteken",
  "Logokaart",
] as const;

const DECORATIVE_EXT =
  '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>';

const SHAPE = /<p:sp>[\s\S]*?<\/p:sp>/g;

function nameOf(shape: string): string | undefined {
  return /<p:cNvPr [^>]*name="([^"]*)"/.exec(shape)?.[1];
}

/** Makes one slide's XML accessible: a real title first in reading order, decorations marked. */
export function makeSlideAccessible(xml: string): string {
  const slide = slideAccessibility();
  return slide.finish(xml.replace(SHAPE, slide.shape));
}

/**
 * `makeSlideAccessible` in two steps, so that a pass over the slide's shapes that is made anyway
 * (see fixSlide) can do it: `shape` for every shape (`<p:sp>…</p:sp>`) in order, then `finish`
 * on the whole slide.
 */
export function slideAccessibility(): {
  shape: (shape: string) => string;
  finish: (xml: string) => string;
} {
  let title: string | undefined;
  return {
    shape(shape) {
      const name = nameOf(shape);
      if (name === "Titel" && title === undefined && !shape.includes("<p:ph ")) {
        title = shape
          .replace("<p:nvPr></p:nvPr>", '<p:nvPr><p:ph type="title"/></p:nvPr>')
          .replace("<p:nvPr/>", '<p:nvPr><p:ph type="title"/></p:nvPr>');
        return "";
      }
      if (name !== undefined && (DECORATIVE_SHAPES as readonly string[]).includes(name))
        return shape.replace(
          /(<p:cNvPr [^>]*?)(\/>|>([\s\S]*?)<\/p:cNvPr>)/,
          (_all, open: string, _end: string, inner: string | undefined) =>
            `${open}>${(inner ?? "").includes("adec:decorative") ? (inner ?? "") : `${inner ?? ""}${DECORATIVE_EXT}`}</p:cNvPr>`,
        );
      return shape;
    },
    // The title goes first in the shape tree: screen readers read the tree in order. A function,
    // not a string, as the replacement: the title's text may hold "$&" or "$'" (a "$" before an
    // escaped & or '), which a replacement string would expand (found by the fuzz suite).
    finish(xml) {
      const first = title;
      return first === undefined ? xml : xml.replace("</p:grpSpPr>", () => `</p:grpSpPr>${first}`);
    },
  };
}
