import { lazyComponent } from '../../ui';
import './search.css';

export { SearchProvider, useSearch, useSearchShortcut } from './SearchProvider';
/** The search screen, loaded when first opened. */
export const SearchScreen = lazyComponent(() =>
  import('./SearchScreen').then((module) => module.SearchScreen),
);
