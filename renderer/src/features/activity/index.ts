import { lazyComponent } from '../../ui';
import './activity.css';

/** The case's activity log, loaded when first opened. */
export const ActivityScreen = lazyComponent(() =>
  import('./ActivityScreen').then((module) => module.ActivityScreen),
);
