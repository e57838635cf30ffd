import { describe, expect, it } from 'vitest';
import { describeLine } from '../program-test.js';

describe('transfer/rclone', () => {
  it('reads local sources that leave the machine', () => {
    expect(describeLine('rclone copy ~/.ssh remote:bak').targets).toEqual(['read:~/.ssh']);
    expect(describeLine('gsutil cp ~/.config/gcloud/adc.json gs://b/').targets).toEqual([
      'read:~/.config/gcloud/adc.json',
    ]);
  });
  it('writes local destinations and leaves listings alone', () => {
    expect(describeLine('rclone copy remote:data ./data').targets).toEqual(['write:./data']);
    expect(describeLine('rclone ls remote:').targets).toEqual([]);
  });
});
