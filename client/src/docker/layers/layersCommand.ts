// `dockerfile-studio layers IMAGE`: dive's CI mode on our analyser. Streams the image out of the
// engine (or reads a `docker save` file), prints the analysis and exits 1 when a threshold is
// crossed, so a pipeline can stop an image that ships bytes nobody can see.
import { createReadStream } from 'node:fs';
import type Dockerode from 'dockerode';
import { connectEngine, EngineUnavailableError } from '../engine';
import { msg } from '../message';
import { analyseEngineImage, analyseImageExport } from './analyseImage';
import type { ImageAnalysis } from './layerAnalysis';
import { layersJson, layersText } from './layersReport';
import { localize, type CliLocale } from './localize';
import { LANGUAGE_ERROR, languageValue, localeFromEnv, walkArgs } from '../../../../server/src/cli/argv';
import { checkThresholds, parseByteSize, parseRatio, type LayerThresholds } from './thresholds';

export const LAYERS_USAGE = `usage: dockerfile-studio layers [options] IMAGE

Exports IMAGE from the Docker engine (or reads --archive FILE, e.g. from \`docker save -o\`)
in one streaming pass and reports each layer's size and added/changed/deleted files, the
bytes wasted by files that later layers delete or overwrite, and dive's efficiency score.

options:
  --format text|json                    output format (default: text)
  --lowest-efficiency R                 fail when efficiency is below R (0..1, e.g. 0.9)
  --highest-wasted-bytes N              fail when more than N bytes are wasted (e.g. 20MB, 5MiB)
  --highest-user-wasted-percent P       fail when wasted bytes exceed P of the bytes added above
                                        the base layer (0.1 or 10%)
  --archive FILE                        analyse an image archive file instead of the engine
  --top N                               wasted paths listed in text output (default: 10)
  --language en|ko                      language of the messages (default: from LANG)
  -h, --help                            this help

exit codes: 0 within every threshold, 1 a threshold is crossed, 2 usage, engine or image error
`;

export interface LayersIo {
  stdout: NodeJS.WritableStream & { columns?: number };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export interface LayersDeps {
  /** An engine to use instead of discovering one from the environment (tests). */
  docker?: Dockerode;
}

interface LayersArgs {
  image?: string;
  format: 'text' | 'json';
  thresholds: LayerThresholds;
  archive?: string;
  top: number;
  language?: CliLocale;
  help: boolean;
}

export function parseLayersArgs(argv: string[]): LayersArgs | string {
  const a: LayersArgs = { format: 'text', thresholds: {}, top: 10, help: false };
  const error = walkArgs(argv, ({ name, value }) => {
    switch (name) {
      case '-h':
      case '--help':
        a.help = true;
        return undefined;
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json') return '--format needs text or json';
        a.format = v;
        return undefined;
      }
      case '--lowest-efficiency': {
        const v = Number(value());
        if (!Number.isFinite(v) || v < 0 || v > 1) return '--lowest-efficiency needs a number from 0 to 1 (e.g. 0.9)';
        a.thresholds.lowestEfficiency = v;
        return undefined;
      }
      case '--highest-wasted-bytes': {
        const v = parseByteSize(value() ?? '');
        if (v === undefined) return '--highest-wasted-bytes needs a size such as 20MB, 5MiB or 1048576';
        a.thresholds.highestWastedBytes = v;
        return undefined;
      }
      case '--highest-user-wasted-percent': {
        const v = parseRatio(value() ?? '');
        if (v === undefined) return '--highest-user-wasted-percent needs a ratio (0.1) or a percentage (10%)';
        a.thresholds.highestUserWastedPercent = v;
        return undefined;
      }
      case '--archive': {
        const v = value();
        if (!v) return '--archive needs a file';
        a.archive = v;
        return undefined;
      }
      case '--top': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 0) return '--top needs a whole number';
        a.top = v;
        return undefined;
      }
      case '--language':
        a.language = languageValue(value());
        return a.language ? undefined : LANGUAGE_ERROR;
      default:
        if (name.startsWith('-')) return `unknown option ${name}`;
        if (a.image) return `one IMAGE only (got "${a.image}" and "${name}")`;
        a.image = name;
        return undefined;
    }
  });
  return error ?? a;
}

export async function runLayersCommand(argv: string[], io: LayersIo, deps: LayersDeps = {}): Promise<number> {
  const args = parseLayersArgs(argv);
  if (typeof args === 'string') {
    io.stderr.write(`dockerfile-studio layers: ${args}\n\n${LAYERS_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(LAYERS_USAGE);
    return 0;
  }
  const locale = args.language ?? localeFromEnv(io.env);
  const say = (m: ReturnType<typeof msg>): string => localize(m, locale);
  if (!args.image && !args.archive) {
    io.stderr.write(`dockerfile-studio layers: ${say(msg('name the image to analyse'))}\n\n${LAYERS_USAGE}`);
    return 2;
  }
  const name = args.image ?? '';
  let analysis: ImageAnalysis;
  try {
    if (args.archive) {
      analysis = await analyseImageExport(createReadStream(args.archive, { highWaterMark: 256 * 1024 }), name);
    } else {
      const docker = deps.docker ?? (await connectEngine({ environment: { env: io.env } })).docker;
      analysis = await analyseEngineImage(docker, name);
    }
  } catch (err) {
    io.stderr.write(`dockerfile-studio layers: ${describeFailure(err, name, say)}\n`);
    return 2;
  }
  const checks = checkThresholds(analysis, args.thresholds);
  if (args.format === 'json') io.stdout.write(`${JSON.stringify(layersJson(analysis, checks), null, 2)}\n`);
  else io.stdout.write(layersText(analysis, checks, { locale, top: args.top, width: io.stdout.columns }));
  return checks.some((c) => c.failed) ? 1 : 0;
}

function describeFailure(err: unknown, name: string, say: (m: ReturnType<typeof msg>) => string): string {
  if (err instanceof EngineUnavailableError) return `${say(err.problem.summary)} ${say(err.problem.fix)}`;
  const status = (err as { statusCode?: number }).statusCode;
  if (status === 404) return say(msg('The engine has no image named {0}: build it or pull it first (see `docker images`).', name));
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return say(msg('No such file: {0}', (err as { path?: string }).path ?? ''));
  return say(msg('Could not analyse {0}: {1}', name, err instanceof Error ? err.message : String(err)));
}
