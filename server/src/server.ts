// Language server entry. Runs over IPC (spawned by the extension) or `--stdio` (other editors,
// benchmarks): vscode-languageserver picks the transport from the command line.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { DockerfileServer } from './dockerfileServer';

const connection = createConnection(ProposedFeatures.all);
new DockerfileServer(connection).listen();

// A signal ends the server through process.exit, so 'exit' hooks (which stop ShellCheck runs and
// remove their temporary files) run; Node's default signal handling would skip them. (Node resets
// every signal to its default at start-up, so a parent's nohup never applied anyway.)
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => process.exit(0));
