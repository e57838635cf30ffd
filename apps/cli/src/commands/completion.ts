import type { Command } from 'commander';
import { type CliResponse, EXIT, fail, respond } from '../cli-response.js';
import type { CommandContext } from '../command-context.js';

interface Level {
  path: string;
  words: string[];
}

function levels(command: Command, prefix: string, out: Level[], choices: Map<string, string[]>): void {
  const subcommands = command.commands.map((sub) => sub.name()).filter((name) => name !== 'help');
  const options = command.options.flatMap((option) =>
    [option.long, option.short].filter((flag): flag is string => Boolean(flag)),
  );
  for (const option of command.options) {
    if (option.argChoices && option.long) choices.set(option.long, option.argChoices);
  }
  const argumentChoices = command.registeredArguments.flatMap((argument) => argument.argChoices ?? []);
  out.push({ path: prefix, words: [...subcommands, ...argumentChoices, ...options, '--help'] });
  for (const sub of command.commands) {
    if (sub.name() === 'help') continue;
    levels(sub, prefix ? `${prefix} ${sub.name()}` : sub.name(), out, choices);
  }
}

/**
 * The bash completion script, generated from the same commander tree that parses the command
 * line (so it cannot drift): subcommands, options, and the allowed values of options and
 * arguments. zsh loads it through `bashcompinit`.
 */
export function completionScript(program: Command): string {
  const all: Level[] = [];
  const choices = new Map<string, string[]>();
  levels(program, '', all, choices);
  const known = all.map((level) => level.path).filter(Boolean);
  const cases = all.map((level) => `    "${level.path}") words="${level.words.join(' ')}" ;;`).join('\n');
  const valueCases = [...choices]
    .map(
      ([flag, values]) => `    ${flag}) COMPREPLY=($(compgen -W "${values.join(' ')}" -- "$cur")); return ;;`,
    )
    .join('\n');
  return `# warden bash completion. bash: eval "$(warden completion bash)"
# zsh: autoload -U +X bashcompinit && bashcompinit && eval "$(warden completion bash)"
_warden() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" path="" word i words=""
  case "$prev" in
${valueCases}
  esac
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    case " ${known.map((entry) => `|${entry}|`).join(' ')} " in
      *" |\${path:+$path }$word| "*) path="\${path:+$path }$word" ;;
    esac
  done
  case "$path" in
${cases}
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _warden warden
`;
}

/** `warden completion bash`: prints the completion script. */
export async function completionCommand(
  options: { shell: string; program: Command },
  context: CommandContext,
): Promise<CliResponse> {
  if (options.shell !== 'bash' && options.shell !== 'zsh')
    return fail(
      `completion: "${options.shell}" is not supported; allowed values: bash, zsh`,
      EXIT.usage,
      context.json,
    );
  const script = completionScript(options.program);
  return respond({ json: context.json, data: { shell: options.shell, script }, text: script });
}
