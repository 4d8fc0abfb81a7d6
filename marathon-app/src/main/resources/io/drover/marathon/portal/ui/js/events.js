// Follows marathon-app's event stream (/v2/events). EventSource reconnects by itself after a dropped
// connection; when the stream is closed for good (an error answer, e.g. while a new leader is elected)
// a new one is opened with a growing pause. Each connection, the first one too, reloads the page's
// data: what changed before the stream was open (while the page loaded, or while it was down) came as
// no event. If the stream keeps failing while the API answers (a standby that
// redirects the stream to a leader on another origin), the page falls back to polling.
import { connection } from './connection.js';

const POLL_MS = 5000;
const FAILURES_BEFORE_POLLING = 3;

const TYPES = [
  'status_update_event', 'health_status_changed_event', 'deployment_info', 'deployment_step_success',
  'deployment_success', 'deployment_failed', 'api_post_event', 'group_change_success', 'app_terminated_event',
];

export function followEvents(onEvent, onConnected) {
  const live = document.getElementById('live');
  let pause = 1000;
  let source = null;
  let failures = 0;
  let poller = null;

  function open() {
    source = new EventSource('/v2/events');
    source.addEventListener('open', () => {
      pause = 1000;
      failures = 0;
      if (poller) clearInterval(poller);
      poller = null;
      live.textContent = 'Live';
      live.className = 'live on';
      onConnected();
    });
    for (const type of TYPES) {
      source.addEventListener(type, (message) => {
        let data = {};
        try {
          data = JSON.parse(message.data);
        } catch (e) {
          return;
        }
        onEvent(type, data);
      });
    }
    source.addEventListener('error', () => {
      failures += 1;
      if (failures >= FAILURES_BEFORE_POLLING && !poller) poller = setInterval(onConnected, POLL_MS);
      live.textContent = poller ? 'Polling' : 'Reconnecting…';
      live.className = 'live off';
      fetch('/ping', { cache: 'no-store' }).then(() => connection.reached(), () => connection.lost());
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(open, pause);
        pause = Math.min(pause * 2, 10000);
      }
    });
  }
  // A page left for another keeps its stream open in the back/forward cache; browsers allow only a few
  // connections per host, so a handful of such pages would stall every request. Close it on leaving.
  window.addEventListener('pagehide', () => source.close());
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) open();
  });
  open();
}
