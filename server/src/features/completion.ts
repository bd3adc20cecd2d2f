// Completion, served from the cached model (no parsing, no network): instruction keywords with
// snippet bodies in the file's own keyword case, parser directives at the top, the flags of the
// instruction after `-`, flag values (`--mount=` types and per-type keys, `--network=`,
// `--platform=`, `--chmod=`, `--from=` stages…), variables in scope after `$`/`${` with their
// values, earlier stage names after `FROM `, ONBUILD triggers and HEALTHCHECK CMD/NONE.
// Image-tag lookups would need the network; the allowNetwork setting exists but nothing here
// uses it yet.
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  type CompletionItem,
  type CompletionParams,
  type Range,
} from 'vscode-languageserver/node';
import { comparePositions, instructionAtLine } from '../model/query';
import { variablesInScope, type VariableDefinition } from '../model/scope';
import { AUTOMATIC_PLATFORM_ARGS, DIRECTIVES, INSTRUCTIONS, MOUNT_TYPES, instructionSpec, type FlagSpec, type InstructionSpec } from '../model/syntax';
import type { Dockerfile, Instruction, Position } from '../model/types';
import type { Feature, ServerContext } from '../serverContext';
import { safeHandler } from './safeHandler';

export const COMMON_PLATFORMS = ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/arm/v6', 'linux/386', 'linux/ppc64le', 'linux/s390x', 'linux/riscv64', 'windows/amd64'];
const PLATFORM_VARIABLES = ['$BUILDPLATFORM', '$TARGETPLATFORM'];
const CHMOD_VALUES = ['755', '644', '600', '700', '775', '664', '555', '444', '400', '0755', '0644'];
const NOT_TRIGGERS = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);
const ORDER = ['FROM', 'RUN', 'COPY', 'WORKDIR', 'ENV', 'ARG', 'CMD', 'ENTRYPOINT', 'EXPOSE', 'USER', 'LABEL', 'ADD', 'VOLUME', 'HEALTHCHECK', 'SHELL', 'STOPSIGNAL', 'ONBUILD', 'MAINTAINER'];

interface Request {
  df: Dockerfile;
  position: Position;
  line: string;
  /** Cursor column in `line`. */
  ch: number;
  snippets: boolean;
}

const styleCache = new WeakMap<Dockerfile, boolean>();

/** Whether the file writes keywords in lower case (most known keywords lower-case), cached per model. */
function lowerCaseStyle(df: Dockerfile): boolean {
  let style = styleCache.get(df);
  if (style === undefined) {
    let upper = 0;
    let lower = 0;
    for (const ins of df.instructions) {
      if (!instructionSpec(ins.name)) continue;
      if (ins.keyword === ins.name) upper++;
      else if (ins.keyword === ins.name.toLowerCase()) lower++;
    }
    style = lower > upper;
    styleCache.set(df, style);
  }
  return style;
}

function styled(df: Dockerfile, word: string): string {
  return lowerCaseStyle(df) ? word.toLowerCase() : word;
}

function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** Where the word under the cursor starts (words end at whitespace). */
function wordStartOf(line: string, ch: number): number {
  let s = ch;
  while (s > 0 && line[s - 1] !== ' ' && line[s - 1] !== '\t') s--;
  return s;
}

function extendWhile(line: string, from: number, re: RegExp): number {
  let e = from;
  while (e < line.length && re.test(line[e])) e++;
  return e;
}

function sortKey(name: string): string {
  const i = ORDER.indexOf(name);
  return String(i < 0 ? 99 : i).padStart(2, '0');
}

function keywordItems(r: Request, specs: InstructionSpec[], replace: Range): CompletionItem[] {
  return specs.map((spec) => {
    const kw = styled(r.df, spec.name);
    const item: CompletionItem = {
      label: kw,
      kind: CompletionItemKind.Keyword,
      sortText: sortKey(spec.name),
      filterText: kw,
      data: { kind: 'instruction', name: spec.name },
    };
    if (spec.deprecated) item.tags = [CompletionItemTag.Deprecated];
    if (r.snippets) {
      item.insertTextFormat = InsertTextFormat.Snippet;
      item.textEdit = { range: replace, newText: `${kw} ${spec.snippet}` };
    } else {
      item.textEdit = { range: replace, newText: `${kw} ` };
    }
    return item;
  });
}

function directiveItems(df: Dockerfile, line: number, replace: Range, withHash: boolean, snippets: boolean): CompletionItem[] {
  const present = new Set(df.directives.filter((d) => d.line !== line).map((d) => d.name));
  return DIRECTIVES.filter((d) => !present.has(d.name)).map((d) => {
    const plain = `${d.name}=${d.values?.[0] ?? ''}`;
    const body = snippets ? d.snippet : plain;
    return {
      label: withHash ? `# ${d.name}=` : `${d.name}=`,
      kind: CompletionItemKind.Property,
      detail: 'parser directive',
      sortText: `00${d.name}`,
      insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range: replace, newText: withHash ? `# ${body}` : body },
      data: { kind: 'directive', name: d.name },
    };
  });
}

function valueItems(values: string[], replace: Range, kind: CompletionItemKind, detail?: string): CompletionItem[] {
  return values.map((v, i) => ({ label: v, kind, detail, sortText: String(i).padStart(3, '0'), textEdit: { range: replace, newText: v } }));
}

/** Stage names defined before the given stage index (what FROM and --from may name). */
function earlierStageNames(df: Dockerfile, beforeStage: number): string[] {
  const out: string[] = [];
  for (const s of df.stages) {
    if (s.index >= beforeStage) break;
    if (s.name) out.push(s.name);
  }
  return out;
}

function stageItems(df: Dockerfile, beforeStage: number, replace: Range): CompletionItem[] {
  return earlierStageNames(df, beforeStage).map((name) => ({
    label: name,
    kind: CompletionItemKind.Reference,
    detail: 'build stage',
    sortText: `0${name}`,
    textEdit: { range: replace, newText: name },
  }));
}

function variableDetail(v: VariableDefinition): string {
  if (v.builtin) return `${v.kind} set by BuildKit at build time`;
  if (v.value === undefined) return `${v.kind} ${v.name} (no default: set with --build-arg)`;
  return `${v.kind} ${v.name}=${v.value}`;
}

function variableItems(r: Request, nameStart: number, braced: boolean): CompletionItem[] {
  const end = extendWhile(r.line, r.ch, /[A-Za-z0-9_]/);
  const closing = braced && r.line[end] !== '}' ? '}' : '';
  const replace = range(r.position.line, nameStart, end);
  return variablesInScope(r.df, r.position).map((v) => ({
    label: v.name,
    kind: CompletionItemKind.Variable,
    detail: variableDetail(v),
    documentation: v.range ? `Defined on line ${v.range.start.line + 1}${v.inherited ? ' (parent stage)' : ''}.` : undefined,
    sortText: v.builtin ? `1${v.name}` : `0${v.name}`,
    textEdit: { range: replace, newText: v.name + closing },
  }));
}

function takesValue(f: FlagSpec): boolean {
  return f.kind !== 'none' && f.kind !== 'boolean';
}

function hasValueSuggestions(f: FlagSpec): boolean {
  return f.kind === 'enum' || f.kind === 'platform' || f.kind === 'stage' || f.kind === 'mount' || f.kind === 'chmod';
}

function flagItems(r: Request, ins: Instruction, spec: InstructionSpec, wordStart: number, current: string | undefined): CompletionItem[] {
  const present = new Set(ins.flags.map((f) => f.name));
  if (current !== undefined) present.delete(current);
  const end = extendWhile(r.line, r.ch, /[A-Za-z-]/);
  const hasEquals = r.line[end] === '=';
  const replace = range(r.position.line, wordStart, end);
  const out: CompletionItem[] = [];
  for (const f of spec.flags) {
    if (present.has(f.name) && !f.repeatable) continue;
    const withValue = takesValue(f) && !hasEquals;
    const item: CompletionItem = {
      label: `--${f.name}`,
      kind: CompletionItemKind.Property,
      detail: f.example ? `--${f.name}=${f.example}` : undefined,
      sortText: `0${f.name}`,
      textEdit: { range: replace, newText: `--${f.name}${withValue ? '=' : ''}` },
      data: { kind: 'flag', instruction: spec.name, name: f.name },
    };
    if (withValue && hasValueSuggestions(f)) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
    out.push(item);
  }
  return out;
}

function mountItems(r: Request, ins: Instruction, valueStart: number): CompletionItem[] {
  const value = r.line.slice(valueStart, r.ch);
  const fieldStart = valueStart + value.lastIndexOf(',') + 1;
  const field = r.line.slice(fieldStart, r.ch);
  const fieldEnd = extendWhile(r.line, r.ch, /[^,\s]/);
  const whole = r.line.slice(valueStart, extendWhile(r.line, valueStart, /\S/));
  const typeMatch = /(?:^|,)type=([a-z]+)/.exec(whole);
  const type = MOUNT_TYPES.find((t) => t.type === (typeMatch?.[1] ?? 'bind'));
  const eq = field.indexOf('=');
  if (eq >= 0) {
    const key = field.slice(0, eq).toLowerCase();
    const replace = range(r.position.line, fieldStart + eq + 1, fieldEnd);
    if (key === 'type') return valueItems(MOUNT_TYPES.map((t) => t.type), replace, CompletionItemKind.EnumMember, 'mount type');
    const spec = type?.keys.find((k) => k.name === key);
    if (key === 'from') return stageItems(r.df, ins.stageIndex < 0 ? 0 : ins.stageIndex, replace);
    if (spec?.kind === 'enum' && spec.values) return valueItems(spec.values, replace, CompletionItemKind.EnumMember);
    if (spec?.kind === 'boolean') return valueItems(['true', 'false'], replace, CompletionItemKind.Value);
    return [];
  }
  const present = new Set(whole.split(',').map((f) => f.split('=')[0].toLowerCase()));
  present.delete(field.toLowerCase());
  const keyEnd = extendWhile(r.line, r.ch, /[A-Za-z-]/);
  const replace = range(r.position.line, fieldStart, keyEnd);
  const keys = [...(typeMatch ? [] : [{ name: 'type', required: true }]), ...(type?.keys ?? [])];
  return keys
    .filter((k) => !present.has(k.name))
    .map((k, i) => ({
      label: `${k.name}=`,
      kind: CompletionItemKind.Property,
      detail: `${type ? `type=${type.type}` : 'mount'} key${k.required ? ' (required)' : ''}`,
      sortText: `${k.required ? '0' : '1'}${String(i).padStart(2, '0')}`,
      textEdit: { range: replace, newText: `${k.name}=` },
      command: k.name === 'type' || k.name === 'sharing' || k.name === 'from' ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
    }));
}

function flagValueItems(r: Request, ins: Instruction, spec: FlagSpec, valueStart: number): CompletionItem[] {
  if (spec.kind === 'mount') return mountItems(r, ins, valueStart);
  const replace = range(r.position.line, valueStart, extendWhile(r.line, r.ch, /\S/));
  switch (spec.kind) {
    case 'enum':
      return valueItems(spec.values ?? [], replace, CompletionItemKind.EnumMember);
    case 'platform':
      return [...valueItems(COMMON_PLATFORMS, replace, CompletionItemKind.EnumMember, 'platform'), ...valueItems(PLATFORM_VARIABLES, replace, CompletionItemKind.Variable, 'set by BuildKit')];
    case 'stage':
      return stageItems(r.df, ins.stageIndex < 0 ? 0 : ins.stageIndex, replace);
    case 'chmod':
      return valueItems(CHMOD_VALUES, replace, CompletionItemKind.Value, 'permission bits');
    case 'boolean':
      return valueItems(['true', 'false'], replace, CompletionItemKind.Value);
    default:
      return spec.example && !spec.example.includes('…') ? valueItems([spec.example], replace, CompletionItemKind.Value, 'example') : [];
  }
}

/** Completion inside an instruction's arguments (or an ONBUILD trigger's). */
function argumentItems(r: Request, ins: Instruction): CompletionItem[] {
  const line = r.position.line;
  const wordStart = wordStartOf(r.line, r.ch);
  const word = r.line.slice(wordStart, r.ch);

  const v = /\$(\{?)([A-Za-z_][A-Za-z0-9_]*)?$/.exec(word);
  if (v && r.line[wordStart + v.index - 1] !== r.df.escapeChar) {
    return variableItems(r, wordStart + v.index + 1 + v[1].length, v[1] === '{');
  }

  const wordPos: Position = { line, character: wordStart };
  const before = ins.tokens.filter((t) => comparePositions(t.range.end, wordPos) < 0 || (comparePositions(t.range.end, wordPos) === 0 && comparePositions(t.range.start, wordPos) < 0));
  const inFlagZone = before.every((t) => t.raw.startsWith('--'));
  const spec = instructionSpec(ins.name);

  if (inFlagZone && spec && word.startsWith('-')) {
    const fv = /^--([A-Za-z-]+)=/.exec(word);
    if (fv) {
      const flag = spec.flags.find((f) => f.name === fv[1].toLowerCase());
      return flag ? flagValueItems(r, ins, flag, wordStart + fv[0].length) : [];
    }
    const currentFlag = /^--([A-Za-z-]*)/.exec(r.line.slice(wordStart))?.[1];
    return flagItems(r, ins, spec, wordStart, currentFlag);
  }

  const argIndex = before.filter((t) => !t.raw.startsWith('--')).length;
  const replace = range(line, wordStart, extendWhile(r.line, r.ch, /\S/));
  switch (ins.name) {
    case 'FROM': {
      if (argIndex === 0) {
        const items = stageItems(r.df, ins.stageIndex < 0 ? 0 : ins.stageIndex, replace);
        if (word === '' && !ins.flags.some((f) => f.name === 'platform')) {
          items.push({ label: '--platform=', kind: CompletionItemKind.Property, sortText: '1platform', textEdit: { range: replace, newText: '--platform=' }, command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } });
        }
        return items;
      }
      if (argIndex === 1) return [{ label: styled(r.df, 'AS'), kind: CompletionItemKind.Keyword, textEdit: { range: replace, newText: `${styled(r.df, 'AS')} ` } }];
      return [];
    }
    case 'HEALTHCHECK': {
      if (argIndex > 0) return [];
      return ['CMD', 'NONE'].map((kw) => ({ label: styled(r.df, kw), kind: CompletionItemKind.Keyword, textEdit: { range: replace, newText: kw === 'CMD' ? `${styled(r.df, kw)} ` : styled(r.df, kw) } }));
    }
    case 'ARG': {
      if (argIndex > 0 || ins.stageIndex < 0) return [];
      // Inside a stage, offer the global ARGs and BuildKit's platform args the stage has not redeclared.
      const declared = new Set(r.df.stages[ins.stageIndex]?.instructions.filter((i) => i.name === 'ARG').flatMap((i) => i.pairs.map((p) => p.key)) ?? []);
      const globals = r.df.preamble.filter((i) => i.name === 'ARG').flatMap((i) => i.pairs.map((p) => ({ name: p.key, detail: p.value !== undefined ? `global ARG, default ${p.value}` : 'global ARG' })));
      const automatic = AUTOMATIC_PLATFORM_ARGS.map((name) => ({ name, detail: 'set by BuildKit' }));
      const seen = new Set<string>();
      return [...globals, ...automatic]
        .filter((a) => !declared.has(a.name) && !seen.has(a.name) && seen.add(a.name))
        .map((a, i) => ({ label: a.name, kind: CompletionItemKind.Variable, detail: a.detail, sortText: String(i).padStart(3, '0'), textEdit: { range: replace, newText: a.name } }));
    }
    default:
      return [];
  }
}

export function completionsFor(df: Dockerfile, position: Position, snippets: boolean): CompletionItem[] {
  const lineNo = position.line;
  if (lineNo < 0 || lineNo >= df.lines.length || df.heredocLines.has(lineNo)) return [];
  const line = df.lines[lineNo];
  // The model's first line has no byte-order mark; the client's positions may count it.
  const shift = df.hasBom && lineNo === 0 ? 1 : 0;
  const ch = Math.max(0, Math.min(position.character - shift, line.length));
  const r: Request = { df, position: { line: lineNo, character: ch }, line, ch, snippets };
  const prefix = line.slice(0, ch);

  // Parser directives live only in the very first lines, before any comment or instruction.
  const atTop = lineNo <= df.directives.length && (df.instructions.length === 0 || df.instructions[0].startLine >= lineNo);
  if (atTop) {
    const name = /^(\s*)#\s*([A-Za-z]*)$/.exec(prefix);
    if (name) {
      const start = prefix.length - name[2].length;
      return directiveItems(df, lineNo, range(lineNo, start, extendWhile(line, ch, /[A-Za-z=]/)), false, snippets);
    }
    const value = /^\s*#\s*(syntax|escape|check)\s*=\s*(\S*)$/i.exec(prefix);
    if (value) {
      const d = DIRECTIVES.find((x) => x.name === value[1].toLowerCase());
      return valueItems(d?.values ?? [], range(lineNo, ch - value[2].length, extendWhile(line, ch, /\S/)), CompletionItemKind.Value);
    }
  }
  if (/^\s*#/.test(prefix)) return [];

  const ins = instructionAtLine(df, lineNo);
  const keywordPart = /^\s*([A-Za-z]*)$/.exec(prefix);
  if (!ins || (lineNo === ins.startLine && ch <= ins.keywordRange.end.character)) {
    if (!keywordPart) return [];
    const start = prefix.length - keywordPart[1].length;
    const replace = range(lineNo, start, extendWhile(line, ch, /[A-Za-z]/));
    const inStage = df.stages.length > 0 && df.stages[0].from.startLine < lineNo;
    const specs = inStage ? INSTRUCTIONS : INSTRUCTIONS.filter((s) => s.name === 'FROM' || s.name === 'ARG');
    const items = keywordItems(r, specs, replace);
    if (atTop && keywordPart[1] === '') items.push(...directiveItems(df, lineNo, replace, true, snippets));
    return items;
  }
  if (ins.name === 'ONBUILD') {
    const trigger = ins.trigger;
    const pos: Position = { line: lineNo, character: ch };
    if (!trigger || comparePositions(pos, trigger.keywordRange.end) <= 0) {
      const start = wordStartOf(line, ch);
      const triggerPart = /^[A-Za-z]*$/.test(line.slice(start, ch));
      if (!triggerPart || comparePositions(pos, ins.keywordRange.end) <= 0) return [];
      const replace = range(lineNo, start, extendWhile(line, ch, /[A-Za-z]/));
      return keywordItems(r, INSTRUCTIONS.filter((s) => !NOT_TRIGGERS.has(s.name)), replace);
    }
    return argumentItems(r, trigger);
  }
  return argumentItems(r, ins);
}

// Whether the client can take snippet bodies; learnt from the initialize request.
let snippetSupport = false;

export const completionFeature: Feature = {
  capabilities: (params) => {
    snippetSupport = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    return { completionProvider: { triggerCharacters: [' ', '-', '=', '$', '{', ',', '#'], resolveProvider: false } };
  },
  register(ctx: ServerContext) {
    ctx.connection.onCompletion(
      safeHandler(ctx, 'textDocument/completion', (p: CompletionParams) => {
        const m = ctx.model(p.textDocument.uri);
        return m ? completionsFor(m.df, p.position, snippetSupport) : [];
      }),
    );
  },
};
