export const KUBECTL_DELETE = {
  id: 'shell.kubectl_delete',
  summary:
    'Cluster resources are deleted, drained, replaced or scaled to zero, or a Helm release removed or rolled back.',
};
