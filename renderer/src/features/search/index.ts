export { SearchProvider, useSearch, useSearchShortcut } from './SearchProvider';
export { SearchScreen, hitHref } from './SearchScreen';
