// A task's stdout or stderr, tailed from its sandbox through marathon-app's /cluster proxy.
import { ApiError, get } from '../api.js';
import { fill, h } from '../dom.js';
import { renderNotFound } from './notfound.js';

const CHUNK = 64 * 1024;
const POLL_MS = 1000;
const KEEP_CHARS = 512 * 1024;

export async function renderLogs(main, { taskId, file }) {
  const base = `/cluster/tasks/${encodeURIComponent(taskId)}/files`;
  const output = h('pre', { class: 'log', id: 'log-output', tabindex: 0, 'aria-label': `${file} of ${taskId}`, 'aria-live': 'off' });
  const state = h('p', { id: 'log-state', role: 'status' });
  const follow = h('input', { type: 'checkbox', id: 'log-follow', checked: true });
  const appId = taskId.includes('.') ? '/' + taskId.slice(0, taskId.lastIndexOf('.')).replace(/_/g, '/') : null;
  let offset = 0;
  let timer = null;
  let stopped = false;

  // Start with the last chunk of a long file: its size comes from a read at offset -1.
  try {
    const end = await get(`${base}/read?file=${file}&offset=-1`);
    offset = Math.max(0, (end.offset || 0) - CHUNK);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return renderNotFound(main, { what: 'task', id: taskId });
    throw e;
  }

  function tab(name) {
    return h('a', { href: `#/logs/${encodeURIComponent(taskId)}/${name}`, class: `tab${name === file ? ' active' : ''}`, 'aria-current': name === file ? 'page' : null, id: `tab-${name}` }, name);
  }

  async function poll() {
    timer = null;
    if (stopped) return;
    try {
      for (;;) {
        const chunk = await get(`${base}/read?file=${file}&offset=${offset}&length=${CHUNK}`);
        const data = chunk.data || '';
        if (!data) break;
        const atBottom = output.scrollTop + output.clientHeight >= output.scrollHeight - 8;
        output.append(document.createTextNode(data));
        if (output.textContent.length > KEEP_CHARS) output.textContent = output.textContent.slice(-KEEP_CHARS);
        offset = chunk.offset + new TextEncoder().encode(data).length;
        if (atBottom) output.scrollTop = output.scrollHeight;
        if (data.length < CHUNK) break;
      }
      fill(state, follow.checked ? `Following ${file} (${offset} bytes).` : `Paused at ${offset} bytes.`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      fill(state, `Could not read ${file}: ${e.message}. Trying again.`);
    }
    if (follow.checked && !stopped) timer = setTimeout(poll, POLL_MS);
  }
  follow.addEventListener('change', () => {
    if (follow.checked && !timer) poll();
  });

  fill(main,
    h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumbs' }, h('ol', {},
      h('li', {}, h('a', { href: '#/apps' }, 'Applications')),
      appId ? h('li', {}, h('a', { href: `#/apps/${appId.replace(/^\//, '')}` }, appId)) : null,
      h('li', {}, h('span', { 'aria-current': 'page' }, `Logs of ${taskId}`)))),
    h('div', { class: 'page-head' }, h('h1', { id: 'page-title' }, `Logs of ${taskId}`)),
    h('div', { class: 'log-tools' },
      h('nav', { class: 'tabs', 'aria-label': 'Log file' }, tab('stdout'), tab('stderr')),
      h('label', { for: 'log-follow' }, follow, ' Follow'),
      h('a', { href: `${base}/download?file=${file}`, class: 'button', id: 'log-download', download: `${taskId}.${file}` }, `Download ${file}`)),
    state,
    output);
  await poll();
  // The log page follows the file by itself; marathon-app's events do not concern it.
  return { onEvent: () => {}, dispose: () => { stopped = true; if (timer) clearTimeout(timer); } };
}
