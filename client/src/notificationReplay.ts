/**
 * Notifications the language server must hear again after it restarts (a crash, or the user's
 * restart command): facts it cannot recompute itself, like the measured layer waste per Dockerfile.
 * The latest params per (method, key) are kept; no vscode import, so it is unit-tested.
 */
export class NotificationReplay {
  private readonly latest = new Map<string, { method: string; params: unknown }>();

  remember(method: string, key: string, params: unknown): void {
    this.latest.set(`${method}\u0000${key}`, { method, params });
  }

  /** Send everything remembered, oldest key first; a failing send does not stop the others. */
  async replay(send: (method: string, params: unknown) => Promise<void>): Promise<number> {
    let sent = 0;
    for (const { method, params } of this.latest.values()) {
      try {
        await send(method, params);
        sent++;
      } catch {
        // The server went away again; the next start replays once more.
      }
    }
    return sent;
  }
}
