export { Dialog, type DialogProps } from './Dialog';
export { Field } from './Field';
export { Notice } from './Notice';
export { EmptyState, Loading } from './EmptyState';
export { ConfirmDialog } from './ConfirmDialog';
export { ToastProvider, useToast, type ToastTone } from './Toasts';
export { formatBytes, formatTimestamp, plural } from './format';
export { lazyComponent, type LazyComponent } from './lazyComponent';
export { holdBackgroundWork, markScreenReady, whenScreenReady } from './startup';
