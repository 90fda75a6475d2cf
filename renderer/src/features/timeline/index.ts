export { TimelineScreen } from './TimelineScreen';
export { EventDialog } from './EventDialog';
