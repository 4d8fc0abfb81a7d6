// What a URL naming nothing shows: never a blank page.
import { fill, h } from '../dom.js';

export function renderNotFound(main, { what, id } = {}) {
  const heading = what === 'app' ? 'App not found' : what === 'task' ? 'Task not found' : 'Page not found';
  const text = what === 'app'
    ? `There is no app with the id ${id}. It may have been destroyed, or the address is mistyped.`
    : what === 'task' ? `There is no task ${id} in the cluster.` : `Nothing lives at ${location.hash || '/'}.`;
  fill(main, h('section', { class: 'not-found', 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title' }, heading),
    h('p', {}, text),
    h('p', {}, h('a', { href: '#/apps' }, 'Back to the applications'))));
  return {};
}
