/** The header: name, example gallery, share link and theme. */
import { gallery } from '../examples';
import { ProjectMenu } from '../files/ProjectMenu';
import { GalleryButton } from '../gallery/GalleryButton';
import { openExample } from '../gallery/galleryState';
import { ReviewToggle } from '../review/ReviewToggle';
import { ShareButton } from '../share/ShareButton';
import { appStore, useApp, type ThemeSetting } from '../store';

const nextTheme: Record<ThemeSetting, ThemeSetting> = {
  system: 'light',
  light: 'dark',
  dark: 'system',
};
const themeLabel: Record<ThemeSetting, string> = {
  system: 'Theme: system',
  light: 'Theme: light',
  dark: 'Theme: dark',
};

export function TopBar() {
  const theme = useApp((s) => s.view.theme);

  const load = (id: string) => {
    const example = gallery.find((e) => e.id === id);
    if (
      example &&
      confirm(
        `Open the ${example.title} example? It opens as a project of its own; your files stay in theirs.`,
      )
    ) {
      void openExample(example);
    }
  };

  return (
    <header className="top-bar">
      <h1 className="top-bar__title">
        specstage <span className="muted">TLA+ playground</span>
      </h1>
      <div className="top-bar__actions">
        <ProjectMenu />
        <GalleryButton />
        <select aria-label="Open an example" value="" onChange={(e) => load(e.target.value)}>
          <option value="" disabled>
            Examples…
          </option>
          {gallery.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
            </option>
          ))}
        </select>
        <ShareButton />
        <ReviewToggle />
        <button className="button" onClick={() => appStore.getState().setTheme(nextTheme[theme])}>
          {themeLabel[theme]}
        </button>
      </div>
    </header>
  );
}
