import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { renderDocx } from "../../src/render/docx/index.js";
import { buildLook } from "../../src/render/docx/look.js";
import { TABLE_SPACER, cardHeight } from "../../src/render/docx/table.js";
import { buildTheme } from "../../src/render/theme.js";
import { paragraphsOf, textOf } from "../helpers/zip.js";

// The `kaart` directive: cards to cut out, two on a page.

const theme = buildTheme();

async function documentXml(markdown: string): Promise<string> {
  const parts = unzipSync(await renderDocx(markdown, { theme, title: "Kaarten" }));
  return strFromU8(parts["word/document.xml"]!);
}

const tables = (xml: string): string[] =>
  [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);

const CARD = (n: number) =>
  `<!-- kaart -->\n**Kaart ${n}**\n\n## Titel ${n}\n\nTekst van kaart ${n}.\n\n- punt a\n- punt b\n<!-- /kaart -->\n`;

describe("the kaart directive", () => {
  it("puts the card's content in one dashed box, half a page high, that never splits", async () => {
    const xml = await documentXml(`Ervoor.\n\n${CARD(1)}\nErna.\n`);
    const [card, ...others] = tables(xml);
    expect(others).toEqual([]);
    expect(card).toBeDefined();
    expect(card!.match(/<w:tr[ >]/g)).toHaveLength(1);
    expect(card!.match(/<w:tc>/g)).toHaveLength(1);
    expect(card).toMatch(/<w:top w:val="dashed"/);
    expect(card).toContain("<w:cantSplit/>");
    expect(card).toContain(
      `<w:trHeight w:val="${cardHeight(buildLook(theme, false))}" w:hRule="atLeast"/>`,
    );
    expect(paragraphsOf(card!)).toEqual([
      "Kaart 1",
      "Titel 1",
      "Tekst van kaart 1.",
      "punt a",
      "punt b",
    ]);
    // Text before and after the card stays outside it.
    expect(paragraphsOf(xml)).toContain("Ervoor.");
    expect(textOf(card!)).not.toContain("Erna.");
  });

  it("makes two cards and the spacers around them fit the text height of one page", () => {
    const look = buildLook(theme, false);
    const text = look.page.height - look.page.top - look.page.bottom;
    expect(2 * cardHeight(look) + 2 * TABLE_SPACER).toBeLessThanOrEqual(text);
    // And not much less: a card is a real half page.
    expect(2 * cardHeight(look)).toBeGreaterThan(text * 0.9);
  });

  it("keeps consecutive cards apart as separate boxes", async () => {
    const xml = await documentXml(`${CARD(1)}\n${CARD(2)}\n${CARD(3)}`);
    expect(tables(xml).map((t) => paragraphsOf(t)[0])).toEqual(["Kaart 1", "Kaart 2", "Kaart 3"]);
  });

  it("closes a card left open at a page break or at the end, and starts the next page after it", async () => {
    const xml = await documentXml(
      "<!-- kaart -->\nOpen kaart.\n\n<!-- pagina -->\n\nVolgende pagina.\n\n<!-- kaart -->\nLaatste.\n",
    );
    expect(tables(xml).map((t) => textOf(t))).toEqual(["Open kaart.", "Laatste."]);
    const after = xml.slice(xml.indexOf("</w:tbl>"));
    expect(after).toMatch(/<w:pageBreakBefore\/>[\s\S]*?Volgende pagina\./);
  });
});
