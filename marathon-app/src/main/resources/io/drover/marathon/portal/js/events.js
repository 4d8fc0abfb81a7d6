// Follows marathon-app's event stream (/v2/events). EventSource reconnects by itself after a dropped
// connection; when the stream is closed for good (an error answer, e.g. while a new leader is elected)
// a new one is opened with a growing pause. Each (re)connection reloads the page's data, since events
// may have been missed meanwhile.
import { connection } from './connection.js';

const TYPES = [
  'status_update_event', 'health_status_changed_event', 'deployment_info', 'deployment_step_success',
  'deployment_success', 'deployment_failed', 'api_post_event', 'group_change_success', 'app_terminated_event',
];

export function followEvents(onEvent, onReconnected) {
  const live = document.getElementById('live');
  let pause = 1000;
  let openedBefore = false;
  let source = null;

  function open() {
    source = new EventSource('/v2/events');
    source.addEventListener('open', () => {
      pause = 1000;
      live.textContent = 'Live';
      live.className = 'live on';
      if (openedBefore) onReconnected();
      openedBefore = true;
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
      live.textContent = 'Reconnecting…';
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
