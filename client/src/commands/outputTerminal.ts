import * as vscode from 'vscode';

/**
 * A read-only terminal that shows engine output live (build logs, container logs) with its ANSI
 * colours. It is revealed without taking focus, so typing in the editor is never interrupted.
 * Text written before VS Code opens the terminal is kept and flushed on open.
 */
export class OutputTerminal implements vscode.Disposable {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number | void>();
  private opened = false;
  private closed = false;
  private backlog: string[] = [];
  private readonly terminal: vscode.Terminal;
  /** Called when the user closes the terminal (e.g. to stop following logs). */
  onClose?: () => void;

  constructor(name: string, iconId = 'package') {
    const pty: vscode.Pseudoterminal = {
      onDidWrite: this.writeEmitter.event,
      onDidClose: this.closeEmitter.event,
      open: () => {
        this.opened = true;
        for (const text of this.backlog) this.writeEmitter.fire(text);
        this.backlog = [];
      },
      close: () => {
        this.closed = true;
        this.onClose?.();
      },
    };
    this.terminal = vscode.window.createTerminal({ name, pty, iconPath: new vscode.ThemeIcon(iconId), isTransient: true });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  reveal(): void {
    this.terminal.show(true); // preserveFocus
  }

  write(text: string): void {
    if (this.closed) return;
    // Terminals need CRLF; engine output uses LF (and bare CR for progress bars, kept as is).
    const normalized = text.replace(/\r?\n/g, '\r\n');
    if (this.opened) this.writeEmitter.fire(normalized);
    else this.backlog.push(normalized);
  }

  writeLine(text: string): void {
    this.write(`${text}\n`);
  }

  dispose(): void {
    this.terminal.dispose();
    this.writeEmitter.dispose();
    this.closeEmitter.dispose();
  }
}
