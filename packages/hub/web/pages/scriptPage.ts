import type { Doc, Global } from '@qlikit/qix';
import { h, replaceChildren } from '../ui/h.js';
import { hrefOf, type Route } from '../router.js';
import { tablesAndKeys } from './modelTables.js';
import type { Page } from './Page.js';

/** A script syntax error as CheckScriptSyntax answers it (ScriptSyntaxError). */
interface SyntaxError {
  readonly qErrLen: number;
  readonly qTabIx: number;
  readonly qLineInTab: number;
  readonly qColInLine: number;
  readonly qTextPos: number;
  readonly qSecondaryFailure?: boolean;
}

/** Progress of a reload as GetProgress reports it. */
interface Progress {
  readonly qFinished: boolean;
  readonly qPersistentProgress?: string;
  readonly qTransientProgress?: string;
  readonly qErrorData?: { qErrorString?: string }[];
}

const CHECK_DELAY_MS = 300;
const PROGRESS_POLL_MS = 200;

/**
 * The load-script editor: the script is saved to the app and checked
 * (CheckScriptSyntax) as it is typed; Reload runs it in the engine, shows
 * its log as it runs (GetProgress), saves the app and then shows the data
 * the reload left: its tables and fields.
 */
export const scriptPage: Page<Extract<Route, { page: 'script' }>> = async (context, { appId }) => {
  const { doc, global } = await context.app(appId);
  const layout = await doc.getAppLayout();
  context.setTrail(
    { text: String(layout.qTitle || appId), href: hrefOf({ page: 'app', appId }) },
    { text: 'Load script' },
  );
  const editor = h('textarea.script-editor', {
    spellcheck: false,
    'aria-label': 'Load script',
    wrap: 'off',
  }) as HTMLTextAreaElement;
  editor.value = await doc.getScript();
  const gutter = h('pre.gutter', { 'aria-hidden': true });
  const problems = h('ul.problems', { role: 'status', 'aria-live': 'polite' });
  const reload = h('button.primary', { type: 'button' }, 'Reload') as HTMLButtonElement;
  const log = h('pre.reload-log', { 'aria-label': 'Reload log' });
  const result = h('div.reload-result');
  context.root.append(
    h('div.page-head', {}, h('h1', {}, 'Load script'), h('nav.actions', {}, reload)),
    h('div.script-area', {}, gutter, editor),
    problems,
    h('section.reload', {}, log, result),
  );

  let checking: ReturnType<typeof setTimeout> | undefined;
  let version = 0;
  const check = async () => {
    const mine = ++version;
    await doc.setScript(editor.value);
    const errors = (await doc.checkScriptSyntax()) as unknown as SyntaxError[];
    if (mine !== version) return;
    showProblems(editor.value, errors, problems, gutter);
  };
  const onInput = () => {
    clearTimeout(checking);
    checking = setTimeout(() => void check(), CHECK_DELAY_MS);
  };
  editor.addEventListener('input', onInput);
  editor.addEventListener('scroll', () => {
    gutter.scrollTop = editor.scrollTop;
  });
  await check();

  reload.addEventListener('click', () => {
    reload.disabled = true;
    clearTimeout(checking);
    void (async () => {
      try {
        await check();
        log.textContent = '';
        replaceChildren(result);
        const ok = await reloadWithLog(doc, global, log);
        if (ok) {
          await doc.doSave();
          await showData(doc, result);
        } else {
          result.append(
            h('p.error', { role: 'alert' }, 'The reload failed; the data is unchanged.'),
          );
        }
      } catch (error) {
        result.append(
          h('p.error', { role: 'alert' }, `Reload failed: ${(error as Error).message}`),
        );
      } finally {
        reload.disabled = false;
      }
    })();
  });
  return () => clearTimeout(checking);
};

/** Runs DoReload and, while it runs, appends the engine's progress messages to the log. */
async function reloadWithLog(doc: Doc, global: Global, log: HTMLElement): Promise<boolean> {
  const running = doc.doReload(0, false, false) as Promise<boolean> & { requestId?: number };
  const requestId = running.requestId ?? 0;
  let done = false;
  const finished = running.finally(() => {
    done = true;
  });
  let transient = '';
  const poll = async () => {
    const progress = (await global.getProgress(requestId)) as unknown as Progress;
    if (progress.qPersistentProgress)
      log.append(progress.qPersistentProgress.replace(/\n?$/, '\n'));
    transient = progress.qTransientProgress ?? '';
    log.dataset.transient = transient;
    for (const error of progress.qErrorData ?? [])
      if (error.qErrorString) log.append(`Error: ${error.qErrorString}\n`);
  };
  while (!done) {
    await Promise.race([finished.catch(() => undefined), sleep(PROGRESS_POLL_MS)]);
    await poll();
  }
  await poll();
  const ok = await running;
  log.append(ok ? 'Reload finished.\n' : 'Reload failed.\n');
  return ok;
}

/** The data after a reload: each table with its row count and fields. */
async function showData(doc: Doc, into: HTMLElement): Promise<void> {
  const { tables } = await tablesAndKeys(doc);
  replaceChildren(
    into,
    h('h2', {}, 'Data after the reload'),
    h(
      'div.loaded-tables',
      {},
      tables.map((table) =>
        h(
          'article.loaded-table',
          { 'data-table': table.name },
          h('h3', {}, `${table.name} (${table.rows.toLocaleString('en-US')} rows)`),
          h(
            'ul',
            {},
            table.fields.map((field) => h('li', { 'data-field': field.name }, field.name)),
          ),
        ),
      ),
    ),
  );
}

function showProblems(
  script: string,
  errors: readonly SyntaxError[],
  list: HTMLElement,
  gutter: HTMLElement,
): void {
  const lines = script.split('\n');
  const bad = new Set(errors.map((error) => lineOf(script, error)));
  gutter.textContent = '';
  lines.forEach((_, index) => {
    gutter.append(h(`span${bad.has(index) ? '.bad' : ''}`, {}, String(index + 1)), '\n');
  });
  replaceChildren(
    list,
    errors.length === 0
      ? h('li.ok', { 'data-syntax': 'ok' }, 'No syntax errors.')
      : errors.map((error) => {
          const line = lineOf(script, error);
          const text = script.slice(error.qTextPos, error.qTextPos + Math.max(1, error.qErrLen));
          return h(
            'li.error',
            { 'data-syntax': 'error', 'data-line': String(line + 1) },
            `Line ${line + 1}, column ${error.qColInLine + 1}: syntax error at “${text.trim() || '…'}”`,
          );
        }),
  );
}

// The line of an error: from its text position (the one tab holds the whole script).
function lineOf(script: string, error: SyntaxError): number {
  if (error.qTextPos >= 0) return script.slice(0, error.qTextPos).split('\n').length - 1;
  return error.qLineInTab;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
