import type { Finding } from '../finding.js';
import { analyzeShell } from '../shell/analyze-shell.js';

/**
 * Files whose lines run later as shell commands, without the agent running them: package
 * scripts (`postinstall`), make and task recipes, container builds, CI workflows, git and husky
 * hooks, shell scripts, direnv and service files.
 */
const CARRIER =
  /(^|\/)(package\.json|GNUmakefile|[Mm]akefile|[^/]+\.mk|[Jj]ustfile|Taskfile\.ya?ml|Containerfile|Dockerfile[^/]*|[^/]+\.dockerfile|[^/]+\.(sh|bash|zsh|ksh|ps1|command)|\.gitlab-ci\.ya?ml|\.husky\/[^/]+|\.github\/workflows\/[^/]+\.ya?ml|\.envrc|Procfile|\.pre-commit-config\.ya?ml|Vagrantfile|[^/]+\.service|\.git\/hooks\/[^/]+)$/;
/** Lines worth analysing: they reach the network or a socket. */
const NETWORK =
  /\b(curl|wget|iwr|irm|Invoke-WebRequest|Invoke-RestMethod|nc|ncat|netcat|socat|scp)\b|\/dev\/(tcp|udp)\//;
/** What a carrier line wraps around its command: `RUN `, `run: `, `- `, `"postinstall": "…",`. */
const PREFIX =
  /^\s*(?:(?:RUN|CMD|ENTRYPOINT)\s+|-\s+)?(?:(?:run|script|command|cmd|entrypoint)\s*:\s*[|>]?\s*)?(?:"[^"]*"\s*:\s*")?/i;
/** What planted in such a file is worth a question: code from the network, shells and leaks. */
const SERIOUS = new Set([
  'shell.download_exec',
  'shell.reverse_shell',
  'shell.env_exfiltration',
  'shell.database_exfiltration',
]);
const MAX_LINES = 32;
const MAX_LINE_CHARS = 4000;

/**
 * A finding when content written to a file that runs as commands later (see `CARRIER`) plants a
 * download run as code, a reverse shell or a leak of the environment: the agent would not run it,
 * `npm install`, `make` or CI would, unreviewed.
 */
export function plantedCommandFinding(options: {
  path: string;
  text: string;
  cwd: string;
  home: string;
}): Finding | undefined {
  if (!CARRIER.test(options.path) || !NETWORK.test(options.text)) return undefined;
  const json = options.path.endsWith('.json');
  let analysed = 0;
  for (const raw of options.text.split('\n')) {
    if (raw.length > MAX_LINE_CHARS || !NETWORK.test(raw)) continue;
    // In JSON each string value is a command of its own (`"postinstall": "curl … | sh"`).
    const candidates = json
      ? [...raw.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]!.replace(/\\(["\\])/g, '$1'))
      : [raw.replace(PREFIX, '')];
    for (const line of candidates) {
      if (!NETWORK.test(line)) continue;
      if (++analysed > MAX_LINES) return undefined;
      const found = analyzeShell({ command: line, cwd: options.cwd, home: options.home }).findings.find(
        (finding) => SERIOUS.has(finding.id),
      );
      if (found)
        return {
          id: 'file.planted_command',
          message: `plants a command that runs later (${found.id.slice('shell.'.length).replace(/_/g, ' ')})`,
          subject: options.path,
        };
    }
  }
  return undefined;
}
