// The timeline's screen and the event dialog load with their own code, when first drawn: neither
// the case workspace's first paint nor the source reader waits for them (or for the editor).
import { lazyComponent } from '../../ui';

export const TimelineScreen = lazyComponent(() =>
  import('./TimelineScreen').then((module) => module.TimelineScreen),
);
export const EventDialog = lazyComponent(
  () => import('./EventDialog').then((module) => module.EventDialog),
  null,
);
