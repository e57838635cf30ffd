import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('cloud/gcloud', () => {
  it('raises shell.credential_print for gcloud auth print-access-token', () => {
    const result = describeLine('gcloud auth print-access-token');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises shell.credential_print for gcloud secrets versions access latest --secret=db', () => {
    const result = describeLine('gcloud secrets versions access latest --secret=db');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises shell.remote_exec for gcloud compute ssh vm-1 --command "rm -rf /data"', () => {
    const result = describeLine('gcloud compute ssh vm-1 --command "rm -rf /data"');
    expect(result.findings).toEqual(['shell.remote_exec']);
  });
  it('raises nothing for gcloud config list', () => {
    const result = describeLine('gcloud config list');
    expect(result.findings).toEqual([]);
  });
});

describe('cloud/gcloud through the engine', () => {
  itDecides([
    { command: 'gcloud config list', effect: 'allow' },
    { command: 'gcloud compute instances delete vm-1', effect: 'ask', findings: ['shell.cloud_delete'] },
    {
      command: 'gcloud projects add-iam-policy-binding prod --member=user:x@y.com --role=roles/owner',
      effect: 'ask',
      findings: ['shell.cloud_exposure'],
    },
    {
      command:
        'gcloud projects add-iam-policy-binding prod --member=serviceAccount:ci@p.iam.gserviceaccount.com --role=roles/storage.objectViewer',
      effect: 'allow',
    },
    {
      command:
        'gcloud storage buckets add-iam-policy-binding gs://site --member=allUsers --role=roles/storage.objectViewer',
      effect: 'ask',
      findings: ['shell.cloud_exposure'],
    },
    {
      command: 'gcloud compute firewall-rules create open --allow=tcp:22 --source-ranges=0.0.0.0/0',
      effect: 'ask',
      findings: ['shell.cloud_exposure'],
    },
  ]);
});
