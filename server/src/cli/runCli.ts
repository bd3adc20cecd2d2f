// The CLI's command dispatcher. Pure over its IO object so tests can run it in-process.
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command] = argv;
  if (!command || command === '--help' || command === '-h') {
    io.stdout.write('usage: dockerfile-studio lint [--format text|json] [--config FILE] PATH...\n');
    return command ? 0 : 2;
  }
  io.stderr.write(`dockerfile-studio: unknown command "${command}"\n`);
  return 2;
}
