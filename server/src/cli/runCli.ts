// The CLI's command dispatcher. Pure over its IO object so tests can run it in-process.
import { lintCommand, LINT_USAGE, type ShellcheckRunner } from './lintCommand';
// Boundary exception (docs/DESIGN.md): the CLI bundle may use the engine-side layer analyser.
import { runLayersCommand, LAYERS_USAGE } from '../../../client/src/docker/layers/layersCommand';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface CliDeps {
  shellcheck?: ShellcheckRunner;
}

const USAGE = `usage: dockerfile-studio <command> [options]

commands:
  lint PATH...     check Dockerfiles against the rule catalogue (see: lint --help)
  layers IMAGE     layer sizes, wasted bytes and efficiency of an image (see: layers --help)
`;

export async function runCli(argv: string[], io: CliIo, deps: CliDeps = {}): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'lint':
      return lintCommand(rest, io, deps.shellcheck);
    case 'layers':
      return runLayersCommand(rest, io);
    case undefined:
      io.stderr.write(USAGE);
      return 2;
    case '-h':
    case '--help':
    case 'help':
      io.stdout.write(`${USAGE}\n${LINT_USAGE}\n${LAYERS_USAGE}`);
      return 0;
    default:
      io.stderr.write(`dockerfile-studio: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}
