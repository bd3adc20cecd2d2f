// Flow 3: hovering CMD explains it; with `dockerfileStudio.language: "ko"` the explanation is in
// Korean (a Korean language pack cannot be installed here, so the extension's own setting is used).
import { test } from 'node:test';
import { VsCodeSession } from './harness';

async function hoverOnCmd(vs: VsCodeSession, expected: string, shot: string): Promise<void> {
  await vs.step('hover-cmd', async () => {
    await vs.openFile('Dockerfile');
    const cmd = vs.editor().locator('.view-line span:text-is("CMD")').first();
    await cmd.waitFor({ timeout: 20_000 });
    await vs.hoverUntil(cmd, vs.page.locator('.monaco-hover').filter({ hasText: expected }).first());
    await vs.screenshot(shot);
  });
}

test('hover on CMD explains what CMD does', async () => {
  const vs = await VsCodeSession.start({ name: 'hover-en', folder: 'editing', settings: { 'dockerfileStudio.language': 'en' } });
  try {
    await hoverOnCmd(vs, 'Sets the default command a container runs when it starts', 'e2e-03-hover');
  } finally {
    await vs.close();
  }
});

test('hover on CMD is in Korean when dockerfileStudio.language is "ko"', async () => {
  const vs = await VsCodeSession.start({ name: 'hover-ko', folder: 'editing', settings: { 'dockerfileStudio.language': 'ko' } });
  try {
    await hoverOnCmd(vs, '컨테이너가 시작될 때 실행할 기본 명령', 'e2e-03-hover-ko');
  } finally {
    await vs.close();
  }
});
