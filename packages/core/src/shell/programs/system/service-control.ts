export const SERVICE_CONTROL = {
  id: 'shell.service_control',
  summary:
    'A system service is stopped, restarted, disabled or masked (systemctl stop, service x stop, launchctl unload).',
};
