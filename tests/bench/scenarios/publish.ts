/** publish: waits for publishing to exist (issue 7 asks for it "once publishing exists"). */
import type { Scenario } from '../types.ts';

export const publish: Scenario<Record<string, number>> = {
  name: 'publish',
  title: 'publish: publish a 100,000-word installment and render its reader page',
  servers: ['baton'],
  metrics: [],
  params: { full: {}, quick: {} },
  skipReason: 'publishing does not exist yet',
  run() {
    return Promise.reject(new Error('publish is not implemented'));
  },
};
