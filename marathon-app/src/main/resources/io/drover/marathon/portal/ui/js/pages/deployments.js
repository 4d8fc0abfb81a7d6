// Deployments in progress: their steps, where they are, and the way back (rollback) or out (force stop).
import { ApiError, request, get } from '../api.js';
import { confirmAction, fill, h, notice, timeTag } from '../dom.js';
import { appLink } from './parts.js';

export async function renderDeployments(main) {
  const messages = h('div', { id: 'deployment-messages', role: 'status', 'aria-live': 'polite' });
  const list = h('div', { id: 'deployments-list' });
  let lastKey = '';

  async function cancel(deployment, force) {
    const title = force ? `Force-stop deployment ${deployment.id}?` : `Roll back deployment ${deployment.id}?`;
    const text = force
      ? 'The deployment stops where it is; apps are left as they are now, half-way.'
      : 'A new deployment takes the affected apps back to where they were before this one.';
    if (!(await confirmAction(title, text, force ? 'Force stop' : 'Roll back'))) return;
    try {
      await request('DELETE', `/v2/deployments/${encodeURIComponent(deployment.id)}${force ? '?force=true' : ''}`);
      notice(messages, force ? `Deployment ${deployment.id} stopped.` : `Rolling back deployment ${deployment.id}.`, 'ok');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      notice(messages, e.message, 'error');
    }
    await refresh();
  }

  function stepList(deployment) {
    return h('ol', { class: 'steps' }, deployment.steps.map((step, i) => {
      const n = i + 1;
      const state = n < deployment.currentStep ? 'done' : n === deployment.currentStep ? 'current' : 'next';
      return h('li', { class: `step-${state}`, 'aria-current': state === 'current' ? 'step' : null },
        h('span', { class: 'visually-hidden' }, `${state === 'done' ? 'done' : state === 'current' ? 'in progress' : 'to do'}: `),
        step.actions.map((a, j) => [j ? ', ' : '', `${a.action} `, appLink(a.app)]));
    }));
  }

  let apps = new Map();

  /** How far an affected app is: running / wanted instances, as it stands now. */
  function instanceProgress(id) {
    const app = apps.get(id);
    if (!app) return null;
    return h('span', { class: 'progress-text' }, `${app.tasksRunning || 0} / ${app.instances} running`);
  }

  function draw(deployments) {
    if (deployments.length === 0) {
      fill(list, h('p', { class: 'empty' }, 'No deployment in progress.'));
      return;
    }
    fill(list, h('table', { class: 'deployments', id: 'deployments-table' },
      h('thead', {}, h('tr', {}, ['Deployment', 'Apps', 'Started', 'Steps', 'Progress', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, deployments.map((d) => h('tr', { 'data-deployment': d.id },
        h('th', { scope: 'row' }, h('code', {}, d.id)),
        h('td', {}, h('ul', { class: 'plain' }, d.affectedApps.map((id) => h('li', {}, appLink(id), ' ', instanceProgress(id))))),
        h('td', {}, timeTag(d.version)),
        h('td', {}, stepList(d)),
        h('td', {},
          h('progress', { max: d.totalSteps, value: Math.max(0, d.currentStep - 1), 'aria-label': `Step ${d.currentStep} of ${d.totalSteps}` }),
          ` step ${d.currentStep} of ${d.totalSteps}`),
        h('td', { class: 'row-actions' },
          h('button', { type: 'button', class: 'small rollback', onclick: () => cancel(d, false) }, 'Roll back'),
          h('button', { type: 'button', class: 'small danger force-stop', onclick: () => cancel(d, true) }, 'Force stop')))))));
  }

  async function refresh() {
    const [deployments, listing] = await Promise.all([get('/v2/deployments'), get('/v2/apps')]);
    apps = new Map(listing.apps.map((app) => [app.id, app]));
    const key = JSON.stringify([deployments, listing]);
    if (key === lastKey) return;
    lastKey = key;
    draw(deployments);
  }

  fill(main, h('div', { class: 'page-head' }, h('h1', { id: 'page-title' }, 'Deployments')), messages, list);
  await refresh();
  return { refresh };
}
