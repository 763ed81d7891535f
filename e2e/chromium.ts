/** Debian's Chromium as the browser tests launch it: no download, no background traffic. */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/** Where the tests serve the built app; not `npm start`'s port, so both can run at once. */
export const previewPort = Number(process.env.E2E_PORT ?? 4173);
