export { EntitiesScreen } from './EntitiesScreen';
export { TagEntityDialog, guessEntityType, type TagEntityDialogProps } from './TagEntityDialog';
export { SuggestionsProvider, useSuggestions } from './SuggestionsProvider';
export { SuggestionsScreen } from './SuggestionsScreen';
