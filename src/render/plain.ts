import type { Token, Tokens } from "marked";
import { lexMarkdown } from "./markdown.js";
import { decodeEntities, stripControlCharacters } from "./text.js";

/**
 * Markdown → plain text, for what is pasted or read outside Word: mails, calendar descriptions,
 * the read-me. Emphasis marks and escapes disappear, links print as "tekst (adres)", lists keep
 * their bullets and numbers, quotes get "> ", and each paragraph is one line (mail programs wrap
 * lines themselves). Layout directives (`<!-- pagina -->`) and other HTML are left out. Pure.
 *
 * A mail template starts with a `#` heading: the subject (see `renderMail`).
 */

function inline(tokens: readonly Token[] | undefined): string {
  if (!tokens) return "";
  return tokens
    .map((token) => {
      switch (token.type) {
        case "text":
          return "tokens" in token && token.tokens
            ? inline(token.tokens)
            : decodeEntities(token.text);
        case "escape":
          return token.text;
        case "strong":
        case "em":
        case "del":
          return inline((token as Tokens.Strong).tokens);
        case "codespan":
          return decodeEntities((token as Tokens.Codespan).text);
        case "br":
          return "\n";
        case "link": {
          const link = token as Tokens.Link;
          const text = inline(link.tokens);
          const href = link.href.replace(/^mailto:/, "");
          return text === href || text === link.href ? text : `${text} (${href})`;
        }
        case "html":
          return (token as Tokens.HTML).text
            .replace(/<!--[\s\S]*?-->/g, "")
            .replace(/<[^>]*>/g, "");
        default:
          return "raw" in token ? token.raw : "";
      }
    })
    .join("")
    .replace(/[ \t]*\n[ \t]*/g, "\n");
}

/** Joins a paragraph's soft line breaks into one line; hard breaks (`<br>`, two spaces) stay. */
function paragraph(tokens: readonly Token[] | undefined): string {
  const hard = "\u0000";
  const withHard = (tokens ?? []).map((t) =>
    t.type === "br" ? ({ ...t, type: "text", text: hard, raw: hard } as Token) : t,
  );
  return inline(withHard)
    .replace(/\s*\n\s*/g, " ")
    .split(hard)
    .map((line) => line.trim())
    .join("\n")
    .trim();
}

function blocks(tokens: readonly Token[], indent = ""): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case "heading":
        out.push(indent + paragraph((token as Tokens.Heading).tokens));
        break;
      case "paragraph":
        out.push(
          paragraph((token as Tokens.Paragraph).tokens)
            .split("\n")
            .map((line) => indent + line)
            .join("\n"),
        );
        break;
      case "text":
        out.push(indent + paragraph("tokens" in token && token.tokens ? token.tokens : [token]));
        break;
      case "list": {
        const list = token as Tokens.List;
        const start = typeof list.start === "number" ? list.start : 1;
        const items = list.items.map((item, i) => {
          const bullet = list.ordered
            ? `${start + i}. `
            : item.task
              ? item.checked
                ? "[x] "
                : "[ ] "
              : "- ";
          const [first = "", ...rest] = blocks(
            item.tokens.filter((t) => t.type !== "checkbox"),
            " ".repeat(bullet.length),
          )
            .join("\n")
            .split("\n");
          return [indent + bullet + first.trimStart(), ...rest.map((line) => indent + line)].join(
            "\n",
          );
        });
        out.push(items.join("\n"));
        break;
      }
      case "blockquote":
        out.push(
          blocks((token as Tokens.Blockquote).tokens)
            .join("\n\n")
            .split("\n")
            .map((line) => `${indent}> ${line}`.trimEnd())
            .join("\n"),
        );
        break;
      case "table": {
        const table = token as Tokens.Table;
        const row = (cells: Tokens.TableCell[]): string =>
          indent + cells.map((c) => paragraph(c.tokens)).join(" | ");
        out.push([row(table.header), ...table.rows.map(row)].join("\n"));
        break;
      }
      case "hr":
        out.push(`${indent}———`);
        break;
      case "code":
        out.push((token as Tokens.Code).text);
        break;
      case "html": {
        const text = inline([token]).trim();
        if (text) out.push(indent + text);
        break;
      }
      default:
        break;
    }
  }
  return out.filter((block) => block.trim() !== "");
}

/** Renders Markdown as plain text: blocks separated by one empty line, lines ending in CRLF-free `\n`. */
export function renderPlainText(markdown: string): string {
  const tokens = lexMarkdown(stripControlCharacters(markdown));
  return `${blocks(tokens).join("\n\n")}\n`;
}

/** A mail: its subject (the first `#` heading) and its body as plain text. */
export interface Mail {
  onderwerp: string;
  tekst: string;
}

/** Splits a rendered mail template into subject and body. */
export function renderMail(markdown: string): Mail {
  const tokens = lexMarkdown(stripControlCharacters(markdown));
  const index = tokens.findIndex((t) => t.type === "heading" && (t as Tokens.Heading).depth === 1);
  const subject = index >= 0 ? paragraph((tokens[index] as Tokens.Heading).tokens) : "";
  const body = tokens.filter((_, i) => i !== index);
  return { onderwerp: subject, tekst: `${blocks(body).join("\n\n")}\n` };
}

/** A mail as a text file to copy from: the subject line, an empty line, the body. */
export function mailAsText(mail: Mail): string {
  return `Onderwerp: ${mail.onderwerp}\n\n${mail.tekst}`;
}
