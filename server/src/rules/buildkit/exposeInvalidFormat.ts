// BuildKit ExposeInvalidFormat: EXPOSE with an IP address or a host:container mapping.
import type { Rule } from '../types';

export const exposeInvalidFormat: Rule = {
  meta: {
    id: 'expose-invalid-format',
    aliases: ['ExposeInvalidFormat'],
    severity: 'warning',
    source: 'buildkit',
    title: { en: 'EXPOSE takes only container ports', ko: 'EXPOSE에는 컨테이너 포트만 씁니다' },
    why: {
      en: 'EXPOSE only documents which container ports the app listens on. Host ports and IP addresses are chosen when the container runs (`docker run -p 8080:80`); in a Dockerfile they are ignored today and will become an error.',
      ko: 'EXPOSE는 앱이 듣는 컨테이너 포트를 적어 두는 것뿐입니다. 호스트 포트와 IP 주소는 컨테이너를 실행할 때(`docker run -p 8080:80`) 정합니다. Dockerfile에 적으면 지금은 무시되고 앞으로는 오류가 됩니다.',
    },
    bad: 'FROM nginx:1.27\nEXPOSE 8080:80',
    good: 'FROM nginx:1.27\nEXPOSE 80',
  },
  check(ctx, report) {
    for (const ins of ctx.df.instructions) {
      if (ins.name !== 'EXPOSE') continue;
      for (const t of ins.args) {
        if (!t.value.includes(':') || t.value.includes('$')) continue;
        const containerPort = t.value.slice(t.value.lastIndexOf(':') + 1);
        report({
          range: t.range,
          message: {
            en: `EXPOSE '${t.value}' contains an IP address or host port: EXPOSE only takes the container port ('${containerPort}'); map host ports with 'docker run -p'.`,
            ko: `EXPOSE '${t.value}'에 IP 주소나 호스트 포트가 들어 있습니다. EXPOSE에는 컨테이너 포트('${containerPort}')만 쓰고, 호스트 포트는 'docker run -p'로 연결하세요.`,
          },
          fixes: /^\d+(-\d+)?(\/\w+)?$/.test(containerPort)
            ? [{ title: { en: `Keep only '${containerPort}'`, ko: `'${containerPort}'만 남기기` }, preferred: true, edits: [{ range: t.range, newText: containerPort }] }]
            : [],
        });
      }
    }
  },
};
