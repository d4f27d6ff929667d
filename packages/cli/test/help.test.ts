import { describe, expect, it } from 'vitest';
import { isGroup, type CommandSpec, type GroupSpec } from '../src/command/CommandSpec.js';
import { commandTree } from '../src/commands/commandTree.js';
import { completionCandidates } from '../src/commands/completion/completionCandidates.js';
import { run } from '../src/run.js';
import { runCli } from './support/runCli.js';

function paths(specs: readonly (CommandSpec | GroupSpec)[], prefix: string[] = []): string[][] {
  return specs.flatMap((spec) => {
    const path = [...prefix, spec.name.split(' ')[0]!];
    return isGroup(spec) ? [path, ...paths(spec.commands, path)] : [path];
  });
}

async function inProcess(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (text: string) => ((stdout += text), true) },
    stderr: { write: (text: string) => ((stderr += text), true) },
    stdin: process.stdin,
    env: { NO_COLOR: '1', QLIKIT_CONFIG_DIR: '/nonexistent/qlikit' },
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe('qlikit --help', () => {
  it('shows an example on every command and group, and exits 0', async () => {
    const all = paths(commandTree);
    expect(all.length).toBeGreaterThan(40);
    for (const path of all) {
      const help = await inProcess([...path, '--help']);
      expect(help.code, path.join(' ')).toBe(0);
      expect(help.stdout, path.join(' ')).toMatch(/\nExamples:\n {2}\S/);
    }
  });

  it('runs as the bin npm links, with --version and --help', async () => {
    const help = await runCli(['--help'], { configDir: '/nonexistent/qlikit' });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: qlikit');
    expect(help.stdout).toContain('--server-type <type>');
    expect(help.stdout).not.toContain('__complete');
  });
});

describe('shell completion', () => {
  it('prints bash and zsh scripts that ask `qlikit __complete`', async () => {
    const bash = await inProcess(['completion', 'bash']);
    expect(bash.stdout).toContain('complete -o default -F _qlikit_complete qlikit');
    const zsh = await inProcess(['completion', 'zsh']);
    expect(zsh.stdout).toContain('#compdef qlikit');
    expect(zsh.stdout).toContain('qlikit __complete --');
  });

  it('completes commands, subcommands and flags', async () => {
    expect(completionCandidates(commandTree, ['con'])).toEqual(['context']);
    expect(completionCandidates(commandTree, ['app', 'un'])).toEqual(['unbuild']);
    expect(completionCandidates(commandTree, ['app', 'object', ''])).toEqual([
      'ls',
      'layout',
      'properties',
      'data',
      'rm',
    ]);
    expect(completionCandidates(commandTree, ['app', 'data', '--d'])).toEqual(['--dim']);
    expect(completionCandidates(commandTree, ['app', 'ls', '--js'])).toEqual(['--json']);
    const line = await inProcess(['__complete', '--', 'context', 'cr']);
    expect(line.stdout).toBe('create\n');
  });
});
