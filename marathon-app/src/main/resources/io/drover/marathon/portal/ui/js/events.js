// Follows marathon-app's events through the shared event hub (one stream for all the portal's tabs;
// the page's own stream where the browser has no SharedWorker). Each connection, the first one too,
// reloads the page's data: what changed before the stream was open (while the page loaded, or while it
// was down) came as no event. If the stream keeps failing while the API answers (a standby that
// redirects the stream to a leader on another origin), the page falls back to polling.
import { connection } from './connection.js';
import { openStream } from './stream.js';

const POLL_MS = 5000;
const FAILURES_BEFORE_POLLING = 3;

export function followEvents(onEvent, onConnected) {
  const live = document.getElementById('live');
  let failures = 0;
  let poller = null;

  function receive(message) {
    if (message.kind === 'open') {
      failures = 0;
      if (poller) clearInterval(poller);
      poller = null;
      live.textContent = 'Live';
      live.className = 'live on';
      onConnected();
    } else if (message.kind === 'event') {
      onEvent(message.type, message.data);
    } else if (message.kind === 'error') {
      failures += 1;
      if (failures >= FAILURES_BEFORE_POLLING && !poller) poller = setInterval(onConnected, POLL_MS);
      live.textContent = poller ? 'Polling' : 'Reconnecting…';
      live.className = 'live off';
      fetch('/ping', { cache: 'no-store' }).then(() => connection.reached(), () => connection.lost());
    }
  }

  // A page left for another stays in the back/forward cache: it leaves the stream until it is shown again.
  let leave = join(receive);
  window.addEventListener('pagehide', () => leave());
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) leave = join(receive);
  });
}

/** Starts listening; returns how to stop. */
function join(receive) {
  if (window.SharedWorker) {
    const hub = new SharedWorker(new URL('./event-hub.js', import.meta.url), { type: 'module', name: 'drover-events' });
    hub.port.onmessage = (message) => receive(message.data);
    return () => hub.port.postMessage('bye');
  }
  const stream = openStream(receive);
  return () => stream.close();
}
