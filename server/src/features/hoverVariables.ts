// Hover texts for `$VAR` references and stage names: where a variable is defined, what it
// resolves to, and why it may be empty; which stage a name refers to. Pure functions over the
// model and model/scope.ts, so they are easy to test and reuse.
import { findVariable, isAutomaticArg, type VariableDefinition } from '../model/scope';
import { findStageByName } from '../model/query';
import { buildArgDoc } from '../docs';
import type { Dockerfile, Instruction, Position, Stage, VariableRef } from '../model/types';
import type { Locale } from '../settings';

const MAX_VALUE = 200;

function shown(value: string): string {
  const v = value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value;
  // Inline code cannot contain a backtick run of the same length; a double-backtick span can.
  return v.includes('`') ? `\`\` ${v} \`\`` : `\`${v}\``;
}

function line(ins: Instruction | undefined): number {
  return (ins?.startLine ?? 0) + 1;
}

function sourceLine(df: Dockerfile, ins: Instruction): string {
  const text = (df.lines[ins.startLine] ?? '').trim();
  return shown(text.length > 120 ? `${text.slice(0, 120)}…` : text);
}

function describeDefinition(df: Dockerfile, d: VariableDefinition, locale: Locale, showWhere = true): string[] {
  const ko = locale === 'ko';
  const out: string[] = [];
  if (d.builtin) {
    out.push(ko ? 'BuildKit이 빌드할 때 값을 정합니다.' : 'Set by BuildKit when the build runs.');
    const doc = buildArgDoc(d.name);
    if (doc) out.push(doc[locale]);
  } else if (d.value !== undefined) {
    out.push(`${ko ? '값' : 'Value'}: ${d.value === '' ? (ko ? '(빈 문자열)' : '(empty string)') : shown(d.value)}`);
  } else {
    out.push(ko ? `기본값이 없습니다. \`--build-arg ${d.name}=…\`로 주지 않으면 빈 문자열입니다.` : `No default: empty unless the build passes \`--build-arg ${d.name}=…\`.`);
  }
  if (d.instruction && showWhere) {
    const where = ko ? `${line(d.instruction)}번 줄에서 정의` : `Defined on line ${line(d.instruction)}`;
    out.push(`${where}: ${sourceLine(df, d.instruction)}`);
  }
  if (d.globalDefault?.instruction) {
    out.push(ko ? `기본값은 ${line(d.globalDefault.instruction)}번 줄의 전역 ARG에서 가져옵니다.` : `Its default comes from the global ARG on line ${line(d.globalDefault.instruction)}.`);
  }
  if (d.inherited) {
    const parent = df.stages[d.stageIndex];
    const name = parent?.name ?? String(d.stageIndex);
    out.push(ko ? `부모 스테이지 \`${name}\`에서 물려받았습니다.` : `Inherited from the parent stage \`${name}\`.`);
  }
  if (d.kind === 'ARG' && !d.builtin && d.value !== undefined) {
    out.push(ko ? '`--build-arg`로 바꿀 수 있습니다. ARG 값은 `docker history`에 보이므로 비밀 정보를 넣지 마세요.' : 'Can be overridden with `--build-arg`. ARG values show in `docker history`: never put secrets in them.');
  }
  if (d.kind === 'ENV') {
    out.push(ko ? 'ENV 값은 이미지에 저장되어 컨테이너에서도 보입니다.' : 'ENV values are stored in the image and visible in containers too.');
  }
  return out;
}

/** Why a name is not visible here, when we can tell. */
function explainUndefined(df: Dockerfile, ref: VariableRef, ins: Instruction, locale: Locale): string[] {
  const ko = locale === 'ko';
  const name = ref.name;
  const out: string[] = [
    ko ? `여기서는 정의되어 있지 않아 **빈 문자열**로 치환됩니다.` : `Not defined here: it expands to an **empty string**.`,
  ];
  if (ref.modifier === ':-' || ref.modifier === '-') out.push(ko ? `\`${ref.modifier}\` 뒤의 기본값이 대신 쓰입니다.` : `The default after \`${ref.modifier}\` is used instead.`);
  if (ins.name === 'FROM') {
    out.push(ko ? `FROM 줄에서는 첫 FROM보다 앞에 선언한 전역 ARG만 쓸 수 있습니다. 파일 맨 위에 \`ARG ${name}=…\`을 두세요.` : `FROM lines only see global ARGs, declared before the first FROM: put \`ARG ${name}=…\` at the top of the file.`);
    return out;
  }
  const global = ins.stageIndex >= 0 ? df.preamble.find((p) => p.name === 'ARG' && p.pairs.some((kv) => kv.key === name)) : undefined;
  if (global) {
    out.push(ko ? `${line(global)}번 줄에 전역 \`ARG ${name}\`이 있지만, FROM 다음에는 보이지 않습니다. 이 스테이지 안에서 \`ARG ${name}\`으로 다시 선언하세요.` : `A global \`ARG ${name}\` exists on line ${line(global)}, but it is not visible after FROM: redeclare it in this stage with \`ARG ${name}\`.`);
  } else if (isAutomaticArg(name)) {
    out.push(ko ? `BuildKit이 자동으로 주는 인자이지만 스테이지 안에서 쓰려면 먼저 \`ARG ${name}\`을 선언해야 합니다.` : `BuildKit provides it automatically, but a stage must declare \`ARG ${name}\` before using it.`);
    const doc = buildArgDoc(name);
    if (doc) out.push(doc[locale]);
  } else {
    const later = df.instructions.find((i) => i.index > ins.index && i.stageIndex === ins.stageIndex && (i.name === 'ARG' || i.name === 'ENV') && i.pairs.some((kv) => kv.key === name));
    if (later) out.push(ko ? `${line(later)}번 줄에서 정의되지만, 그보다 앞인 여기서는 아직 보이지 않습니다.` : `It is defined on line ${line(later)}, which comes after this use.`);
    else {
      const similar = nearName(df, name);
      if (similar) out.push(ko ? `혹시 \`${similar}\`의 오타인가요?` : `Did you mean \`${similar}\`?`);
    }
  }
  return out;
}

/** A declared name one edit away (a typo like NODE_VESION for NODE_VERSION). */
function nearName(df: Dockerfile, name: string): string | undefined {
  const names = new Set<string>();
  for (const i of df.instructions) if (i.name === 'ARG' || i.name === 'ENV') for (const kv of i.pairs) names.add(kv.key);
  for (const n of names) if (n !== name && editDistanceAtMostOne(n, name)) return n;
  return undefined;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Markdown for a `$VAR` reference at `position` in `ins`. */
export function variableHover(df: Dockerfile, ins: Instruction, ref: VariableRef, position: Position, locale: Locale): string {
  const def = findVariable(df, position, ref.name);
  const kind = def ? ` — ${def.kind}` : '';
  const head = `**\$${ref.name}**${kind}`;
  const body = def ? describeDefinition(df, def, locale) : explainUndefined(df, ref, ins, locale);
  return [head, ...body].join('\n\n');
}

/** Markdown for the key of an ARG/ENV pair (the declaration itself). */
export function declarationHover(df: Dockerfile, ins: Instruction, key: string, locale: Locale): string | undefined {
  const ko = locale === 'ko';
  const after = ins.range.end;
  const def = findVariable(df, { line: after.line + 1, character: 0 }, key);
  const parts: string[] = [`**${key}** — ${ins.name}`];
  if (def && def.instruction === ins) parts.push(...describeDefinition(df, def, locale, false));
  else if (buildArgDoc(key)) parts.push(buildArgDoc(key)![locale]);
  if (ins.name === 'ARG' && ins.stageIndex < 0) {
    parts.push(ko ? '전역 ARG입니다. FROM 줄에서 쓸 수 있고, 스테이지 안에서 쓰려면 그 스테이지에서 다시 선언해야 합니다.' : 'A global ARG: usable in FROM lines; a stage must redeclare it to use it.');
  }
  return parts.length > 1 ? parts.join('\n\n') : undefined;
}

function stageSummary(df: Dockerfile, stage: Stage, locale: Locale): string {
  const ko = locale === 'ko';
  const label = stage.name ? `\`${stage.name}\`` : `#${stage.index}`;
  const head = ko ? `**스테이지 ${label}** (${stage.index}번, ${line(stage.from)}번 줄)` : `**Stage ${label}** (index ${stage.index}, line ${line(stage.from)})`;
  const base = ko ? `베이스: ${shown(stage.image)}` : `Base: ${shown(stage.image)}`;
  const last = stage.index === df.stages.length - 1;
  const role = last
    ? ko ? '마지막 스테이지라서 빌드 결과 이미지가 됩니다.' : 'The last stage: it becomes the built image.'
    : ko ? '중간 스테이지입니다. 다른 스테이지가 가져다 쓰지 않으면 최종 이미지에 들어가지 않습니다.' : 'An intermediate stage: nothing from it reaches the final image unless another stage copies or builds on it.';
  return [head, base, role].join('\n\n');
}

/** Markdown for a stage reference (`COPY --from=x`, `FROM x`, `RUN --mount=from=x`). */
export function stageReferenceHover(df: Dockerfile, name: string, currentStage: number, locale: Locale): string | undefined {
  const ko = locale === 'ko';
  const stage = /^\d+$/.test(name) ? df.stages[Number(name)] : findStageByName(df, name, currentStage < 0 ? undefined : currentStage);
  if (stage && (currentStage < 0 || stage.index < currentStage)) return stageSummary(df, stage, locale);
  const later = findStageByName(df, name);
  if (later) return ko ? `**\`${name}\`**: 이 스테이지는 ${line(later.from)}번 줄, 즉 여기보다 뒤에 정의되어 있습니다. 스테이지는 앞에 정의된 것만 참조할 수 있습니다.` : `**\`${name}\`**: this stage is defined on line ${line(later.from)}, after this point. Only stages defined above can be referenced.`;
  return undefined;
}

/** Markdown for the stage a FROM line declares (hover on its `AS name`). */
export function stageDeclarationHover(df: Dockerfile, stage: Stage, locale: Locale): string {
  const ko = locale === 'ko';
  const name = stage.name?.toLowerCase();
  const mountsFrom = (value: string | undefined): boolean => !!value && value.split(',').some((field) => field.trim().toLowerCase() === `from=${name}`);
  const users = df.instructions.filter(
    (i) =>
      i.stageIndex > stage.index &&
      ((i.name === 'COPY' && i.flags.some((f) => f.name === 'from' && f.value?.toLowerCase() === name)) ||
        (i.name === 'RUN' && i.flags.some((f) => f.name === 'mount' && mountsFrom(f.value))) ||
        (i.name === 'FROM' && df.stages[i.stageIndex]?.image.toLowerCase() === name)),
  );
  const used = users.length
    ? ko ? `사용하는 곳: ${users.map((u) => `${line(u)}번 줄`).join(', ')}` : `Used on line${users.length > 1 ? 's' : ''} ${users.map(line).join(', ')}`
    : ko ? '아직 다른 스테이지에서 쓰지 않습니다.' : 'Not used by any later stage yet.';
  return [stageSummary(df, stage, locale), used].join('\n\n');
}
