// Language server entry. Runs over IPC (spawned by the extension) or `--stdio` (other editors,
// benchmarks): vscode-languageserver picks the transport from the command line.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { DockerfileServer } from './dockerfileServer';

const connection = createConnection(ProposedFeatures.all);
new DockerfileServer(connection).listen();

// SIGTERM (how editors and process managers stop a server) ends it through process.exit, so the
// 'exit' hooks that stop ShellCheck runs and remove their temporary files run; Node's default
// handling would skip them. SIGINT and SIGHUP keep their default: a handler would also make the
// server quit when it was started with them ignored (nohup, background jobs), which it must not.
process.once('SIGTERM', () => process.exit(0));
