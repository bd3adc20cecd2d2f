import type { Duplex } from 'node:stream';
import type Dockerode from 'dockerode';
import * as vscode from 'vscode';
import { resizeTty } from '../docker/run';
import { log } from '../log';

/**
 * `docker run -it` in a VS Code terminal: keystrokes go to the container's TTY, its screen comes
 * back with colours, and the terminal's size is passed on so full-screen programs fit.
 */
export function openInteractiveTerminal(docker: Dockerode, id: string, name: string, tty: Duplex): vscode.Terminal {
  const write = new vscode.EventEmitter<string>();
  const close = new vscode.EventEmitter<number | void>();
  let opened = false;
  const backlog: string[] = [];
  tty.on('data', (d: Buffer) => {
    const text = d.toString('utf8');
    if (opened) write.fire(text);
    else backlog.push(text);
  });
  tty.on('end', () => close.fire());
  tty.on('error', (err) => {
    log().warn(`terminal of ${name}: ${String(err)}`);
    close.fire();
  });
  const resize = (d: vscode.TerminalDimensions | undefined) => {
    if (d) void resizeTty(docker, id, d.rows, d.columns).catch(() => undefined);
  };
  const pty: vscode.Pseudoterminal = {
    onDidWrite: write.event,
    onDidClose: close.event,
    open: (dimensions) => {
      opened = true;
      for (const text of backlog.splice(0)) write.fire(text);
      resize(dimensions);
    },
    close: () => tty.end(),
    handleInput: (data) => tty.write(data),
    setDimensions: resize,
  };
  const terminal = vscode.window.createTerminal({ name, pty, iconPath: new vscode.ThemeIcon('terminal') });
  terminal.show(false); // interactive: the user wants to type here
  return terminal;
}
