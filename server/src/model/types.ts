// The parsed model of one Dockerfile version. Every feature and lint rule reads this model;
// nothing re-parses text per request. Positions are LSP-style: 0-based line and UTF-16 column.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A parser directive from the top of the file (`# syntax=…`, `# escape=…`, `# check=…`). */
export interface Directive {
  /** Lower-cased directive name. */
  name: string;
  value: string;
  line: number;
  range: Range;
  nameRange: Range;
  valueRange: Range;
}

/** A whole-line comment (`# …`), outside or inside a continued instruction. */
export interface Comment {
  /** Text after the `#`, untrimmed. */
  text: string;
  line: number;
  range: Range;
  /** True when the comment sits between the lines of a continued instruction. */
  insideInstruction: boolean;
}

/** One whitespace-separated word of an instruction's arguments (quotes kept in `raw`). */
export interface Token {
  /** The word exactly as written (quotes and escapes kept, line continuations removed). */
  raw: string;
  /** The word with quotes removed and escapes resolved. */
  value: string;
  range: Range;
  /** Offsets into the instruction's `argsText`. */
  start: number;
  end: number;
}

/** A `--name` or `--name=value` flag before an instruction's arguments. */
export interface Flag {
  name: string;
  /** undefined for `--name` with no `=`. */
  value: string | undefined;
  range: Range;
  nameRange: Range;
  valueRange: Range | undefined;
  token: Token;
}

/** A `$NAME` / `${NAME…}` reference. */
export interface VariableRef {
  name: string;
  /** Range of the name alone (what rename replaces). */
  nameRange: Range;
  /** Range of the whole reference, `$` and braces included. */
  range: Range;
  /** The `:-`, `-`, `:+`, `+`, `:?`, `?` modifier when present. */
  modifier: string | undefined;
  braced: boolean;
}

/** `key=value` (or legacy `key value`) pairs of ARG, ENV and LABEL. */
export interface KeyValue {
  key: string;
  keyRange: Range;
  value: string | undefined;
  /** Raw value text as written (quotes kept). */
  rawValue: string | undefined;
  valueRange: Range | undefined;
  /** True for `key=value`, false for the legacy `key value` form or a bare ARG name. */
  hasEquals: boolean;
  range: Range;
}

/** A heredoc body attached to RUN/COPY/ADD. */
export interface Heredoc {
  delimiter: string;
  /** `<<-` strips leading tabs. */
  stripTabs: boolean;
  /** Quoted delimiter: the body is not expanded. */
  quoted: boolean;
  /** Range of `<<EOF` in the instruction line. */
  markerRange: Range;
  /** First body line (the line after the instruction, or after the previous heredoc). */
  bodyStartLine: number;
  /** Line holding the closing delimiter; undefined when the heredoc is not terminated. */
  endLine: number | undefined;
  /** Body text, lines joined with \n, without the closing delimiter. */
  body: string;
}

export interface Instruction {
  /** Position in `Dockerfile.instructions`. */
  index: number;
  /** Keyword as written. */
  keyword: string;
  /** Keyword upper-cased (`RUN`, `FROM`, …). */
  name: string;
  keywordRange: Range;
  /** From the keyword to the end of the last argument line (heredoc bodies included). */
  range: Range;
  startLine: number;
  /** Last line of the instruction, heredoc bodies included. */
  endLine: number;
  /** Last line of the instruction's own text, before any heredoc body. */
  textEndLine: number;
  /** Arguments as one logical line: continuations joined, in-instruction comments dropped. */
  argsText: string;
  /** Where `argsText` starts in the instruction's logical text (used to nest ONBUILD triggers). */
  argsOffset: number;
  /** Range of the arguments (empty range right after the keyword when there are none). */
  argsRange: Range;
  /** All words of the arguments, flags included. */
  tokens: Token[];
  /** Leading `--flag` tokens. */
  flags: Flag[];
  /** Tokens after the flags. */
  args: Token[];
  /** Exec (JSON array) form, when the arguments are one valid JSON array of strings. */
  json: string[] | undefined;
  /** True when the arguments start with `[` (meant as exec form), valid JSON or not. */
  looksLikeJson: boolean;
  heredocs: Heredoc[];
  variables: VariableRef[];
  /** Index of the stage it belongs to; -1 for instructions before the first FROM. */
  stageIndex: number;
  /** For ONBUILD: the trigger instruction it wraps. */
  trigger: Instruction | undefined;
  /** For ARG, ENV and LABEL. */
  pairs: KeyValue[];
  /** Map an offset in `argsText` to a document position. */
  positionAt(offset: number): Position;
}

export interface Stage {
  index: number;
  from: Instruction;
  /** Base image as written (`node:20-alpine`, `$BASE`, `builder`). */
  image: string;
  imageRange: Range | undefined;
  /** Stage name from `AS name`, as written. */
  name: string | undefined;
  nameRange: Range | undefined;
  platform: string | undefined;
  instructions: Instruction[];
  /** Last line of the stage (before the next FROM). */
  endLine: number;
}

export interface Dockerfile {
  /** The text without a byte-order mark. */
  text: string;
  hasBom: boolean;
  lines: string[];
  /** Line terminator that appears first (`\n`, `\r\n`). */
  eol: string;
  escapeChar: string;
  directives: Directive[];
  comments: Comment[];
  instructions: Instruction[];
  stages: Stage[];
  /** Instructions before the first FROM (ARG, and mistakes). */
  preamble: Instruction[];
  /** Lines inside heredoc bodies (semantic tokens and formatting leave them alone). */
  heredocLines: Set<number>;
  /** Lines that are blank continuation lines inside an instruction. */
  emptyContinuationLines: number[];
}
