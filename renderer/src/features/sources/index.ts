export { SourcesScreen } from './SourcesScreen';
export { KIND_LABELS } from './SourceList';
