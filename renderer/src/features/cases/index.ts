export { CasesScreen, CaseFormDialog } from './CasesScreen';
export { CaseProvider, useCase } from './CaseProvider';
export { ProfileProvider, useProfile } from './ProfileProvider';
export { getCatalog } from './catalog';
export { ProfileButton } from './ProfileButton';
