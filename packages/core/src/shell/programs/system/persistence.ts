export const PERSISTENCE = {
  id: 'shell.persistence',
  summary:
    'Something is set to start on its own later: a user service or timer enabled, a LaunchAgent loaded, lingering turned on.',
};
