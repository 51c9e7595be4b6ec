import { AlignmentType, LevelFormat, type ILevelsOptions, type INumberingOptions } from "docx";
import { space, type Look } from "./look.js";

/** Where a list's paragraphs point: a numbering definition and the list's own instance of it. */
export interface ListNumbering {
  reference: string;
  instance: number;
}

const LEVELS = 9;
const BULLETS = ["•", "◦", "▪"] as const;
// A numbered list nested in another numbered list counts 1., a., i. as readers expect.
const ORDERED_FORMATS = [
  { format: LevelFormat.DECIMAL, suffix: "." },
  { format: LevelFormat.LOWER_LETTER, suffix: "." },
  { format: LevelFormat.LOWER_ROMAN, suffix: "." },
] as const;

/**
 * Hands out list numbering. Every list gets its own instance, so numbered lists restart at 1
 * (docx writes a w:num with a start override per instance); definitions are made only as used.
 */
export class NumberingRegistry {
  private readonly definitions = new Map<string, ILevelsOptions[]>();
  private nextInstance = 1;

  constructor(private readonly look: Look) {}

  /** Left indent of list text at a nesting level, in twips. */
  indent(level: number): number {
    return space(this.look, 360) * (level + 1);
  }

  /** Hanging indent: room for the bullet or number before the text. */
  hanging(): number {
    return space(this.look, 360);
  }

  /** A new bullet list. */
  bullets(): ListNumbering {
    return this.instanceOf("bullet", (level) => ({
      level,
      format: LevelFormat.BULLET,
      text: BULLETS[level % BULLETS.length] ?? "•",
      alignment: AlignmentType.LEFT,
      style: {
        paragraph: { indent: { left: this.indent(level), hanging: this.hanging() } },
        run: { font: this.look.theme.font.body, color: this.look.theme.color.heading },
      },
    }));
  }

  /** A new numbered list; `depth` counts enclosing numbered lists, `start` is its first number. */
  ordered(depth: number, start: number): ListNumbering {
    const kind = depth % ORDERED_FORMATS.length;
    const first = Number.isInteger(start) && start >= 0 ? start : 1;
    const { format, suffix } = ORDERED_FORMATS[kind] ?? ORDERED_FORMATS[0];
    return this.instanceOf(`ordered-${kind}-${first}`, (level) => ({
      level,
      format,
      text: `%${level + 1}${suffix}`,
      start: first,
      alignment: AlignmentType.LEFT,
      style: {
        paragraph: { indent: { left: this.indent(level), hanging: this.hanging() } },
      },
    }));
  }

  /** The definitions for the document's `numbering` option. */
  toOptions(): INumberingOptions {
    return {
      config: [...this.definitions].map(([reference, levels]) => ({ reference, levels })),
    };
  }

  private instanceOf(reference: string, level: (level: number) => ILevelsOptions): ListNumbering {
    if (!this.definitions.has(reference)) {
      this.definitions.set(
        reference,
        Array.from({ length: LEVELS }, (_, i) => level(i)),
      );
    }
    return { reference, instance: this.nextInstance++ };
  }
}
