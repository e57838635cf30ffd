export const REMOTE_EXEC = {
  id: 'shell.remote_exec',
  summary:
    'The command runs commands on other machines through a fleet or configuration-management tool (ansible ad hoc, salt, ssm send-command, run-command).',
};
