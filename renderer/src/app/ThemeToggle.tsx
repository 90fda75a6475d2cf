import { Monitor, Moon, Sun } from 'lucide-react';
import { useTheme, type ThemeChoice } from './theme';

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Cycles the colour scheme: system, light, dark. */
export function ThemeToggle() {
  const [choice, setChoice] = useTheme();
  const Icon = choice === 'dark' ? Moon : choice === 'light' ? Sun : Monitor;
  return (
    <button
      type="button"
      className="button button--ghost button--small"
      onClick={() => setChoice(NEXT[choice])}
      aria-label={`Colour scheme: ${LABEL[choice]}. Switch to ${LABEL[NEXT[choice]]}`}
      title={`Colour scheme: ${LABEL[choice]}`}
    >
      <Icon aria-hidden="true" />
      {LABEL[choice]}
    </button>
  );
}
