import * as fs from 'node:fs';
import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import { StepCacheRecorder, type BuildStepRecord } from './buildCache';
import { createBuildContext, type ContextStats } from './buildContext';
import { cancelledFailure, describeBuildError, type BuildFailure } from './buildFailure';
import { BuildStreamParser, type BuildEvent } from './buildStream';
import { scanDockerfile, type ScannedDockerfile } from './dockerfileScan';
import { EngineUnavailableError, explainEngineError } from './engineErrors';
import { formatMessage } from './message';

/**
 * One image build through the Engine API (classic builder): stream the context, parse the
 * response as a protocol, map a failure onto the Dockerfile, and on cancel stop the engine's build
 * and remove the intermediate containers it had started.
 */

export interface BuildImageOptions {
  readonly contextDir: string;
  /** Absolute path of the Dockerfile. */
  readonly dockerfile: string;
  readonly tag?: string;
  readonly target?: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly noCache?: boolean;
  readonly pull?: boolean;
  readonly platform?: string;
  readonly labels?: Readonly<Record<string, string>>;
  /** 'classic' (default: "Step n/m" output) or 'buildkit' (the engine's BuildKit, progress decoded from its trace). */
  readonly builder?: 'classic' | 'buildkit';
  readonly signal?: AbortSignal;
  /** Every classified engine message, plus context warnings, as they arrive. */
  readonly onEvent?: (event: BuildProgressEvent) => void;
  /** Threshold for the "large context without .dockerignore" warning (default 100 MB). */
  readonly largeContextBytes?: number;
}

export type BuildProgressEvent = BuildEvent | { type: 'large-context'; stats: ContextStats };

export interface BuildResult {
  readonly imageId: string;
  readonly tag?: string;
  readonly steps: number;
  readonly cacheHits: number;
  /** Each instruction the builder ran or reused, with its line and whether it came from the cache. */
  readonly stepCache: readonly BuildStepRecord[];
  readonly context: ContextStats;
}

export class BuildFailedError extends Error {
  constructor(readonly failure: BuildFailure) {
    super(failure.kind === 'cancelled' ? 'build cancelled' : failure.message);
    this.name = failure.kind === 'cancelled' ? 'AbortError' : 'BuildFailedError';
  }
}

const LAST_LINES = 12;
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

/** The classic builder's step bookkeeping lines, not the command's own output. */
function isBuilderLine(line: string): boolean {
  return /^( ---> |Step \d+\/\d+ : |Removing intermediate container |Successfully (built|tagged) )/.test(line);
}

export async function buildImage(docker: Dockerode, opts: BuildImageOptions): Promise<BuildResult> {
  const dockerfileText = await fs.promises.readFile(opts.dockerfile, 'utf8');
  const scan: ScannedDockerfile = scanDockerfile(dockerfileText);
  if (opts.signal?.aborted) throw new BuildFailedError(cancelledFailure());
  const context = await createBuildContext({
    contextDir: opts.contextDir,
    dockerfile: opts.dockerfile,
    largeContextBytes: opts.largeContextBytes,
    onLargeContext: (stats) => opts.onEvent?.({ type: 'large-context', stats }),
  });

  const query: Record<string, unknown> = {
    dockerfile: context.dockerfileName,
    rm: true,
    // Remove intermediate containers even when a step fails, so a failed build leaves nothing behind.
    forcerm: true,
  };
  if (opts.tag) query.t = opts.tag;
  if (opts.target) query.target = opts.target;
  if (opts.buildArgs && Object.keys(opts.buildArgs).length) query.buildargs = { ...opts.buildArgs };
  if (opts.labels && Object.keys(opts.labels).length) query.labels = { ...opts.labels };
  if (opts.noCache) query.nocache = true;
  if (opts.pull) query.pull = true;
  if (opts.platform) query.platform = opts.platform;

  const request = new AbortController();
  const onAbort = () => request.abort(opts.signal?.reason);
  opts.signal?.addEventListener('abort', onAbort, { once: true });

  const startedContainers = new Set<string>();
  let step: number | undefined;
  let total: number | undefined;
  let stepOutput: string[] = [];
  let imageId: string | undefined;
  let cacheHits = 0;
  let steps = 0;
  let failure: BuildFailure | undefined;
  let partial = '';
  const buildkit = opts.builder === 'buildkit';
  let failedVertex: Extract<BuildEvent, { type: 'vertex-error' }> | undefined;
  const stepCache = new StepCacheRecorder(scan, buildkit ? 'buildkit' : 'classic', opts.target);

  const rememberOutput = (text: string) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const raw of lines) {
      const line = raw.replace(ANSI, '').replace(/\r/g, '');
      if (!line.trim() || isBuilderLine(line)) continue;
      stepOutput.push(line);
      if (stepOutput.length > LAST_LINES) stepOutput.shift();
    }
  };

  const failureContext = () =>
    buildkit
      ? { scan, target: opts.target, buildkit: true, step: failedVertex?.step, total: failedVertex?.total, stage: failedVertex?.stage, lastOutput: failedVertex?.lastOutput ?? [] }
      : { scan, target: opts.target, step, total, lastOutput: [...stepOutput] };

  const handle = (e: BuildEvent) => {
    stepCache.push(e);
    switch (e.type) {
      case 'vertex-error':
        failedVertex ??= e;
        break;
      case 'step':
        if (buildkit) {
          steps++;
          break; // BuildKit runs steps in parallel: the failing one is named by vertex-error
        }
        step = e.step;
        total = e.total;
        steps = Math.max(steps, e.step);
        stepOutput = [];
        partial = '';
        break;
      case 'output':
        if (!buildkit) rememberOutput(e.text);
        break;
      case 'running-in':
        startedContainers.add(e.containerId);
        break;
      case 'cache-hit':
        cacheHits++;
        break;
      case 'aux':
        if (e.imageId) imageId = e.imageId;
        break;
      case 'built':
        imageId ??= e.imageId;
        break;
      case 'error':
        if (partial.trim()) rememberOutput('\n');
        failure ??= describeBuildError(e.message, failureContext());
        break;
      default:
        break;
    }
    opts.onEvent?.(e);
  };

  let response: Readable | undefined;
  let connectionError: unknown;
  try {
    response = buildkit
      ? await postBuildkitBuild(docker, context.stream, query, request.signal)
      : ((await docker.buildImage(context.stream as unknown as NodeJS.ReadableStream, { ...query, abortSignal: request.signal } as Dockerode.ImageBuildOptions)) as unknown as Readable);
    const parser = new BuildStreamParser();
    const onAbortStream = () => response?.destroy();
    request.signal.addEventListener('abort', onAbortStream, { once: true });
    try {
      for await (const chunk of response) {
        for (const e of parser.push((chunk as Buffer).toString('utf8'))) handle(e);
      }
      for (const e of parser.end()) handle(e);
    } finally {
      request.signal.removeEventListener('abort', onAbortStream);
    }
  } catch (err) {
    if (!request.signal.aborted) {
      // A connection-level error (no HTTP status: refused, reset, permission…) is about the engine,
      // not the Dockerfile: explain it as such instead of pinning it on a line.
      const code = (err as { code?: unknown }).code;
      if (typeof code === 'string' && (err as { statusCode?: unknown }).statusCode === undefined) {
        connectionError = err;
      } else {
        failure ??= describeBuildError(httpErrorMessage(err), failureContext());
      }
    }
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    context.stream.destroy();
  }

  if (request.signal.aborted) {
    await removeBuildContainers(docker, startedContainers);
    throw new BuildFailedError(cancelledFailure(step));
  }
  if (failure) throw new BuildFailedError(failure);
  if (connectionError) throw new EngineUnavailableError(explainEngineError(connectionError));
  if (!imageId) {
    throw new BuildFailedError(describeBuildError('the engine ended the build without reporting an image', failureContext()));
  }
  return { imageId, tag: opts.tag, steps, cacheHits, stepCache: stepCache.steps(), context: { ...context.stats } };
}

/**
 * `POST /build?version=2` without a BuildKit session: the context goes up as a tar like for the
 * classic builder ("load remote build context"), so no gRPC session (and none of dockerode's proto
 * files, which a bundle would not carry) is needed. What needs a session — registry credentials for
 * private base images, secrets, ssh — is not offered on this path.
 */
async function postBuildkitBuild(docker: Dockerode, body: Readable, query: Record<string, unknown>, signal: AbortSignal): Promise<Readable> {
  const modem = docker.modem as unknown as { dial(o: Record<string, unknown>, cb: (err: unknown, res: unknown) => void): void };
  return new Promise((resolve, reject) => {
    modem.dial(
      { path: '/build?', method: 'POST', file: body, options: { ...query, version: '2' }, abortSignal: signal, isStream: true, statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' } },
      (err, res) => (err ? reject(err) : resolve(res as Readable)),
    );
  });
}

/** dockerode wraps HTTP errors as "(HTTP code 400) unexpected - <engine message> "; keep the engine's words. */
export function httpErrorMessage(err: unknown): string {
  if (err && typeof err === 'object') {
    const json = (err as { json?: unknown }).json;
    if (json && typeof json === 'object' && typeof (json as { message?: unknown }).message === 'string') return (json as { message: string }).message;
    if (err instanceof Error) {
      const m = /^\(HTTP code \d+\) [^-]*- (.*)$/s.exec(err.message);
      return (m ? m[1]! : err.message).trim();
    }
  }
  return String(err);
}

/**
 * After a cancel the engine stops the build when it notices the closed connection, but the
 * container of the running step may still exist for a moment, or be created just then. Remove
 * the ones this build started, until none remains (bounded wait).
 */
export async function removeBuildContainers(docker: Dockerode, ids: ReadonlySet<string>, timeoutMs = 15000): Promise<void> {
  if (!ids.size) return;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const all = await docker.listContainers({ all: true });
    const left = all.filter((c) => [...ids].some((id) => c.Id.startsWith(id)));
    if (!left.length) return;
    await Promise.all(
      left.map(async (c) => {
        try {
          await docker.getContainer(c.Id).remove({ force: true });
        } catch {
          // already gone, or being removed by the engine itself: the next listing decides
        }
      }),
    );
    if (Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function describeFailure(f: BuildFailure): string {
  const where = f.line !== undefined ? ` (Dockerfile line ${f.line + 1})` : '';
  return `${formatMessage(f.explanation)}${where}`;
}
