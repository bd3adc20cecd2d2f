import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkThresholds, parseByteSize, parseRatio } from '../../client/src/docker/layers/thresholds';
import { configLostByFlatten, splitReference } from '../../client/src/docker/layers/imageActions';
import { formatBytes, formatPercent } from '../../client/src/docker/layers/formatBytes';
import type { ImageAnalysis } from '../../client/src/docker/layers/layerAnalysis';

test('byte sizes read like dive and docker print them', () => {
  assert.equal(parseByteSize('20MB'), 20_000_000);
  assert.equal(parseByteSize('5 MiB'), 5 * 1024 * 1024);
  assert.equal(parseByteSize('1048576'), 1048576);
  assert.equal(parseByteSize('1.5GB'), 1_500_000_000);
  assert.equal(parseByteSize('3k'), 3000);
  assert.equal(parseByteSize('lots'), undefined);
  assert.equal(parseByteSize('5 parsecs'), undefined);
});

test('ratios: dive\'s 0.1, or a percentage', () => {
  assert.equal(parseRatio('0.1'), 0.1);
  assert.equal(parseRatio('10%'), 0.1);
  assert.equal(parseRatio('25'), 0.25);
  assert.equal(parseRatio('1'), 1);
  assert.equal(parseRatio('-3'), undefined);
});

test('thresholds fail only when crossed (equal passes, as in dive)', () => {
  const a = { efficiency: 0.9, wastedBytes: 1000, userWastedPercent: 0.1 } as ImageAnalysis;
  const same = checkThresholds(a, { lowestEfficiency: 0.9, highestWastedBytes: 1000, highestUserWastedPercent: 0.1 });
  assert.deepEqual(same.map((c) => c.failed), [false, false, false]);
  const crossed = checkThresholds(a, { lowestEfficiency: 0.95, highestWastedBytes: 999, highestUserWastedPercent: 0.05 });
  assert.deepEqual(crossed.map((c) => [c.rule, c.failed]), [['lowest-efficiency', true], ['highest-wasted-bytes', true], ['highest-user-wasted-percent', true]]);
  assert.match(crossed[1].message.message, /although no container can see them/);
  assert.deepEqual(checkThresholds(a, {}), []);
});

test('sizes and percentages print like docker', () => {
  assert.deepEqual([0, 999, 1000, 5242880, 141_000_000, 2_500_000_000].map(formatBytes), ['0 B', '999 B', '1 kB', '5.24 MB', '141 MB', '2.5 GB']);
  assert.equal(formatPercent(0.2743), '27.4%');
});

test('references split into repository and tag, registry ports kept', () => {
  assert.deepEqual(splitReference('web:2'), { repo: 'web', tag: '2' });
  assert.deepEqual(splitReference('localhost:5000/team/app'), { repo: 'localhost:5000/team/app', tag: 'latest' });
  assert.deepEqual(splitReference('localhost:5000/team/app:1.0'), { repo: 'localhost:5000/team/app', tag: '1.0' });
});

test('flatten warns about every piece of configuration an export drops', () => {
  const lost = configLostByFlatten({
    Config: {
      Cmd: ['httpd', '-f'],
      Entrypoint: ['/entry.sh'],
      Env: ['A=1'],
      ExposedPorts: { '80/tcp': {} },
      WorkingDir: '/srv',
      User: 'app',
      Volumes: { '/data': {} },
      Labels: { team: 'web' },
    },
  } as unknown as Parameters<typeof configLostByFlatten>[0]);
  assert.deepEqual(lost, ['CMD ["httpd","-f"]', 'ENTRYPOINT ["/entry.sh"]', 'ENV A=1', 'EXPOSE 80/tcp', 'WORKDIR /srv', 'USER app', 'VOLUME /data', 'LABEL team=web']);
});
