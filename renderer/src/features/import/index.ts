export { ImportProvider, useImport, type ImportBatch, type ImportItem } from './ImportProvider';
export { ImportTray } from './ImportTray';
export { ImportButtons, IMPORT_ACCEPT } from './ImportButtons';
export { DropZone } from './DropZone';
export { PasteTextDialog } from './PasteTextDialog';
export { recognizeImageText } from './importClient';
