// One app: status and actions, why it waits, its last failure, instances, configuration and versions.
import { ApiError, appPath, get, request } from '../api.js';
import { confirmAction, fill, h, notice, timeTag, when } from '../dom.js';
import { appStatus, blockingRejects, explainReject, portLinks } from '../model.js';
import { editable } from '../appform.js';
import { breadcrumbs, healthBar, round } from './parts.js';
import { renderNotFound } from './notfound.js';

export async function renderApp(main, { id }) {
  const path = appPath(id);
  const head = h('div', { class: 'page-head' });
  const messages = h('div', { id: 'app-messages', role: 'status', 'aria-live': 'polite' });
  const summary = h('section', { id: 'app-summary', 'aria-label': 'Summary' });
  const waiting = h('section', { id: 'why-waiting', 'aria-labelledby': 'why-waiting-title', hidden: true });
  const failure = h('section', { id: 'last-failure', 'aria-labelledby': 'last-failure-title', hidden: true });
  const instances = h('section', { id: 'instances', 'aria-labelledby': 'instances-title' });
  const config = h('section', { id: 'configuration', 'aria-labelledby': 'configuration-title' });
  const selectedVersion = { value: null };
  let lastKey = '';
  let app = null;

  /**
   * Sends a change (`send(force)`), says what happened, then reloads (or does `after`). A change
   * refused because a deployment holds the app (409) can be sent again with Marathon's force.
   */
  async function act(send, done, after = () => refresh()) {
    notice(messages, '');
    try {
      await send(false);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const force = e.status === 409
        ? [' ', h('button', { type: 'button', class: 'small danger', id: 'force-action', onclick: () => act(() => send(true), done, after) }, 'Do it anyway (force)')]
        : null;
      fill(messages, h('p', { class: 'notice error' }, e.message, force));
      return;
    }
    notice(messages, done, 'ok');
    await after();
  }

  const forced = (force, query = '') => (!force ? query : query ? `${query}&force=true` : '?force=true');

  // The head is built once and then updated, so that a live refresh never wipes what is being typed.
  const badge = h('span', { class: 'status' });
  const scaleInput = h('input', { type: 'number', min: 0, id: 'scale-to', class: 'narrow' });
  let scaleEdited = false;
  scaleInput.addEventListener('input', () => { scaleEdited = true; });
  const suspendButton = h('button', { type: 'button', id: 'suspend' });
  const resetDelayButton = h('button', {
    type: 'button', id: 'reset-delay', hidden: true,
    onclick: () => act(() => request('DELETE', `/v2/queue/${path}/delay`), 'Launch delay reset.'),
  }, 'Reset delay');
  suspendButton.addEventListener('click', () => {
    if (app.instances > 0) patchInstances(0);
    else patchInstances(Math.max(1, Number(scaleInput.value) || 1));
  });
  fill(head,
    h('h1', { id: 'page-title' }, id, ' ', badge),
    h('div', { class: 'actions', role: 'group', 'aria-label': 'Actions' },
      h('form', {
        class: 'inline', 'aria-label': 'Scale',
        onsubmit: (e) => {
          e.preventDefault();
          const n = Number(scaleInput.value);
          if (scaleInput.value.trim() !== '' && Number.isInteger(n) && n >= 0) {
            scaleEdited = false;
            patchInstances(n);
          } else {
            notice(messages, 'Instances must be a whole number, 0 or more.', 'error');
          }
        },
      }, h('label', { for: 'scale-to' }, 'Instances'), scaleInput, h('button', { type: 'submit', id: 'scale-button' }, 'Scale')),
      h('button', { type: 'button', id: 'restart', onclick: () => act((force) => request('POST', `/v2/apps/${path}/restart${forced(force)}`), 'Restarting.') }, 'Restart'),
      suspendButton,
      resetDelayButton,
      h('a', { class: 'button', href: `#/edit/${path}`, id: 'edit-app' }, 'Edit'),
      h('button', {
        type: 'button', class: 'danger', id: 'destroy',
        onclick: async () => {
          if (await confirmAction(`Destroy ${app.id}?`, 'Its instances are killed and its configuration is removed. This cannot be undone.', 'Destroy')) {
            await act((force) => request('DELETE', `/v2/apps/${path}${forced(force)}`), 'Destroying.', () => { location.hash = '#/apps'; });
          }
        },
      }, 'Destroy')));

  function drawHead(status, queued) {
    badge.textContent = status;
    badge.className = `status status-${status.toLowerCase()}`;
    badge.dataset.status = status;
    if (!scaleEdited) scaleInput.value = app.instances;
    suspendButton.textContent = app.instances > 0 ? 'Suspend' : 'Resume';
    resetDelayButton.hidden = !queued;
  }

  function patchInstances(n) {
    return act((force) => request('PATCH', `/v2/apps/${path}${forced(force)}`, { instances: n }), n === 0 ? 'Suspending.' : `Scaling to ${n}.`);
  }

  function drawSummary() {
    const docker = app.container && app.container.type === 'DOCKER' && app.container.docker;
    fill(summary, h('dl', { class: 'facts' },
      h('dt', {}, 'Instances'), h('dd', { id: 'instance-count' }, `${app.tasksRunning || 0} running of ${app.instances} wanted`),
      h('dt', {}, 'Health'), h('dd', {}, healthBar(app)),
      h('dt', {}, 'CPUs / memory / disk'), h('dd', {}, `${round(app.cpus)} / ${round(app.mem)} MiB / ${round(app.disk)} MiB`),
      h('dt', {}, docker ? 'Image' : 'Command'), h('dd', {}, h('code', {}, docker ? docker.image : app.cmd || (app.args || []).join(' '))),
      h('dt', {}, 'Version'), h('dd', {}, timeTag(app.version)),
      (app.deployments || []).length ? [h('dt', {}, 'Deployments'), h('dd', {}, app.deployments.map((d) => h('a', { href: '#/deployments' }, d.id)))] : null));
  }

  function drawWaiting(queued) {
    waiting.hidden = !queued;
    if (!queued) return;
    const offers = queued.processedOffersSummary || {};
    const rejects = blockingRejects(offers);
    const delay = queued.delay || {};
    fill(waiting,
      h('h2', { id: 'why-waiting-title' }, 'Why is it waiting?'),
      h('p', {}, `${queued.count} instance${queued.count === 1 ? '' : 's'} waiting to launch since ${when(queued.since)}. `,
        delay.timeLeftSeconds > 0 ? `Launches are delayed for ${delay.timeLeftSeconds} s more (backoff after failures). ` : '',
        `${offers.processedOffersCount || 0} offers looked at, ${offers.unusedOffersCount || 0} not used.`),
      rejects.length
        ? h('table', { class: 'rejects', id: 'reject-reasons' },
          h('caption', {}, 'Why the last offer of each agent was turned down'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Reason'), h('th', { scope: 'col' }, 'Offers declined / looked at'), h('th', { scope: 'col' }, 'Meaning'))),
          h('tbody', {}, rejects.map((r) => h('tr', { 'data-reason': r.reason },
            h('th', { scope: 'row' }, r.reason), h('td', { class: 'num' }, `${r.declined} / ${r.processed}`), h('td', {}, explainReject(r.reason, app))))))
        : h('p', {}, offers.processedOffersCount ? 'Offers fit; launching.' : 'No offer has arrived yet.'));
  }

  function drawFailure() {
    const f = app.lastTaskFailure;
    failure.hidden = !f;
    if (!f) return;
    fill(failure,
      h('h2', { id: 'last-failure-title' }, 'Last task failure'),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Task'), h('dd', {}, f.taskId, ' ', h('a', { href: `#/logs/${encodeURIComponent(f.taskId)}/stderr`, id: 'failure-logs', title: 'Logs of the failed task' }, 'stderr')),
        h('dt', {}, 'State'), h('dd', {}, f.state),
        h('dt', {}, 'Message'), h('dd', { id: 'failure-message' }, f.message || '—'),
        h('dt', {}, 'Host'), h('dd', {}, f.host || '—'),
        h('dt', {}, 'When'), h('dd', {}, timeTag(f.timestamp))));
  }

  function healthOf(task) {
    const results = task.healthCheckResults || [];
    if (!results.length) return (app.healthChecks || []).length ? 'unknown' : '—';
    return results.every((r) => r.alive) ? 'healthy' : 'unhealthy';
  }

  function drawInstances() {
    const tasks = app.tasks || [];
    const kill = async (task, scaleDown) => {
      const verb = scaleDown ? 'Kill and scale down' : 'Kill';
      if (await confirmAction(`${verb} ${task.id}?`, scaleDown ? 'The instance is killed and not replaced.' : 'The instance is killed and a new one is started.', verb)) {
        await act((force) => request('DELETE', `/v2/apps/${path}/tasks/${encodeURIComponent(task.id)}${forced(force, scaleDown ? '?scale=true' : '')}`), `${verb}: ${task.id}.`);
      }
    };
    fill(instances,
      h('h2', { id: 'instances-title' }, `Instances (${tasks.length})`),
      tasks.length === 0 ? h('p', { class: 'empty' }, 'No instances.') : h('table', { class: 'tasks', id: 'tasks-table' },
        h('thead', {}, h('tr', {}, ['Instance', 'Agent', 'Host ports', 'State', 'Health', 'Started', 'Version', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, tasks.map((task) => h('tr', { 'data-task': task.id },
          h('th', { scope: 'row' }, h('a', { href: `#/logs/${encodeURIComponent(task.id)}/stdout`, class: 'task-logs', title: 'Logs' }, task.id)),
          h('td', {}, task.host, h('br'), h('small', {}, task.slaveId)),
          h('td', {}, portLinks(task).map((p) => [h('a', { href: p.url, target: '_blank', rel: 'noopener' }, p.port), ' '])),
          h('td', { class: 'task-state' }, task.state),
          h('td', {}, healthOf(task)),
          h('td', {}, timeTag(task.startedAt)),
          h('td', {}, timeTag(task.version)),
          h('td', { class: 'row-actions' },
            h('a', { href: `#/logs/${encodeURIComponent(task.id)}/stdout`, class: 'button small' }, 'Logs'),
            h('button', { type: 'button', class: 'small', onclick: () => kill(task, false), 'aria-label': `Kill ${task.id}` }, 'Kill'),
            h('button', { type: 'button', class: 'small danger', onclick: () => kill(task, true), 'aria-label': `Kill and scale down ${task.id}` }, 'Kill & scale')))))));
  }

  async function drawConfig() {
    const versions = (await get(`/v2/apps/${path}/versions`)).versions || [];
    const shown = selectedVersion.value && selectedVersion.value !== app.version
      ? await get(`/v2/apps/${path}/versions/${encodeURIComponent(selectedVersion.value)}`)
      : app;
    const apply = async (version) => {
      if (await confirmAction(`Apply version ${when(version)}?`, `${app.id} is deployed again with the configuration it had then.`, 'Apply')) {
        await act((force) => request('PUT', `/v2/apps/${path}${forced(force)}`, { version }), `Applying the version of ${when(version)}.`);
        selectedVersion.value = null;
        await refresh(true);
      }
    };
    fill(config,
      h('h2', { id: 'configuration-title' }, 'Configuration'),
      h('div', { class: 'config' },
        h('div', { class: 'versions' },
          h('h3', { id: 'versions-title' }, `Versions (${versions.length})`),
          h('ol', { 'aria-labelledby': 'versions-title', id: 'versions' }, versions.map((version) => {
            const current = version === app.version;
            const showing = (selectedVersion.value || app.version) === version;
            return h('li', { 'data-version': version, class: showing ? 'showing' : null },
              h('button', {
                type: 'button', class: 'link', 'aria-pressed': String(showing),
                onclick: async () => { selectedVersion.value = version; await drawConfig(); },
              }, when(version)),
              current ? h('span', { class: 'tag' }, 'current') : h('button', { type: 'button', class: 'small apply-version', onclick: () => apply(version) }, 'Apply this version'));
          }))),
        h('div', { class: 'definition' },
          h('h3', {}, shown === app ? 'Current definition' : `Definition of ${when(selectedVersion.value)}`),
          h('pre', { id: 'definition', tabindex: 0 }, JSON.stringify(editable(shown), null, 2)))));
  }

  async function refresh(force) {
    let loaded;
    let queue;
    try {
      [loaded, queue] = await Promise.all([get(`/v2/apps/${path}`), get('/v2/queue')]);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        renderNotFound(main, { what: 'app', id });
        return;
      }
      throw e;
    }
    const queued = (queue.queue || []).find((q) => q.app && q.app.id === loaded.app.id && q.count > 0);
    const key = JSON.stringify([loaded, queued]);
    if (!force && key === lastKey) return;
    const versionChanged = !app || app.version !== loaded.app.version;
    lastKey = key;
    app = loaded.app;
    const keepFocus = document.activeElement && document.activeElement.id;
    drawHead(appStatus(app, queued), queued);
    drawSummary();
    drawWaiting(queued);
    drawFailure();
    drawInstances();
    if (versionChanged || force) await drawConfig();
    if (keepFocus && document.getElementById(keepFocus)) document.getElementById(keepFocus).focus();
  }

  fill(main, breadcrumbs(id), head, messages, summary, waiting, failure, instances, config);
  try {
    await refresh(true);
  } catch (e) {
    if (e instanceof ApiError && e.status === 400) return renderNotFound(main, { what: 'app', id });
    throw e;
  }
  if (!app) return {};
  return { refresh: () => refresh(false) };
}
