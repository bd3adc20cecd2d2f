// Shapes of the learning documentation. Texts are data (one entry per instruction, flag, mount
// key, directive and build arg, each in English and Korean) so hover, signature help and the
// generated docs/INSTRUCTIONS.md all read the same source, and adding a language is adding data.

/** A text in both languages the product speaks. Markdown allowed. */
export interface Text {
  en: string;
  ko: string;
}

export interface InstructionDoc {
  /** What it does, in plain words (Markdown). */
  summary: Text;
  /** Syntax forms, one per line, shown in a code block (language-neutral). */
  syntax: string[];
  /** A short Dockerfile example. */
  example: string;
  /** The mistakes beginners make with it, one bullet each. */
  pitfalls: Text[];
  /** Optional longer Markdown (tables, comparisons) shown after the pitfalls. */
  details?: Text;
}

export interface FlagDoc {
  summary: Text;
  /** `--name=<value>` as it is written. */
  syntax: string;
  example: string;
  pitfalls?: Text[];
}

/** A `RUN --mount=type=…` type: the type itself and each of its keys. */
export interface MountTypeDoc {
  summary: Text;
  example: string;
  pitfalls?: Text[];
  keys: Record<string, Text>;
}

export interface DirectiveDoc {
  summary: Text;
  syntax: string;
  example: string;
  pitfalls?: Text[];
}
