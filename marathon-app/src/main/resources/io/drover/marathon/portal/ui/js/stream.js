// One connection to marathon-app's event stream (/v2/events), told as messages to `post`:
// {kind: 'open'}, {kind: 'event', type, data}, {kind: 'error'}. EventSource reconnects by itself after a
// dropped connection; when the stream is closed for good (an error answer, e.g. while a new leader is
// elected) a new one is opened with a growing pause. It runs in the shared event hub (event-hub.js) or,
// in a browser without SharedWorker, in the page itself.

const TYPES = [
  'status_update_event', 'health_status_changed_event', 'deployment_info', 'deployment_step_success',
  'deployment_success', 'deployment_failed', 'api_post_event', 'group_change_success', 'app_terminated_event',
];

export function openStream(post) {
  let pause = 1000;
  let source = null;
  let closed = false;

  function open() {
    source = new EventSource('/v2/events');
    source.addEventListener('open', () => {
      pause = 1000;
      post({ kind: 'open' });
    });
    for (const type of TYPES) {
      source.addEventListener(type, (message) => {
        let data;
        try {
          data = JSON.parse(message.data);
        } catch (e) {
          return;
        }
        post({ kind: 'event', type, data });
      });
    }
    source.addEventListener('error', () => {
      post({ kind: 'error' });
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(() => {
          if (!closed) open();
        }, pause);
        pause = Math.min(pause * 2, 10000);
      }
    });
  }

  open();
  return {
    isOpen: () => source.readyState === EventSource.OPEN,
    close: () => {
      closed = true;
      source.close();
    },
  };
}
