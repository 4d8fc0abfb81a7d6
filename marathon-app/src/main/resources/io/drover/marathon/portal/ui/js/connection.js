// Whether marathon-app answers. When a request finds nobody there, a banner says so and /ping is
// tried again until it answers; then the page is loaded again and the banner goes.
const RETRY_MS = 2000;

const listeners = [];
let down = false;
let timer = null;
let attempts = 0;

function banner() {
  return document.getElementById('banner');
}

function showBanner() {
  const el = banner();
  el.hidden = false;
  el.textContent = `Cannot reach marathon-app at ${location.origin}. Retrying every ${RETRY_MS / 1000} s` +
    (attempts > 0 ? ` (${attempts} attempt${attempts === 1 ? '' : 's'} so far)…` : '…');
}

async function probe() {
  timer = null;
  attempts += 1;
  try {
    const response = await fetch('/ping', { cache: 'no-store' });
    if (response.ok) {
      connection.reached();
      return;
    }
  } catch (e) {
    // still unreachable
  }
  if (down) {
    showBanner();
    timer = setTimeout(probe, RETRY_MS);
  }
}

export const connection = {
  /** A request got no answer. */
  lost() {
    if (down) return;
    down = true;
    attempts = 0;
    showBanner();
    timer = setTimeout(probe, RETRY_MS);
  },
  /** A request got an answer; if we were down, everybody is told we are back. */
  reached() {
    if (!down) return;
    down = false;
    if (timer) clearTimeout(timer);
    timer = null;
    banner().hidden = true;
    banner().textContent = '';
    listeners.forEach((listener) => listener());
  },
  isDown() {
    return down;
  },
  onBack(listener) {
    listeners.push(listener);
  },
};
