// Signature help: the syntax forms of the instruction under the cursor (docs/signatures.ts, plus
// a `[--flag]` parameter per flag from syntax.ts), the form that matches what is written (exec
// form after `[`, `HEALTHCHECK NONE`), and the active parameter from the token index. Triggered
// on space; served from the cached model.
import type { ParameterInformation, SignatureHelp, SignatureHelpParams, SignatureInformation } from 'vscode-languageserver/node';
import { MarkupKind } from 'vscode-languageserver/node';
import { comparePositions, instructionAtLine, rangeContains } from '../model/query';
import { instructionSpec } from '../model/syntax';
import type { Instruction, Position } from '../model/types';
import type { Locale } from '../settings';
import type { Feature, ServerContext } from '../serverContext';
import { FLAG_DOCS, SIGNATURES, type Text } from '../docs';
import type { SignatureForm } from '../docs/signatures';
import { safeHandler } from './safeHandler';

interface BuiltForm {
  info: SignatureInformation;
  /** Parameter index of each flag name. */
  flagParams: Map<string, number>;
  /** Index of the first positional parameter. */
  firstPositional: number;
  form: SignatureForm;
}

const VALUE_HINT: Record<string, string> = {
  platform: '<platform>',
  stage: '<stage>',
  chown: '<user>:<group>',
  chmod: '<perms>',
  mount: '<type>,…',
  duration: '<duration>',
  integer: '<n>',
  string: '<value>',
};

function md(value: string): { kind: typeof MarkupKind.Markdown; value: string } {
  return { kind: MarkupKind.Markdown, value };
}

function buildForm(name: string, form: SignatureForm, locale: Locale): BuiltForm {
  const params: ParameterInformation[] = [];
  const flagParams = new Map<string, number>();
  let label = name;
  const add = (text: string, doc: Text | undefined): void => {
    label += ' ';
    const start = label.length;
    label += text;
    params.push({ label: [start, label.length], documentation: doc ? md(doc[locale]) : undefined });
  };
  if (form.flags) {
    for (const f of instructionSpec(name)?.flags ?? []) {
      const hint = f.kind === 'boolean' ? '' : f.kind === 'enum' ? `=${(f.values ?? []).join('|')}` : `=${VALUE_HINT[f.kind] ?? '<value>'}`;
      flagParams.set(f.name, params.length);
      add(`[--${f.name}${hint}]`, FLAG_DOCS[name]?.[f.name]?.summary);
    }
  }
  const firstPositional = params.length;
  for (const p of form.params) add(p.label, p.doc);
  return { info: { label, documentation: md(form.doc[locale]), parameters: params }, flagParams, firstPositional, form };
}

/** Which form matches what is written so far. */
function chooseForm(ins: Instruction, forms: SignatureForm[]): number {
  const first = ins.args[0];
  if (first) {
    const keyword = forms.findIndex((f) => f.keyword && f.keyword === first.value.toUpperCase());
    if (keyword >= 0) return keyword;
    if (ins.looksLikeJson) {
      const exec = forms.findIndex((f) => f.exec);
      if (exec >= 0) return exec;
    }
  }
  const plain = forms.findIndex((f) => !f.keyword && (!f.exec || forms.every((g) => g.exec || g.keyword)));
  // With nothing typed, offer the preferred (first) form; once arguments exist, a non-JSON
  // argument list means the shell/plain form.
  if (!first) return 0;
  return plain >= 0 ? plain : 0;
}

/** Positional parameter for argument `argIndex` of `argCount`, honouring one repeating param. */
function positionalParam(form: SignatureForm, argIndex: number, argCount: number): number {
  const params = form.params;
  // The whole JSON array is one parameter, whatever the number of words in it.
  if (form.exec) return 0;
  const rest = params.findIndex((p) => p.rest);
  if (rest < 0) return Math.min(argIndex, params.length - 1);
  if (argIndex < rest) return argIndex;
  const tail = params.length - 1 - rest;
  if (tail > 0 && argCount > rest + 1 && argIndex >= argCount - tail) return params.length - (argCount - argIndex);
  return rest;
}

function activeParameter(ins: Instruction, built: BuiltForm, position: Position): number {
  const tokens = ins.tokens;
  let index = tokens.findIndex((t) => rangeContains(t.range, position));
  const typingNew = index < 0;
  if (typingNew) index = tokens.filter((t) => comparePositions(t.range.end, position) < 0).length;
  const token = typingNew ? undefined : tokens[index];
  // A flag, or the `-`/`--` of one being typed right after the flags.
  if (token && token.raw.startsWith('-') && index <= ins.flags.length) {
    const name = token.raw.replace(/^-+/, '').split('=')[0].toLowerCase();
    const exact = built.flagParams.get(name);
    if (exact !== undefined) return exact;
    for (const [flag, i] of built.flagParams) if (name && flag.startsWith(name)) return i;
    return built.flagParams.size ? [...built.flagParams.values()][0] : built.firstPositional;
  }
  const argIndex = Math.max(0, index - ins.flags.length);
  const argCount = Math.max(ins.args.length + (typingNew ? 1 : 0), argIndex + 1);
  return built.firstPositional + positionalParam(built.form, argIndex, argCount);
}

export function signatureHelpAt(ctx: ServerContext, params: SignatureHelpParams): SignatureHelp | null {
  const m = ctx.model(params.textDocument.uri);
  if (!m) return null;
  const position = params.position;
  let ins = instructionAtLine(m.df, position.line);
  if (!ins || position.line > ins.textEndLine) return null;
  if (ins.trigger && comparePositions(position, ins.trigger.keywordRange.end) > 0) ins = ins.trigger;
  // On the keyword itself (still typing it) there is nothing to help with yet.
  if (comparePositions(position, ins.keywordRange.end) <= 0) return null;
  const forms = SIGNATURES[ins.name];
  if (!forms) return null;
  const locale = ctx.settings.locale();
  const built = forms.map((f) => buildForm(ins.name, f, locale));
  const active = chooseForm(ins, forms);
  return { signatures: built.map((b) => b.info), activeSignature: active, activeParameter: activeParameter(ins, built[active], position) };
}

export const signatureHelpFeature: Feature = {
  capabilities: () => ({ signatureHelpProvider: { triggerCharacters: [' '], retriggerCharacters: [' ', '='] } }),
  register(ctx) {
    ctx.connection.onSignatureHelp(safeHandler(ctx, 'textDocument/signatureHelp', (p: SignatureHelpParams) => signatureHelpAt(ctx, p)));
  },
};
