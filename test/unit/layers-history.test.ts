import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanCreatedBy, mapHistory } from '../../client/src/docker/layers/history';

test('cleans the builders\' created_by noise into the instruction the user wrote', () => {
  const cases: [string, string][] = [
    ['/bin/sh -c #(nop)  CMD ["sh"]', 'CMD ["sh"]'],
    ['/bin/sh -c #(nop) ADD file:365c129e10f7ef159 in / ', 'ADD file:365c129e10f7ef159 in /'],
    ['/bin/sh -c #(nop) WORKDIR /app', 'WORKDIR /app'],
    ['/bin/sh -c apt-get update && apt-get install -y curl', 'RUN apt-get update && apt-get install -y curl'],
    ['|2 A=1 B=two words /bin/sh -c echo $A', 'RUN echo $A'],
    ['RUN /bin/sh -c mkdir /webapp # buildkit', 'RUN mkdir /webapp'],
    ['RUN |1 V=3 /bin/sh -c echo $V # buildkit', 'RUN echo $V'],
    ['COPY index.html . # buildkit', 'COPY index.html .'],
    ['EXPOSE map[80/tcp:{}]', 'EXPOSE map[80/tcp:{}]'],
    ['', ''],
  ];
  for (const [raw, clean] of cases) assert.equal(cleanCreatedBy(raw), clean, raw);
});

test('pairs non-empty history entries with layers in order and keeps empty ones marked', () => {
  const steps = mapHistory(
    [
      { created_by: '/bin/sh -c #(nop) ADD file:x in /' },
      { created_by: '/bin/sh -c #(nop)  ENV A=b', empty_layer: true },
      { created_by: '/bin/sh -c touch /a' },
    ],
    3,
  );
  assert.deepEqual(
    steps.map((s) => [s.instruction, s.emptyLayer, s.layerIndex]),
    [
      ['ADD file:x in /', false, 0],
      ['ENV A=b', true, undefined],
      ['RUN touch /a', false, 1],
      ['', false, 2], // a layer the history does not describe stays visible
    ],
  );
});
