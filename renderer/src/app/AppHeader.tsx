import { ProfileButton } from '../features/cases';
import { ThemeToggle } from './ThemeToggle';
import { Logo } from './Logo';

/** The bar above the case list: the app's name, who is working, and the colour scheme. */
export function AppHeader() {
  return (
    <header className="app-header">
      <Logo />
      <span className="spacer" />
      <ProfileButton />
      <ThemeToggle />
    </header>
  );
}
