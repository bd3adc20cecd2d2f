// Language server entry. Runs over IPC (spawned by the extension) or `--stdio` (other editors,
// benchmarks): vscode-languageserver picks the transport from the command line.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { DockerfileServer } from './dockerfileServer';

const connection = createConnection(ProposedFeatures.all);
new DockerfileServer(connection).listen();
