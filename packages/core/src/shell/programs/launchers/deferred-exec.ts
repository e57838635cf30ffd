export const DEFERRED_EXEC = {
  id: 'shell.deferred_exec',
  summary:
    'Commands are handed to something that runs them later or outside this shell (at, batch, systemd-run, a debugger, a package lifecycle script).',
};
