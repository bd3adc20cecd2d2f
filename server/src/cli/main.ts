// `dockerfile-studio` command line entry: real IO, and ShellCheck when it is installed.
import { runShellcheck } from '../rules/shellcheck';
import { runCli } from './runCli';

runCli(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env },
  { shellcheck: (df, config) => runShellcheck(df, config, { log: (message) => process.stderr.write(`dockerfile-studio: ${message}\n`) }) },
)
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err: unknown) => {
    process.stderr.write(`dockerfile-studio: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  });
