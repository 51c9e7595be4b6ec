import { marked } from "marked";
import type { Theme } from "./theme.js";
import { escapeXml, stripControlCharacters } from "./text.js";

/**
 * Markdown → one self-contained HTML page (the pack's read-me): no scripts, no external fonts,
 * images or style sheets, so it opens the same in any browser, offline. Inserted values arrive
 * Markdown-escaped and come out as text; layout directives (HTML comments) are dropped. Pure.
 */

function styleSheet(theme: Theme): string {
  const { color } = theme;
  return `
  body { font-family: ${theme.font.body}, "Liberation Sans", Helvetica, sans-serif; font-size: 1rem;
    line-height: 1.5; color: #${color.text}; max-width: 52rem; margin: 2rem auto; padding: 0 1.25rem; }
  h1 { color: #${color.primary}; font-size: 1.8rem; margin-bottom: 0.25rem; }
  h2 { color: #${color.primary}; font-size: 1.3rem; margin-top: 2rem;
    border-bottom: 2px solid #${color.border}; padding-bottom: 0.2rem; }
  h3 { font-size: 1.1rem; margin-top: 1.25rem; }
  table { border-collapse: collapse; width: 100%; margin: 0.75rem 0; }
  th, td { border: 1px solid #${color.border}; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
  th { background: #${color.primary}; color: #${color.tableHeaderText}; }
  tr:nth-child(even) td { background: #${color.tableStripe}; }
  code { font-family: Consolas, "Liberation Mono", monospace; background: #F2F4F6; padding: 0 0.2rem; }
  blockquote { margin: 1rem 0; padding: 0.5rem 1rem; border-left: 4px solid #${color.accent}; background: #F7F7F7; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }`;
}

/** Renders Markdown as a complete HTML page in Dutch, styled with the theme's colours. */
export function renderHtmlPage(
  markdown: string,
  options: { title: string; theme: Theme },
): Uint8Array {
  const source = stripControlCharacters(markdown)
    .replace(/\r\n?/g, "\n")
    .replace(/<!--[\s\S]*?-->/g, "");
  const body = marked.parse(source, { gfm: true, async: false });
  const page = `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(stripControlCharacters(options.title))}</title>
<style>${styleSheet(options.theme)}
</style>
</head>
<body>
<main>
${body}</main>
</body>
</html>
`;
  return new TextEncoder().encode(page);
}
