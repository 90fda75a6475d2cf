export { EntitiesScreen } from './EntitiesScreen';
export { TagEntityDialog, guessEntityType } from './TagEntityDialog';
export { SuggestionsProvider, useSuggestions } from './SuggestionsProvider';
export { SuggestionsScreen } from './SuggestionsScreen';
