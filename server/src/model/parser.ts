// A single-pass, linear-time Dockerfile parser. It follows BuildKit's reading of the syntax:
// parser directives only at the very top, the escape character from `# escape=`, comment lines
// and blank lines dropped from inside continued instructions, heredocs after RUN/COPY/ADD.
// It never throws: any text (binary garbage, NUL bytes, unterminated constructs) gives a model.
import { ArgFlag, ArgsPositions, ArgToken, VariableUse, type Piece } from './argParts';
import { InstructionReuse, markHeredocLines } from './reuse';
import type { Comment, Directive, Dockerfile, Heredoc, Instruction, KeyValue, Position, Range, Stage, Token } from './types';

const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const HEREDOC_INSTRUCTIONS = new Set(['RUN', 'COPY', 'ADD']);
const DIRECTIVE_RE = /^[ \t]*#[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*(.*?)[ \t]*$/;
const HEREDOC_RE = /<<(-?)(["']?)([A-Za-z0-9_][A-Za-z0-9_.-]*)\2/g;

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

function firstNonSpace(s: string): number {
  for (let i = 0; i < s.length; i++) if (!isSpace(s[i])) return i;
  return -1;
}

function range(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Parse a Dockerfile. Given the model of the same document's previous version, instructions whose
 * lines did not change are taken from it instead of being parsed again (see reuse.ts).
 */
export function parseDockerfile(input: string, previous?: Dockerfile): Dockerfile {
  const hasBom = input.charCodeAt(0) === 0xfeff;
  const text = hasBom ? input.slice(1) : input;
  const lines = splitLines(text);
  const eolMatch = /\r\n|\n|\r/.exec(text);
  const eol = eolMatch ? eolMatch[0] : '\n';

  const directives: Directive[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const m = DIRECTIVE_RE.exec(lines[i]);
    if (!m) break;
    const name = m[1].toLowerCase();
    if (!KNOWN_DIRECTIVES.has(name)) break;
    const line = lines[i];
    const nameStart = line.indexOf(m[1]);
    const valueStart = line.indexOf('=', nameStart + m[1].length) + 1;
    const vs = valueStart + (line.slice(valueStart).length - line.slice(valueStart).trimStart().length);
    directives.push({
      name,
      value: m[2],
      line: i,
      range: range(i, 0, i, line.length),
      nameRange: range(i, nameStart, i, nameStart + m[1].length),
      valueRange: range(i, vs, i, vs + m[2].length),
    });
  }
  const escapeDirective = directives.find((d) => d.name === 'escape');
  const escapeChar = escapeDirective && escapeDirective.value === '`' ? '`' : '\\';

  const comments: Comment[] = [];
  const instructions: Instruction[] = [];
  const heredocLines = new Set<number>();
  const emptyContinuationLines: number[] = [];
  const stages: Stage[] = [];
  const preamble: Instruction[] = [];
  const reuse = previous && previous.escapeChar === escapeChar ? new InstructionReuse(previous, lines) : undefined;

  while (i < lines.length) {
    const line = lines[i];
    const p = firstNonSpace(line);
    if (p < 0) {
      i++;
      continue;
    }
    if (line[p] === '#') {
      comments.push({ text: line.slice(p + 1), line: i, range: range(i, p, i, line.length), insideInstruction: false });
      i++;
      continue;
    }
    // Keyword: the first word. A continuation character glued to it ("RUN\") is not part of it.
    let kwEnd = p;
    while (kwEnd < line.length && !isSpace(line[kwEnd])) kwEnd++;
    if (kwEnd - p > 1 && kwEnd === line.length && line[kwEnd - 1] === escapeChar) kwEnd--;
    const keyword = line.slice(p, kwEnd);
    const startLine = i;

    const pieces: Piece[] = [];
    let logical = '';
    let cur = i;
    let segStart = kwEnd;
    let textEndLine = i;
    for (;;) {
      const lt = lines[cur];
      let e = lt.length;
      while (e > segStart && isSpace(lt[e - 1])) e--;
      const continues = e > segStart && lt[e - 1] === escapeChar;
      const contentEnd = continues ? e - 1 : lt.length;
      pieces.push({ logicalStart: logical.length, line: cur, charStart: segStart, length: contentEnd - segStart });
      logical += lt.slice(segStart, contentEnd);
      textEndLine = cur;
      if (!continues) break;
      cur++;
      while (cur < lines.length) {
        const t = lines[cur];
        const q = firstNonSpace(t);
        if (q < 0) {
          emptyContinuationLines.push(cur);
          cur++;
          continue;
        }
        if (t[q] === '#') {
          comments.push({ text: t.slice(q + 1), line: cur, range: range(cur, q, cur, t.length), insideInstruction: true });
          cur++;
          continue;
        }
        break;
      }
      if (cur >= lines.length) break;
      segStart = 0;
    }

    const stageIndex = keyword.toUpperCase() === 'FROM' ? stages.length : stages.length - 1;
    const reused = reuse?.take(startLine, textEndLine, instructions.length, stageIndex);
    if (reused) markHeredocLines(reused, heredocLines);
    const ins =
      reused ??
      parseInstruction({ startLine, keywordStart: p, keywordEnd: kwEnd, keyword, pieces, logical, textEndLine }, instructions.length, stageIndex, escapeChar, lines, heredocLines);
    instructions.push(ins);
    if (ins.name === 'FROM') {
      stages.push(makeStage(stages.length, ins));
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push(ins);
    } else {
      preamble.push(ins);
    }
    i = ins.endLine + 1;
  }

  for (let s = 0; s < stages.length; s++) {
    stages[s].endLine = s + 1 < stages.length ? stages[s + 1].from.startLine - 1 : Math.max(lines.length - 1, 0);
  }

  return { text, hasBom, lines, eol, escapeChar, directives, comments, instructions, stages, preamble, heredocLines, emptyContinuationLines };
}

/**
 * A copy of `s` that does not share memory with the string it was sliced from. Concatenation
 * gives a rope (V8 ConsString), and slicing a rope first flattens it into a new flat string; the
 * result is a slice of that fresh copy, not of `s`'s parent.
 */
function detachedCopy(s: string): string {
  return (' ' + s).slice(1);
}

/** What the line scan found for one instruction, before its arguments are parsed. */
interface ScannedInstruction {
  startLine: number;
  keywordStart: number;
  keywordEnd: number;
  keyword: string;
  pieces: Piece[];
  logical: string;
  textEndLine: number;
}

/** Build one instruction (with its heredocs and ONBUILD trigger) from what the scan collected. */
function parseInstruction(
  scan: ScannedInstruction,
  index: number,
  stageIndex: number,
  escapeChar: string,
  lines: string[],
  heredocLines: Set<number>,
): Instruction {
  const { startLine, keywordStart, keywordEnd, pieces, textEndLine } = scan;
  // Every string of the instruction derives from these two, which are slices of the document
  // text; V8 keeps a slice's whole parent alive. A reused instruction outlives its version, so it
  // must hold copies, or each edited instruction would pin a copy of the whole document.
  const keyword = detachedCopy(scan.keyword);
  const logical = detachedCopy(scan.logical);
  const keywordRange = range(startLine, keywordStart, startLine, keywordEnd);
  const ins = buildInstruction(index, keyword, keywordRange, pieces, logical, 0, escapeChar, lines);
  ins.textEndLine = textEndLine;
  let endLine = textEndLine;
  if (HEREDOC_INSTRUCTIONS.has(ins.name) && logical.includes('<<')) {
    endLine = attachHeredocs(ins, lines, textEndLine, heredocLines);
  }
  ins.endLine = endLine;
  ins.range = range(startLine, keywordStart, endLine, lines[endLine]?.length ?? 0);
  ins.stageIndex = stageIndex;
  if (ins.name === 'ONBUILD' && ins.args.length > 0) {
    const t = ins.args[0];
    const trigger = buildInstruction(-1, t.raw, t.range, pieces, logical, ins.argsOffset + t.end, escapeChar, lines);
    trigger.startLine = t.range.start.line;
    trigger.endLine = ins.endLine;
    trigger.textEndLine = ins.textEndLine;
    trigger.range = { start: t.range.start, end: ins.range.end };
    trigger.stageIndex = stageIndex;
    ins.trigger = trigger;
  }
  return ins;
}

function buildInstruction(
  index: number,
  keyword: string,
  keywordRange: Range,
  pieces: Piece[],
  logical: string,
  from: number,
  escapeChar: string,
  lines: string[],
): Instruction {
  let argsStart = from;
  while (argsStart < logical.length && isSpace(logical[argsStart])) argsStart++;
  let argsEnd = logical.length;
  while (argsEnd > argsStart && isSpace(logical[argsEnd - 1])) argsEnd--;
  const argsText = logical.slice(argsStart, argsEnd);

  // The model keeps these arrays for as long as the document is open; copies sized exactly drop
  // the spare capacity `push` leaves (a 3-element array built by push has room for 17).
  const positions = new ArgsPositions(pieces.length > 1 ? pieces.slice() : pieces, argsStart);
  const positionAt = (offset: number): Position => positions.at(offset);

  const name = keyword.toUpperCase();
  const tokens = tokenize(argsText, escapeChar, positions).slice();
  const flags: ArgFlag[] = [];
  let k = 0;
  for (; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t.raw.startsWith('--') || t.raw.length < 3) break;
    const eq = t.raw.indexOf('=');
    const nameEnd = eq < 0 ? t.raw.length : eq;
    const flagName = t.raw.slice(2, nameEnd);
    const value = eq < 0 ? undefined : unquote(t.raw.slice(eq + 1), escapeChar);
    flags.push(new ArgFlag(flagName, value, t, nameEnd, eq, positions));
  }
  const args = tokens.slice(k);

  const afterFlags = args.length ? argsText.slice(args[0].start) : '';
  const looksLikeJson = afterFlags.startsWith('[');
  let json: string[] | undefined;
  if (looksLikeJson && afterFlags.trimEnd().endsWith(']')) {
    try {
      const parsed: unknown = JSON.parse(afterFlags);
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) json = parsed as string[];
    } catch {
      json = undefined;
    }
  }

  const lastPiece = pieces[pieces.length - 1];
  const argsRange: Range =
    argsText.length > 0
      ? { start: positionAt(0), end: positionAt(argsText.length) }
      : { start: keywordRange.end, end: keywordRange.end };
  const ins: Instruction = {
    index,
    keyword,
    name,
    keywordRange,
    range: { start: keywordRange.start, end: { line: lastPiece.line, character: lines[lastPiece.line]?.length ?? 0 } },
    startLine: keywordRange.start.line,
    endLine: lastPiece.line,
    textEndLine: lastPiece.line,
    argsText,
    argsOffset: argsStart,
    argsRange,
    tokens,
    flags,
    args,
    json,
    looksLikeJson,
    heredocs: [],
    variables: findVariables(argsText, escapeChar, positions),
    stageIndex: -1,
    trigger: undefined,
    pairs: [],
    positionAt,
  };
  if (name === 'ARG' || name === 'ENV' || name === 'LABEL') ins.pairs = parsePairs(ins, escapeChar);
  return ins;
}

/** Split arguments into words the way Docker does: whitespace outside quotes ends a word. */
function tokenize(text: string, escapeChar: string, positions: ArgsPositions): ArgToken[] {
  const out: ArgToken[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpace(text[i])) i++;
    if (i >= n) break;
    const start = i;
    // Most words have no quotes or escapes: find the end first, unquote only when needed.
    let plain = true;
    let quote: string | undefined;
    while (i < n) {
      const c = text[i];
      if (quote) {
        if (c === quote) quote = undefined;
        else if (c === escapeChar && quote === '"') i++;
      } else if (isSpace(c)) break;
      else if (c === '"' || c === "'") {
        quote = c;
        plain = false;
      } else if (c === escapeChar) {
        plain = false;
        i++;
      }
      i++;
    }
    if (i > n) i = n;
    const raw = text.slice(start, i);
    out.push(new ArgToken(raw, plain ? raw : unquote(raw, escapeChar), start, i, positions));
  }
  return out;
}

/**
 * Remove one level of quotes and escapes from a word. Characters kept as they are are copied in
 * runs (slices), not one by one: appending single characters builds a chain of V8 cons strings
 * that the model would keep alive, ~1 MB for the words of a 10 000-line file.
 */
export function unquote(raw: string, escapeChar = '\\'): string {
  let out = '';
  let quote: string | undefined;
  let runStart = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote) {
      if (c === quote) {
        out += raw.slice(runStart, i);
        quote = undefined;
        runStart = i + 1;
      } else if (c === escapeChar && quote === '"' && i + 1 < raw.length) {
        out += raw.slice(runStart, i);
        runStart = ++i;
      }
    } else if (c === '"' || c === "'") {
      out += raw.slice(runStart, i);
      quote = c;
      runStart = i + 1;
    } else if (c === escapeChar && i + 1 < raw.length) {
      out += raw.slice(runStart, i);
      runStart = ++i;
    }
  }
  return runStart === 0 ? raw : out + raw.slice(runStart);
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

function findVariables(text: string, escapeChar: string, positions: ArgsPositions): VariableUse[] {
  const out: VariableUse[] = [];
  if (!text.includes('$')) return out;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (c === escapeChar) {
      i++;
      continue;
    }
    if (c !== '$' || i + 1 >= n) continue;
    const next = text[i + 1];
    if (next === '{') {
      let j = i + 2;
      const nameStart = j;
      while (j < n && NAME_CHAR.test(text[j])) j++;
      if (j === nameStart || !NAME_START.test(text[nameStart])) continue;
      const name = text.slice(nameStart, j);
      let modifier: string | undefined;
      const m = /^(:-|:\+|:\?|-|\+|\?)/.exec(text.slice(j, j + 2));
      if (m) modifier = m[1];
      // Find the matching brace so the whole reference has a range; nested ${…} inside the
      // default are found by the outer loop, which continues right after the name.
      let depth = 1;
      let k = j;
      for (; k < n && depth > 0; k++) {
        if (text[k] === '{') depth++;
        else if (text[k] === '}') depth--;
      }
      const end = depth === 0 ? k : n;
      out.push(new VariableUse(name, modifier, true, i, end, nameStart, positions));
      i = j - 1;
    } else if (NAME_START.test(next)) {
      let j = i + 1;
      while (j < n && NAME_CHAR.test(text[j])) j++;
      out.push(new VariableUse(text.slice(i + 1, j), undefined, false, i, j, i + 1, positions));
      i = j - 1;
    }
  }
  return out;
}

function parsePairs(ins: Instruction, escapeChar: string): KeyValue[] {
  const toks = ins.args;
  if (toks.length === 0) return [];
  const pairs: KeyValue[] = [];
  const first = toks[0];
  if (ins.name !== 'ARG' && !first.raw.includes('=')) {
    // Legacy `ENV key value with spaces`: one pair, the value is the rest of the line.
    const restStart = toks.length > 1 ? toks[1].start : first.end;
    const rawValue = toks.length > 1 ? ins.argsText.slice(restStart) : undefined;
    pairs.push({
      key: first.value,
      keyRange: first.range,
      value: rawValue === undefined ? undefined : toks.slice(1).map((t) => t.value).join(' '),
      rawValue,
      valueRange: rawValue === undefined ? undefined : { start: ins.positionAt(restStart), end: ins.positionAt(ins.argsText.length) },
      hasEquals: false,
      range: { start: first.range.start, end: ins.positionAt(ins.argsText.length) },
    });
    return pairs;
  }
  for (const t of toks) {
    const eq = t.raw.indexOf('=');
    if (eq < 0) {
      pairs.push({ key: t.value, keyRange: t.range, value: undefined, rawValue: undefined, valueRange: undefined, hasEquals: false, range: t.range });
      continue;
    }
    const rawValue = t.raw.slice(eq + 1);
    pairs.push({
      key: unquote(t.raw.slice(0, eq), escapeChar),
      keyRange: { start: t.range.start, end: ins.positionAt(t.start + eq) },
      value: unquote(rawValue, escapeChar),
      rawValue,
      valueRange: { start: ins.positionAt(t.start + eq + 1), end: t.range.end },
      hasEquals: true,
      range: t.range,
    });
  }
  return pairs;
}

function attachHeredocs(ins: Instruction, lines: string[], textEndLine: number, heredocLines: Set<number>): number {
  const markers: { delimiter: string; stripTabs: boolean; quoted: boolean; start: number; end: number }[] = [];
  HEREDOC_RE.lastIndex = 0;
  for (let m = HEREDOC_RE.exec(ins.argsText); m; m = HEREDOC_RE.exec(ins.argsText)) {
    // `<<<` is a bash here-string, not a heredoc.
    if (ins.argsText[m.index - 1] === '<') continue;
    markers.push({ delimiter: m[3], stripTabs: m[1] === '-', quoted: m[2] !== '', start: m.index, end: m.index + m[0].length });
  }
  let line = textEndLine;
  for (const mk of markers) {
    const bodyStart = line + 1;
    let end: number | undefined;
    const body: string[] = [];
    for (let l = bodyStart; l < lines.length; l++) {
      const candidate = mk.stripTabs ? lines[l].replace(/^\t+/, '') : lines[l];
      heredocLines.add(l);
      if (candidate === mk.delimiter) {
        end = l;
        break;
      }
      body.push(lines[l]);
    }
    const h: Heredoc = {
      delimiter: mk.delimiter,
      stripTabs: mk.stripTabs,
      quoted: mk.quoted,
      markerRange: { start: ins.positionAt(mk.start), end: ins.positionAt(mk.end) },
      bodyStartLine: bodyStart,
      endLine: end,
      // One-line bodies would be the line itself, a slice of the document text (see detachedCopy).
      body: body.length === 1 ? detachedCopy(body[0]) : body.join('\n'),
    };
    ins.heredocs.push(h);
    line = end ?? lines.length - 1;
    if (end === undefined) break;
  }
  return Math.max(line, textEndLine);
}

function makeStage(index: number, from: Instruction): Stage {
  const args = from.args;
  const image = args[0];
  let name: Token | undefined;
  if (args.length >= 3 && args[1].value.toUpperCase() === 'AS') name = args[2];
  const platform = from.flags.find((f) => f.name === 'platform')?.value;
  return {
    index,
    from,
    image: image?.value ?? '',
    imageRange: image?.range,
    name: name?.value,
    nameRange: name?.range,
    platform,
    instructions: [],
    endLine: from.endLine,
  };
}
