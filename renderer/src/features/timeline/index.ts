import './timeline.css';

export { TimelineScreen, EventDialog } from './lazy';
