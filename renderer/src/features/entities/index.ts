export { EntitiesScreen } from './EntitiesScreen';
export { TagEntityDialog, guessEntityType } from './TagEntityDialog';
