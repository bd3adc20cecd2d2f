import * as vscode from 'vscode';
import type Dockerode from 'dockerode';
import { containerLogs } from '../docker/containers';
import { log } from '../log';
import { OutputTerminal } from './outputTerminal';

/** Follows a container's logs in a terminal (stderr in red) until the container or the terminal closes. */
export function followContainerLogs(docker: Dockerode, id: string, name: string, reveal = true): OutputTerminal {
  const out = new OutputTerminal(`${name} (logs)`, 'output');
  const ctrl = new AbortController();
  out.onClose = () => ctrl.abort();
  if (reveal) out.reveal();
  void (async () => {
    try {
      for await (const frame of containerLogs(docker, id, { follow: true, tail: 500, signal: ctrl.signal })) {
        const text = frame.data.toString('utf8');
        out.write(frame.stream === 'stderr' ? `\x1b[31m${text}\x1b[0m` : text);
      }
      out.writeLine(`\x1b[2m${vscode.l10n.t('The container stopped.')}\x1b[0m`);
    } catch (err) {
      if (!ctrl.signal.aborted) log().warn(`logs of ${name}: ${String(err)}`);
    }
  })();
  return out;
}
