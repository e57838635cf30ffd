/** What every command gets from `runCli`: its environment, and the streams for long-running output. */
export interface CommandContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
  json: boolean;
  /** Standard input, for commands that read a hook payload (`policy test -`). */
  stdin?: () => Promise<string>;
  /** Writes output as it comes (`audit tail -f`); everything else returns its output at the end. */
  write?: (text: string) => void;
  /** Aborted on Ctrl-C: followers stop. */
  signal?: AbortSignal;
}
