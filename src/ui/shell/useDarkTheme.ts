/** Resolves the theme setting to light or dark, following the system while the setting says so. */
import { useSyncExternalStore } from 'react';
import { useApp } from '../store';

const query = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = matchMedia(query);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

const systemIsDark = () => matchMedia(query).matches;

export function useDarkTheme(): boolean {
  const theme = useApp((s) => s.view.theme);
  const systemDark = useSyncExternalStore(subscribe, systemIsDark);
  return theme === 'system' ? systemDark : theme === 'dark';
}
