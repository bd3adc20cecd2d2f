// Flow 6: "Build image" from the CodeLens: the prompts of a first build, progress while it runs,
// the result announced, and the image really in the engine.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { VsCodeSession } from './harness';
import { imageExists, removeImage, uniqueName } from './docker';

const tag = `dfs-e2e/${uniqueName('build')}:1`;
let vs: VsCodeSession;
before(async () => {
  vs = await VsCodeSession.start({ name: 'build', folder: 'build' });
});
after(async () => {
  await vs?.close();
  removeImage(tag);
});

test('Build image from the CodeLens shows progress, announces the image, and the engine has it', async () => {
  await vs.step('first-build-prompts', async () => {
    await vs.openFile('Dockerfile');
    await vs.buildFromCodeLens(tag);
  });

  await vs.step('progress-then-done', async () => {
    await vs.toast(`Building ${tag}`).waitFor({ state: 'visible', timeout: 30_000 });
    await vs.screenshot('e2e-06-build-progress');
    await vs.toast(`Built ${tag}.`).waitFor({ state: 'visible', timeout: 120_000 });
    assert.ok(imageExists(tag), `${tag} is in the engine`);
  });

  await vs.step('image-in-images-view', async () => {
    const images = await vs.showStudioView('Images');
    await images.locator('.monaco-list-row').filter({ hasText: tag }).first().waitFor({ state: 'visible', timeout: 30_000 });
  });

  await vs.step('layer-sizes-on-lines', async () => {
    // 512 KiB written by the first RUN: 524 kB in docker's decimal units.
    const sizeLens = await vs.codeLensAbove('count=512', /524 kB/);
    assert.ok(sizeLens);
    await vs.codeLensAbove('built by the e2e suite', /B\b/);
    await vs.codeLensAbove('/data/note.txt"]', /no layer/);
  });
  await vs.screenshot('e2e-06-build-done');
});
