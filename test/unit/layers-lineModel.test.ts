import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchHistoryToDockerfile, splitInstructions } from '../../client/src/views/layersLineModel';

const dockerfile = `# syntax=docker/dockerfile:1
FROM dfs-test/busybox:latest AS build
RUN echo build-stage

FROM dfs-test/busybox:latest
# make the data
RUN mkdir /data && \\
    head -c 100 /dev/zero > /data/big
ENV GREETING hello
COPY --chown=1:1 app.txt /srv/app.txt
RUN <<EOF
echo from heredoc
EOF
CMD ["sh", "-c", "echo hi"]
`;

test('splits instructions with continuations, comments and heredocs', () => {
  assert.deepEqual(
    splitInstructions(dockerfile).map((i) => [i.keyword, i.line]),
    [['FROM', 1], ['RUN', 2], ['FROM', 4], ['RUN', 6], ['ENV', 8], ['COPY', 9], ['RUN', 10], ['CMD', 13]],
  );
  assert.equal(splitInstructions(dockerfile)[3].args, 'mkdir /data &&      head -c 100 /dev/zero > /data/big');
});

// History as the classic builder records it, oldest first, base image steps included.
const classic = [
  '',
  '/bin/sh -c #(nop)  CMD ["sh"]',
  '/bin/sh -c mkdir /data &&     head -c 100 /dev/zero > /data/big',
  '/bin/sh -c #(nop)  ENV GREETING=hello',
  '/bin/sh -c #(nop) COPY file:4f2a in /srv/app.txt ',
  '/bin/sh -c echo from heredoc',
  '/bin/sh -c #(nop)  CMD ["sh" "-c" "echo hi"]',
];

test('maps every step of the image to its line, the base image\'s CMD to none', () => {
  const m = matchHistoryToDockerfile(classic, dockerfile);
  assert.deepEqual(m?.map((x) => [x.step, x.line, x.exact]), [
    [2, 6, true],
    [3, 8, true],
    [4, 9, true],
    [5, 10, false], // heredoc bodies are recorded differently: keyword match only
    [6, 13, true],
  ]);
});

test('BuildKit-style history maps the same way', () => {
  const buildkit = ['', 'RUN /bin/sh -c mkdir /data &&     head -c 100 /dev/zero > /data/big # buildkit', 'ENV GREETING=hello', 'COPY app.txt /srv/app.txt # buildkit', 'RUN /bin/sh -c echo from heredoc # buildkit', 'CMD ["sh" "-c" "echo hi"]'];
  assert.deepEqual(matchHistoryToDockerfile(buildkit, dockerfile)?.map((x) => x.line), [6, 8, 9, 10, 13]);
});

test('an unrelated Dockerfile is not claimed', () => {
  assert.equal(matchHistoryToDockerfile(classic, 'FROM alpine\nRUN apk add curl\nCMD ["curl"]\n'), undefined);
});

test('size annotations put each layer\'s bytes on the line that made it', async () => {
  const { sizeAnnotations } = await import('../../client/src/views/layersLineModel');
  const { formatBytes } = await import('../../client/src/docker/layers/formatBytes');
  const { isMetadataStep } = await import('../../client/src/views/imagesModel');
  const sizes = [1_982_296, 0, 100, 0, 12, 0, 0];
  const newestFirst = classic.map((createdBy, i) => ({ createdBy, size: sizes[i] })).reverse();
  assert.deepEqual(
    sizeAnnotations(newestFirst, dockerfile, formatBytes, isMetadataStep).map((a) => [a.line, a.text]),
    [[6, '+100 B'], [8, 'no layer'], [9, '+12 B'], [10, '+0 B'], [13, 'no layer']],
  );
});

test('waste annotations name the deleting line, the bytes and the lines that added them', async () => {
  const { wasteAnnotations } = await import('../../client/src/views/layersLineModel');
  // steps: 0 base (layer 0), 1 RUN dd (layer 1, line 2), 2 ENV (no layer, line 3), 3 RUN rm (layer 2, line 4)
  const lineOfStep = new Map([[1, 2], [2, 3], [3, 4]]);
  const wasted = [
    { addedIn: [1], removedIn: [2], sizes: [5_242_880] },
    { addedIn: [0, 1], removedIn: [2, 2], sizes: [10, 4] }, // a base file and a line-2 file, both hidden at line 4
  ];
  assert.deepEqual(wasteAnnotations([0, 1, undefined, 2], wasted, lineOfStep), [{ line: 4, bytes: 5_242_894, addedAtLines: [2], paths: 3 }]);
});
