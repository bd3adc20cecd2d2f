// `dockerfile-studio lint [options] PATH...`: the same rules as the editor, for CI pipelines.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseDockerfile } from '../model/parser';
import { defaultConfig, type LintConfig, type Threshold } from '../rules/config';
import { findConfigFile, readConfigFile } from '../rules/configFiles';
import { readDockerignoreFor } from '../rules/buildkit/dockerignoreFile';
import { lint, reachesThreshold, type ExternalFinding } from '../rules/engine';
import { allRules } from '../rules/index';
import type { Locale } from '../settings';
import { LANGUAGE_ERROR, languageValue, localeFromEnv, walkArgs } from './argv';
import { expandPaths } from './findDockerfiles';
import { FORMATS, formatCheckstyle, formatGnu, formatJson, formatSarif, formatText, type FileResults, type Format } from './formats';
import type { CliIo } from './runCli';

export const LINT_USAGE = `usage: dockerfile-studio lint [options] PATH...

PATH is a Dockerfile or a folder (searched for Dockerfile, Containerfile, *.Dockerfile,
*.dockerfile and Dockerfile.*).

options:
  --format text|json|sarif|checkstyle|gnu   output format (default: text)
  --config FILE              a .hadolint.yaml-style config (default: the nearest
                             .hadolint.yaml next to each Dockerfile or above it)
  --failure-threshold LEVEL  error|warning|info|style|none: lowest severity that fails
                             (default: error, or the config's failure-threshold)
  --no-fail                  always exit 0 unless the command itself is wrong
  --ignore RULE              ignore a rule (our id or an alias such as DL3008); repeatable
  --no-shellcheck            do not run ShellCheck on RUN scripts
  --language en|ko           language of the messages (default: from LANG)
  -h, --help                 this help

exit codes: 0 nothing at or above the threshold, 1 something is, 2 usage error
`;

/** ShellCheck runner, injected so the CLI stays testable without the binary. */
export type ShellcheckRunner = (df: ReturnType<typeof parseDockerfile>, config: LintConfig) => Promise<ExternalFinding[]>;

interface LintArgs {
  format: Format;
  config: string | undefined;
  threshold: Threshold | undefined;
  noFail: boolean;
  ignore: string[];
  shellcheck: boolean;
  language: Locale | undefined;
  paths: string[];
}

const THRESHOLDS: Record<string, Threshold> = { error: 'error', warning: 'warning', info: 'info', style: 'hint', hint: 'hint', none: 'none' };

function parseArgs(argv: string[]): LintArgs | string {
  const a: LintArgs = { format: 'text', config: undefined, threshold: undefined, noFail: false, ignore: [], shellcheck: true, language: undefined, paths: [] };
  const error = walkArgs(argv, ({ name, value }) => {
    switch (name) {
      case '--format':
      case '-f': {
        const v = value();
        if (!v || !(FORMATS as readonly string[]).includes(v)) return `--format needs one of ${FORMATS.join(', ')}`;
        a.format = v as Format;
        return undefined;
      }
      case '--config':
      case '-c': {
        const v = value();
        if (!v) return '--config needs a file';
        a.config = v;
        return undefined;
      }
      case '--failure-threshold':
      case '-t': {
        const v = value();
        const t = v ? THRESHOLDS[v] : undefined;
        if (!t) return '--failure-threshold needs one of error, warning, info, style, none';
        a.threshold = t;
        return undefined;
      }
      case '--no-fail':
        a.noFail = true;
        return undefined;
      case '--ignore': {
        const v = value();
        if (!v) return '--ignore needs a rule id';
        a.ignore.push(v);
        return undefined;
      }
      case '--no-shellcheck':
        a.shellcheck = false;
        return undefined;
      case '--language':
        a.language = languageValue(value());
        return a.language ? undefined : LANGUAGE_ERROR;
      default:
        if (name.startsWith('-') && name !== '-') return `unknown option ${name}`;
        a.paths.push(name);
        return undefined;
    }
  });
  if (error) return error;
  if (!a.paths.length) return 'no PATH given';
  return a;
}

export async function lintCommand(argv: string[], io: CliIo, shellcheck?: ShellcheckRunner): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout.write(LINT_USAGE);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr.write(`dockerfile-studio lint: ${args}\n\n${LINT_USAGE}`);
    return 2;
  }
  const locale = args.language ?? localeFromEnv(io.env);
  let explicit: LintConfig | undefined;
  if (args.config) {
    try {
      explicit = readConfigFile(resolve(io.cwd, args.config));
    } catch (err) {
      io.stderr.write(`dockerfile-studio lint: cannot read config ${args.config}: ${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
  }
  const { files, problems } = expandPaths(args.paths.map((p) => resolve(io.cwd, p)));
  let unreadable = problems.length;
  for (const p of problems) io.stderr.write(`dockerfile-studio lint: ${relative(io.cwd, p.path) || p.path}: ${p.reason}\n`);

  const all: FileResults[] = [];
  const configCache = new Map<string, LintConfig>();
  let fails = false;
  let threshold: Threshold = args.threshold ?? 'error';
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      unreadable++;
      io.stderr.write(`dockerfile-studio lint: ${relative(io.cwd, file) || file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`);
      continue;
    }
    let config = explicit;
    if (!config) {
      const dir = dirname(file);
      config = configCache.get(dir);
      if (!config) {
        const found = findConfigFile(dir);
        try {
          config = found ? readConfigFile(found) : defaultConfig();
        } catch (err) {
          io.stderr.write(`dockerfile-studio lint: ${err instanceof Error ? err.message : String(err)}; using defaults\n`);
          config = defaultConfig();
        }
        configCache.set(dir, config);
      }
    }
    config = { ...config, ignored: [...config.ignored, ...args.ignore], shellcheck: config.shellcheck && args.shellcheck, dockerignore: config.dockerignore ?? readDockerignoreFor(file) };
    if (args.threshold === undefined && config.failureThreshold !== defaultConfig().failureThreshold) threshold = config.failureThreshold;
    const df = parseDockerfile(text);
    const external = config.shellcheck && shellcheck ? await shellcheck(df, config) : [];
    const results = lint(df, config, {
      external,
      onRuleError: (rule, err) => io.stderr.write(`dockerfile-studio lint: internal error in rule ${rule.id} on ${file}: ${String(err)}\n`),
    });
    all.push({ file: relative(io.cwd, file) || file, results });
    if (results.some((r) => reachesThreshold(r.severity, threshold))) fails = true;
  }

  switch (args.format) {
    case 'json':
      io.stdout.write(formatJson(all, locale));
      break;
    case 'sarif':
      io.stdout.write(formatSarif(all, locale, '0.1.0', allRules.map((r) => r.meta)));
      break;
    case 'checkstyle':
      io.stdout.write(formatCheckstyle(all, locale));
      break;
    case 'gnu':
      io.stdout.write(formatGnu(all, locale));
      break;
    default:
      io.stdout.write(formatText(all, locale, io.stdout.isTTY === true && !io.env.NO_COLOR));
  }
  // A path that could not be read is the caller's mistake (a typo in a CI script): say so with 2,
  // after the readable files were still linted and printed.
  if (unreadable) return 2;
  return fails && !args.noFail ? 1 : 0;
}

