export const NESTED_AGENT_UNGUARDED = {
  id: 'shell.nested_agent_unguarded',
  summary:
    'Another coding agent is started with its permission checks or hooks switched off, so nothing guards what it does.',
};
