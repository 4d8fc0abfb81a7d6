// The portal's one event stream per browser: every tab of the portal listens through this shared
// worker, so that many open tabs hold one connection instead of one each (a browser allows about six
// per host, and a seventh tab's requests would stall behind the streams). The stream closes when the
// last tab says goodbye.
import { openStream } from './stream.js';

const tabs = new Set();
let stream = null;

function broadcast(message) {
  for (const tab of tabs) tab.postMessage(message);
}

self.addEventListener('connect', (event) => {
  const tab = event.ports[0];
  tabs.add(tab);
  tab.addEventListener('message', (message) => {
    if (message.data !== 'bye') return;
    tabs.delete(tab);
    if (tabs.size === 0 && stream) {
      stream.close();
      stream = null;
    }
  });
  tab.start();
  if (!stream) stream = openStream(broadcast);
  else if (stream.isOpen()) tab.postMessage({ kind: 'open' });
});
