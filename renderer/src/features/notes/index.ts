import { lazyComponent } from '../../ui';
import './notes.css';

/** The case's notes page, loaded (with the editor) when first opened. */
export const NotesScreen = lazyComponent(() =>
  import('./NotesScreen').then((module) => module.NotesScreen),
);
