import { lazyComponent } from '../../ui';
import './entities.css';

export { TagEntityDialog, guessEntityType, type TagEntityDialogProps } from './TagEntityDialog';
export { SuggestionsProvider, useSuggestions } from './SuggestionsProvider';
/** The entities panel and an entity's page, loaded when first opened. */
export const EntitiesScreen = lazyComponent(() =>
  import('./EntitiesScreen').then((module) => module.EntitiesScreen),
);
/** The review queue of suggested entities, loaded when first opened. */
export const SuggestionsScreen = lazyComponent(() =>
  import('./SuggestionsScreen').then((module) => module.SuggestionsScreen),
);
