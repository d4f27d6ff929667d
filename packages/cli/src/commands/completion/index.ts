import {
  defineCommand,
  defineGroup,
  type CommandSpec,
  type GroupSpec,
} from '../../command/CommandSpec.js';
import { completionCandidates } from './completionCandidates.js';

// Both scripts hand the words typed so far to `qlikit __complete` and offer what it prints.
const BASH = `# qlikit completion for bash: add to ~/.bashrc
#   source <(qlikit completion bash)
_qlikit_complete() {
  local IFS=$'\\n'
  COMPREPLY=($(qlikit __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _qlikit_complete qlikit
`;

const ZSH = `#compdef qlikit
# qlikit completion for zsh: add to ~/.zshrc
#   source <(qlikit completion zsh)
_qlikit() {
  local -a candidates
  candidates=("\${(@f)$(qlikit __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  compadd -a candidates
}
compdef _qlikit qlikit
`;

/** `completion bash|zsh` and the hidden `__complete` they call, over the given command tree. */
export function completionCommands(
  tree: () => readonly (CommandSpec | GroupSpec)[],
): (CommandSpec | GroupSpec)[] {
  return [
    defineGroup({
      name: 'completion',
      summary: 'Print a shell completion script (bash or zsh)',
      examples: [
        'source <(qlikit completion bash)',
        'qlikit completion zsh > "${fpath[1]}/_qlikit"',
      ],
      commands: [
        defineCommand({
          name: 'bash',
          summary: 'Completion script for bash',
          examples: ['source <(qlikit completion bash)'],
          run: async ({ out }) => out.write(BASH),
        }),
        defineCommand({
          name: 'zsh',
          summary: 'Completion script for zsh',
          examples: ['source <(qlikit completion zsh)'],
          run: async ({ out }) => out.write(ZSH),
        }),
      ],
    }),
    defineCommand({
      name: '__complete [words...]',
      summary: 'Print completions for a partial command line (used by the completion scripts)',
      examples: ['qlikit __complete -- app l'],
      hidden: true,
      run: async ({ args, out }) => {
        const candidates = completionCandidates(tree(), args.length ? args : ['']);
        if (candidates.length) out.line(candidates.join('\n'));
      },
    }),
  ];
}
