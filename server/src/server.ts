// Language server entry. Runs over IPC (spawned by the extension) or `--stdio` (other editors,
// benchmarks): the transport comes from the command line (transport/serverConnection.ts).
import { DockerfileServer } from './dockerfileServer';
import { createServerConnection } from './transport/serverConnection';

new DockerfileServer(createServerConnection()).listen();

// A signal ends the server through process.exit, so 'exit' hooks (which stop ShellCheck runs and
// remove their temporary files) run; Node's default signal handling would skip them. (Node resets
// every signal to its default at start-up, so a parent's nohup never applied anyway.)
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => process.exit(0));
