// Studio rule: a RUN deletes a path that an earlier instruction of the stage created or copied.
// The file is gone from the final filesystem, but its bytes stay in the earlier layer.
import { effectiveCommand } from '../../model/shell';
import type { Instruction } from '../../model/types';
import type { LayerFact } from '../config';
import { scriptRange } from '../context';
import type { Rule, RuleContext } from '../types';
import { trimEndWhere } from '../textTrim';
// The client's formatter (no vscode import): the figure reads exactly like the layer lenses'.
import { formatBytes } from '../../../../client/src/docker/layers/formatBytes';

function normalize(path: string, workdir: string): string {
  const abs = path.startsWith('/') ? path : `${workdir.replace(/\/$/, '')}/${path}`;
  const parts: string[] = [];
  for (const seg of abs.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

/**
 * What the last layer analysis measured for a deleted path: the wasted files at or under it that
 * an earlier instruction of this stage added (lines before the deleting RUN, from the stage on).
 */
function measured(facts: readonly LayerFact[] | undefined, target: string, fromLine: number, beforeLine: number): { bytes: number; lines: number[] } | undefined {
  if (!facts?.length) return undefined;
  let bytes = 0;
  const lines = new Set<number>();
  for (const f of facts) {
    const path = normalize(f.path, '/');
    if (path !== target && !path.startsWith(target + '/')) continue;
    if (f.addedAtLine < fromLine || f.addedAtLine >= beforeLine) continue;
    bytes += f.bytes;
    lines.add(f.addedAtLine);
  }
  return lines.size ? { bytes, lines: [...lines].sort((a, b) => a - b) } : undefined;
}

interface Created {
  path: string;
  line: number;
  how: string;
}

/** Programs whose output path `runCreates` can read. */
const CREATORS = new Set(['wget', 'curl', 'fallocate', 'touch', 'truncate', 'dd', 'git']);

/**
 * Paths created so far in a stage, looked up by exact path or by an ancestor directory (deleting
 * `/app` removes `/app/x`). Indexes every ancestor, so a lookup costs one map read however many
 * paths the stage created.
 */
class CreatedPaths {
  private readonly byPathOrAncestor = new Map<string, Created>();

  add(c: Created): void {
    // The first creation of a path (or of something under a directory) is the one reported.
    if (!this.byPathOrAncestor.has(c.path)) this.byPathOrAncestor.set(c.path, c);
    for (let slash = c.path.lastIndexOf('/'); slash > 0; slash = c.path.lastIndexOf('/', slash - 1)) {
      const dir = c.path.slice(0, slash);
      if (!this.byPathOrAncestor.has(dir)) this.byPathOrAncestor.set(dir, c);
    }
  }

  /** The first path created at or under `target`. */
  find(target: string): Created | undefined {
    return this.byPathOrAncestor.get(target);
  }
}

/** Paths a RUN creates with commands whose output path is explicit. */
function runCreates(ctx: RuleContext, ins: Instruction, workdir: string): Created[] {
  const out: Created[] = [];
  for (const cmd of ctx.shellOf(ins)) {
    const { program, args } = effectiveCommand(cmd);
    if (!CREATORS.has(program)) continue;
    const v = args.map((a) => a.value);
    const add = (p: string | undefined, how: string): void => {
      if (p && !p.startsWith('-') && p !== '/dev/null') out.push({ path: normalize(p, workdir), line: ins.startLine, how });
    };
    if (program === 'wget') {
      const i = v.findIndex((a) => a === '-O' || a === '--output-document');
      if (i >= 0) add(v[i + 1], 'wget');
      const eq = v.find((a) => a.startsWith('--output-document=') || (a.startsWith('-O') && a.length > 2));
      if (eq) add(eq.replace(/^--output-document=|^-O/, ''), 'wget');
    } else if (program === 'curl') {
      const i = v.findIndex((a) => a === '-o' || a === '--output');
      if (i >= 0) add(v[i + 1], 'curl');
    } else if (program === 'fallocate' || program === 'touch' || program === 'truncate') add(v[v.length - 1], program);
    else if (program === 'dd') add(v.find((a) => a.startsWith('of='))?.slice(3), 'dd');
    else if (program === 'git' && v[0] === 'clone') {
      const rest = v.slice(1).filter((a) => !a.startsWith('-'));
      if (rest.length >= 2) add(rest[1], 'git clone');
    }
  }
  return out;
}

export const deletedInLaterLayer: Rule = {
  meta: {
    id: 'deleted-in-later-layer',
    aliases: [],
    severity: 'warning',
    source: 'studio',
    title: { en: 'Deleting in a later layer does not shrink the image', ko: '나중 레이어에서 지워도 이미지는 줄지 않습니다' },
    why: {
      en: 'Every RUN, COPY and ADD adds a read-only layer. Deleting a file in a later RUN only hides it: its bytes stay in the layer that added it and are still downloaded. Delete it in the same RUN that creates it, or keep it out of the final stage.',
      ko: 'RUN, COPY, ADD는 각각 읽기 전용 레이어를 추가합니다. 나중 RUN에서 파일을 지우면 숨겨질 뿐, 그 파일을 추가한 레이어에 바이트가 남아 여전히 내려받아집니다. 만든 RUN 안에서 지우거나 최종 스테이지에 넣지 마세요.',
    },
    bad: 'FROM ubuntu:22.04\nRUN mkdir /test && fallocate -l 100m /test/dummy\nRUN rm /test/dummy',
    good: 'FROM ubuntu:22.04\nRUN mkdir /test && fallocate -l 100m /test/dummy && rm /test/dummy',
  },
  check(ctx, report) {
    for (const stage of ctx.df.stages) {
      let workdir = '/';
      const created = new CreatedPaths();
      for (const ins of stage.instructions) {
        if (ins.name === 'WORKDIR' && ins.args[0] && !ins.args[0].value.includes('$')) workdir = normalize(ins.args[0].value, workdir);
        if ((ins.name === 'COPY' || ins.name === 'ADD') && !ins.json && ins.args.length >= 2) {
          const dest = ins.args[ins.args.length - 1].value;
          if (dest.includes('$')) continue;
          const sources = ins.args.slice(0, -1).map((t) => t.value).filter((s) => !s.startsWith('<<'));
          const destDir = dest.endsWith('/') || dest === '.' || dest === '..' || sources.length > 1;
          for (const src of sources) {
            const base = trimEndWhere(src, (c) => c === '/').split('/').pop() ?? '';
            const path = destDir && !/[*?[]/.test(base) && base !== '.' ? normalize(`${dest}/${base}`, workdir) : normalize(dest, workdir);
            created.add({ path, line: ins.startLine, how: ins.name });
          }
          continue;
        }
        if (ins.name !== 'RUN' || !ctx.isPosixShell(ins)) continue;
        for (const cmd of ctx.shellOf(ins)) {
          const { program, args } = effectiveCommand(cmd);
          if (program !== 'rm') continue;
          for (const a of args) {
            if (a.value.startsWith('-') || /[*?[$]/.test(a.value)) continue;
            const target = normalize(a.value, workdir);
            if (target === '/') continue;
            const hit = created.find(target);
            const real = measured(ctx.config.layerFacts, target, stage.from.startLine, ins.startLine);
            if (real) {
              // The analysis of the built image says exactly what this deletion leaves behind.
              const size = formatBytes(real.bytes);
              const at = real.lines.map((l) => l + 1).join(', ');
              const many = real.lines.length > 1;
              report({
                range: scriptRange(ins, a.start, a.end),
                message: {
                  en: `'${a.value}' removes ${size} added at ${many ? 'lines' : 'line'} ${at}; the bytes stay in ${many ? 'those layers' : 'that layer'}, so the image is no smaller (measured in the last analysed image). Delete it in the same instruction that creates it, or use a multi-stage build.`,
                  ko: `'${a.value}'은(는) ${at}번째 줄에서 추가된 ${size}를 지웁니다. 그 바이트는 ${many ? '그 레이어들에' : '그 레이어에'} 그대로 남아 이미지가 작아지지 않습니다(마지막으로 분석한 이미지에서 잰 값). 만든 명령 안에서 지우거나 멀티 스테이지 빌드를 쓰세요.`,
                },
              });
              continue;
            }
            if (!hit) continue;
            report({
              range: scriptRange(ins, a.start, a.end),
              message: {
                en: `'${a.value}' was added on line ${hit.line + 1} (${hit.how}); deleting it in this later RUN does not make the image smaller, because its bytes stay in that earlier layer. Delete it in the same instruction that creates it, or use a multi-stage build.`,
                ko: `'${a.value}'은 ${hit.line + 1}번째 줄(${hit.how})에서 추가되었습니다. 나중 RUN에서 지워도 그 바이트가 앞 레이어에 남아 이미지가 작아지지 않습니다. 만든 명령 안에서 지우거나 멀티 스테이지 빌드를 쓰세요.`,
              },
            });
          }
        }
        for (const c of runCreates(ctx, ins, workdir)) created.add(c);
      }
    }
  },
};
