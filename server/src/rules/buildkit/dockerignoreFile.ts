// Where the .dockerignore for a Dockerfile lives, read for CopyIgnoredFile. BuildKit first looks
// for `<Dockerfile name>.dockerignore` next to the Dockerfile, then `.dockerignore` at the root of
// the build context; without a context given, the Dockerfile's folder is the context (as with
// `docker build .` run there).
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Where BuildKit looks for the ignore file of a Dockerfile, in order (the build context uses the same). */
export function dockerignoreCandidates(dockerfilePath: string, contextDir: string = dirname(dockerfilePath)): string[] {
  return [join(dirname(dockerfilePath), `${basename(dockerfilePath)}.dockerignore`), join(contextDir, '.dockerignore')];
}

export function readDockerignoreFor(dockerfilePath: string, contextDir: string = dirname(dockerfilePath)): string[] | undefined {
  for (const candidate of dockerignoreCandidates(dockerfilePath, contextDir)) {
    try {
      return readFileSync(candidate, 'utf8').split(/\r?\n/);
    } catch {
      // not there: try the next place
    }
  }
  return undefined;
}
