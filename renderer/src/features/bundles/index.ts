export { ExportCaseDialog } from './ExportCaseDialog';
export { OpenBundleButton } from './OpenBundle';
export { useUnfinishedBundleCleanup } from './useUnfinishedBundleCleanup';
