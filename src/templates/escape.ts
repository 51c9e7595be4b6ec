/**
 * Markdown escaping of inserted values, so that a library called `Bieb *Zuid* & <Oost>` comes
 * out literally. Every ASCII punctuation character that can start Markdown syntax gets a
 * backslash (CommonMark allows escaping any of them), and line breaks become spaces so a value
 * can never start a heading, list item, table row or slide separator.
 */
const SPECIAL = /[\\`*_{}[\]<>()#+\-.!|~&=:?]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").replace(SPECIAL, (char) => `\\${char}`);
}

/** Trusted Markdown (casus texts, programme texts from templates): inserted without escaping. */
export class Markdown {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}
