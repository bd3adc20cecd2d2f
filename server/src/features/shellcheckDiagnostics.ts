// ShellCheck findings in the editor: after a document changes (debounced), run ShellCheck on its
// RUN scripts in the background, attach the findings to that document version
// (LintService.setExternal) and republish diagnostics. A change or close kills the run in flight
// for that document (its answer would be stale). Respects `dockerfileStudio.lint.shellcheck` and `lint.enable`.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintConfig } from '../rules/config';
import { configForDocument } from '../rules/configFiles';
import type { ExternalFinding } from '../rules/engine';
import { runShellcheck, type ShellcheckOptions } from '../rules/shellcheck';
import type { Dockerfile } from '../model/types';
import type { Feature, ServerContext } from '../serverContext';

export type ShellcheckRun = (df: Dockerfile, config: LintConfig, options: ShellcheckOptions) => Promise<ExternalFinding[]>;

/** Waiting this long after the last keystroke keeps ShellCheck from running on every character. */
const DEBOUNCE_MS = 250;

export function createShellcheckFeature(runner: ShellcheckRun = runShellcheck, debounceMs = DEBOUNCE_MS): Feature {
  return {
    capabilities: () => ({}),
    register(ctx: ServerContext) {
      const timers = new Map<string, ReturnType<typeof setTimeout>>();
      // The ShellCheck run in flight per uri: a newer version makes its answer useless, so it is killed.
      const running = new Map<string, AbortController>();
      const log = (message: string): void => ctx.connection.console.warn(message);

      const check = async (doc: TextDocument): Promise<void> => {
        const s = ctx.settings.get();
        if (!s.lint.enable || !s.lint.shellcheck) return;
        const base = configForDocument(doc.uri);
        if (!base.shellcheck) return;
        running.get(doc.uri)?.abort();
        const controller = new AbortController();
        running.set(doc.uri, controller);
        let findings: ExternalFinding[];
        try {
          findings = await runner(ctx.parsed.get(doc), base, { log, signal: controller.signal });
        } finally {
          if (running.get(doc.uri) === controller) running.delete(doc.uri);
        }
        if (controller.signal.aborted) return;
        const current = ctx.documents.get(doc.uri);
        if (!current || current.version !== doc.version) return;
        ctx.lint.setExternal(doc.uri, doc.version, findings);
        ctx.republish(current);
      };

      const schedule = (doc: TextDocument): void => {
        const pending = timers.get(doc.uri);
        if (pending) clearTimeout(pending);
        running.get(doc.uri)?.abort();
        timers.set(
          doc.uri,
          setTimeout(() => {
            timers.delete(doc.uri);
            check(doc).catch((err: unknown) => ctx.connection.console.error(`shellcheck: ${err instanceof Error ? err.message : String(err)}`));
          }, debounceMs),
        );
      };

      ctx.documents.onDidChangeContent((e) => schedule(e.document));
      ctx.documents.onDidClose((e) => {
        const pending = timers.get(e.document.uri);
        if (pending) clearTimeout(pending);
        timers.delete(e.document.uri);
        running.get(e.document.uri)?.abort();
      });
      ctx.settings.onChange(() => {
        const s = ctx.settings.get();
        for (const doc of ctx.documents.all()) {
          // Turning ShellCheck off drops its findings at once; turning it on runs it.
          if (!s.lint.shellcheck) {
            ctx.lint.setExternal(doc.uri, doc.version, []);
            ctx.republish(doc);
          } else schedule(doc);
        }
      });
    },
  };
}

export const shellcheckDiagnosticsFeature: Feature = createShellcheckFeature();
