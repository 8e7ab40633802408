// The system Chromium the web project drives: OURO_CHROMIUM_PATH, CHROMIUM_PATH, or Debian's.
export function chromiumPath(): string {
  return process.env.OURO_CHROMIUM_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

// Flags that keep Chromium from reaching for the network at start-up (this machine has none)
// and let it run as root in a container.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
