// The portal's entry: hash routes to pages, the live event stream, and the reachability banner.
import { ApiError } from './api.js';
import { connection } from './connection.js';
import { fill, h } from './dom.js';
import { followEvents } from './events.js';
import { renderApp } from './pages/app.js';
import { renderApps } from './pages/apps.js';
import { renderCluster } from './pages/cluster.js';
import { renderDeployments } from './pages/deployments.js';
import { renderEdit } from './pages/edit.js';
import { renderLogs } from './pages/logs.js';
import { renderNotFound } from './pages/notfound.js';

const main = document.getElementById('main');

const decode = (path) => '/' + path.split('/').map(decodeURIComponent).join('/');

/** [pattern, page, section, params from the match] */
const ROUTES = [
  [/^#?\/?$/, renderApps, 'apps', () => ({ group: '/' })],
  [/^#\/apps\/?$/, renderApps, 'apps', () => ({ group: '/' })],
  [/^#\/groups\/(.+?)\/?$/, renderApps, 'apps', (m) => ({ group: decode(m[1]) })],
  [/^#\/create(?:\?group=(.*))?$/, renderEdit, 'apps', (m) => ({ group: m[1] ? decodeURIComponent(m[1]) : null })],
  [/^#\/edit\/(.+)$/, renderEdit, 'apps', (m) => ({ id: decode(m[1]) })],
  [/^#\/apps\/(.+?)\/?$/, renderApp, 'apps', (m) => ({ id: decode(m[1]) })],
  [/^#\/logs\/([^/]+)\/(stdout|stderr)$/, renderLogs, 'apps', (m) => ({ taskId: decodeURIComponent(m[1]), file: m[2] })],
  [/^#\/deployments\/?$/, renderDeployments, 'deployments', () => ({})],
  [/^#\/cluster\/?$/, renderCluster, 'cluster', () => ({})],
];

let page = {};
let generation = 0;
// Events and stream (re)connections so far. One that comes while a page renders finds no page to
// refresh yet, and the render may have read the data before that change: the page reloads once shown.
let news = 0;

async function route() {
  const hash = location.hash;
  if (hash && !hash.startsWith('#/')) return; // an in-page anchor, not a route
  if (page.dispose) page.dispose();
  page = {};
  const mine = ++generation;
  const newsBefore = news;
  const found = ROUTES.map(([pattern, render, section, params]) => [hash.match(pattern), render, section, params]).find(([m]) => m);
  const [match, render, section, params] = found || [null, renderNotFound, '', () => ({})];
  document.querySelectorAll('nav[aria-label=Main] a').forEach((a) => {
    if (a.dataset.section === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  main.setAttribute('aria-busy', 'true');
  fill(main, h('p', { class: 'loading' }, 'Loading…'));
  try {
    const shown = await render(main, params(match));
    if (mine === generation) page = shown || {};
    else if (shown && shown.dispose) shown.dispose();
  } catch (e) {
    if (mine !== generation) return;
    if (e instanceof ApiError && e.status === 0) {
      fill(main, h('p', { class: 'loading' }, 'Waiting for marathon-app…'));
      page = { refresh: route };
    } else {
      fill(main, h('section', { class: 'failed' }, h('h1', { id: 'page-title' }, 'This page could not be shown'), h('p', {}, e.message)));
    }
  } finally {
    main.removeAttribute('aria-busy');
  }
  const title = main.querySelector('#page-title');
  document.title = `${title ? title.textContent : 'Drover'} · Drover`;
  if (mine === generation && news !== newsBefore) await refreshPage();
}

/** Reloads the page's data; errors while unreachable are shown by the banner. */
async function refreshPage() {
  if (!page.refresh) return;
  try {
    await page.refresh();
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
  }
}

// Events arrive in bursts (a deployment, many status updates): one reload per burst is enough.
let pending = null;
function refreshSoon() {
  if (pending) return;
  pending = setTimeout(() => {
    pending = null;
    refreshPage();
  }, 250);
}

// A mistake of the page itself is shown, not swallowed: a blank page would hide it.
function showFault(error) {
  if (error instanceof ApiError) return;
  main.prepend(h('p', { class: 'notice error', role: 'alert' }, `The page failed: ${error && error.message ? error.message : error}`));
}
window.addEventListener('error', (event) => showFault(event.error || event.message));
window.addEventListener('unhandledrejection', (event) => showFault(event.reason));

window.addEventListener('hashchange', () => {
  route();
  main.focus({ preventScroll: true });
});
connection.onBack(refreshPage);
followEvents((type, data) => {
  news += 1;
  if (page.onEvent) page.onEvent(type, data);
  else refreshSoon();
}, () => {
  news += 1;
  refreshPage();
});
route();
