/**
 * Registers the service worker (sw.ts) in a production build, after the page has loaded and gone
 * quiet, so that caching the whole build (several MB) does not compete with the first load.
 * Under the dev server it is never used, and one left by `npm start` on the same port is removed.
 */
const QUIET_MS = 1500;

export function registerServiceWorker(): () => void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return () => {};
  if (!import.meta.env.PROD) {
    void navigator.serviceWorker
      .getRegistrations()
      .then((registrations) => registrations.forEach((r) => void r.unregister()));
    return () => {};
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const register = () => {
    timer = setTimeout(() => {
      navigator.serviceWorker
        .register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
        .catch((error: unknown) => {
          // The app works as before, only not offline.
          console.warn(`specstage: offline use is not available (${String(error)})`);
        });
    }, QUIET_MS);
  };
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
  return () => {
    clearTimeout(timer);
    removeEventListener('load', register);
  };
}
