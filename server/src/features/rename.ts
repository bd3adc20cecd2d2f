// Rename (with prepareRename) for ARG/ENV variables and stage names: every occurrence of the
// symbol is renamed together (see symbolIndex.ts for which occurrences belong together). Things
// that cannot be renamed get an error that says why, in the user's language.
import type { PrepareRenameParams, Range, RenameParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { instructionAtLine, rangeContains } from '../model/query';
import { instructionSpec } from '../model/syntax';
import type { Dockerfile, Position } from '../model/types';
import type { Locale } from '../settings';
import type { Feature, ServerContext } from '../serverContext';
import { safeHandler, userError } from './safeHandler';
import { symbolIndex, type Occurrence, type SymbolIndex } from './symbolIndex';

type Texts = Record<Locale, string>;

const MESSAGES = {
  keyword: (kw: string): Texts => ({
    en: `"${kw}" is a Dockerfile keyword, not a name you chose, so it cannot be renamed. Rename works on ARG/ENV variables and stage names (FROM … AS name).`,
    ko: `"${kw}"은(는) Dockerfile 키워드라서 이름을 바꿀 수 없습니다. 이름 바꾸기는 ARG/ENV 변수와 스테이지 이름(FROM … AS 이름)에만 쓸 수 있습니다.`,
  }),
  flag: (flag: string): Texts => ({
    en: `"${flag}" is an option defined by Docker, so it cannot be renamed. Rename works on ARG/ENV variables and stage names.`,
    ko: `"${flag}"은(는) Docker가 정한 옵션이라 이름을 바꿀 수 없습니다. 이름 바꾸기는 ARG/ENV 변수와 스테이지 이름에만 쓸 수 있습니다.`,
  }),
  undeclared: (name: string): Texts => ({
    en: `$${name} is not declared by an ARG or ENV in this Dockerfile (it comes from the base image, BuildKit or the shell), so there is no declaration to rename with it.`,
    ko: `$${name}은(는) 이 Dockerfile의 ARG나 ENV로 선언되지 않았습니다(베이스 이미지, BuildKit 또는 셸에서 옵니다). 함께 바꿀 선언이 없어 이름을 바꿀 수 없습니다.`,
  }),
  badVariable: (name: string): Texts => ({
    en: `"${name}" is not a valid variable name: use letters, digits and _ and do not start with a digit, or $${name} will not expand.`,
    ko: `"${name}"은(는) 올바른 변수 이름이 아닙니다. 문자, 숫자, _만 쓰고 숫자로 시작하지 마세요. 그렇지 않으면 $${name}이(가) 치환되지 않습니다.`,
  }),
  badStage: (name: string): Texts => ({
    en: `"${name}" is not a valid stage name: start with a letter and use only letters, digits, ".", "_" and "-" (BuildKit rejects other names).`,
    ko: `"${name}"은(는) 올바른 스테이지 이름이 아닙니다. 문자로 시작하고 문자, 숫자, ".", "_", "-"만 쓰세요(BuildKit이 다른 이름은 거부합니다).`,
  }),
  stageTaken: (name: string): Texts => ({
    en: `A stage named "${name}" already exists; two stages with one name would make COPY --from ambiguous.`,
    ko: `"${name}"이라는 스테이지가 이미 있습니다. 같은 이름의 스테이지가 둘이면 COPY --from이 어느 쪽인지 모호해집니다.`,
  }),
};

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const STAGE_NAME = /^[A-Za-z][A-Za-z0-9._-]*$/;

/** The keyword or flag under the position, for a refusal that names it. */
function keywordAt(df: Dockerfile, p: Position): { kind: 'keyword' | 'flag'; text: string } | undefined {
  const ins = instructionAtLine(df, p.line);
  if (!ins) return undefined;
  for (const i of ins.trigger ? [ins, ins.trigger] : [ins]) {
    // Only words Docker defines get the explanation; a misspelt keyword is just not renamable.
    const spec = instructionSpec(i.name);
    if (!spec) continue;
    if (rangeContains(i.keywordRange, p)) return { kind: 'keyword', text: i.keyword };
    for (const f of i.flags) if (rangeContains(f.nameRange, p) && spec.flags.some((s) => s.name === f.name)) return { kind: 'flag', text: `--${f.name}` };
    for (const a of i.args) {
      const upper = a.value.toUpperCase();
      const isKeywordArg = (i.name === 'FROM' && upper === 'AS') || (i.name === 'HEALTHCHECK' && (upper === 'CMD' || upper === 'NONE'));
      if (isKeywordArg && rangeContains(a.range, p)) return { kind: 'keyword', text: a.value };
    }
  }
  return undefined;
}

function renamable(ctx: ServerContext, df: Dockerfile, idx: SymbolIndex, position: Position): Occurrence | undefined {
  const locale = ctx.settings.locale();
  const occ = idx.at(position);
  if (!occ) {
    const kw = keywordAt(df, position);
    if (kw) throw userError((kw.kind === 'keyword' ? MESSAGES.keyword(kw.text) : MESSAGES.flag(kw.text))[locale]);
    return undefined;
  }
  if (!idx.symbols.get(occ.symbol)?.declared) throw userError(MESSAGES.undeclared(occ.name)[locale]);
  return occ;
}

export function prepareRenameFor(ctx: ServerContext, params: PrepareRenameParams): { range: Range; placeholder: string } | null {
  const m = ctx.model(params.textDocument.uri);
  if (!m) return null;
  const idx = symbolIndex(m.df);
  const occ = renamable(ctx, m.df, idx, params.position);
  return occ ? { range: occ.range, placeholder: occ.name } : null;
}

export function renameFor(ctx: ServerContext, params: RenameParams): WorkspaceEdit | null {
  const m = ctx.model(params.textDocument.uri);
  if (!m) return null;
  const idx = symbolIndex(m.df);
  const occ = renamable(ctx, m.df, idx, params.position);
  if (!occ) return null;
  const locale = ctx.settings.locale();
  const newName = params.newName.trim();
  const entry = idx.symbols.get(occ.symbol);
  if (!entry) return null;
  if (occ.kind === 'variable' && !VARIABLE_NAME.test(newName)) throw userError(MESSAGES.badVariable(newName)[locale]);
  if (occ.kind === 'stage') {
    if (!STAGE_NAME.test(newName)) throw userError(MESSAGES.badStage(newName)[locale]);
    const lower = newName.toLowerCase();
    const clash = m.df.stages.some((s) => s.name !== undefined && s.name.toLowerCase() === lower && s.name.toLowerCase() !== occ.name.toLowerCase());
    if (clash) throw userError(MESSAGES.stageTaken(newName)[locale]);
  }
  const edits: TextEdit[] = entry.occurrences.map((o) => ({ range: o.range, newText: newName }));
  return { changes: { [params.textDocument.uri]: edits } };
}

export const renameFeature: Feature = {
  capabilities: (params) => ({ renameProvider: params.capabilities.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true }),
  register(ctx) {
    ctx.connection.onPrepareRename(safeHandler(ctx, 'textDocument/prepareRename', (p: PrepareRenameParams) => prepareRenameFor(ctx, p)));
    ctx.connection.onRenameRequest(safeHandler(ctx, 'textDocument/rename', (p: RenameParams) => renameFor(ctx, p)));
  },
};
