// The cluster as the leading master sees it (marathon-app's /cluster/state): leader, agents, frameworks.
import { get } from '../api.js';
import { fill, h } from '../dom.js';
import { countPorts } from '../model.js';
import { usageBar } from './parts.js';

export async function renderCluster(main) {
  const body = h('div', { id: 'cluster-body' });
  let lastKey = '';

  function agentTable(state) {
    const tasksByAgent = new Map();
    for (const framework of state.frameworks || []) {
      for (const task of framework.tasks || []) tasksByAgent.set(task.agentId, [...(tasksByAgent.get(task.agentId) || []), { ...task, framework: framework.name }]);
    }
    return h('table', { class: 'agents', id: 'agents-table' },
      h('caption', {}, `Agents (${(state.agents || []).length})`),
      h('thead', {}, h('tr', {}, ['Agent', 'Status', 'Attributes', 'Resources used of total', 'Tasks'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, (state.agents || []).map((agent) => {
        const total = (agent.resources && agent.resources.total) || {};
        const used = (agent.resources && agent.resources.used) || {};
        const tasks = tasksByAgent.get(agent.id) || [];
        return h('tr', { 'data-agent': agent.id },
          h('th', { scope: 'row' }, agent.hostname, h('br'), h('small', {}, agent.id)),
          h('td', {}, agent.active ? 'active' : agent.status || 'inactive'),
          h('td', {}, Object.keys(agent.attributes || {}).length
            ? h('dl', { class: 'attributes' }, Object.entries(agent.attributes).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))
            : '—'),
          h('td', { class: 'bars' },
            usageBar('CPUs', used.cpus || 0, total.cpus || 0),
            usageBar('Memory', used.mem || 0, total.mem || 0, ' MiB'),
            usageBar('Disk', used.disk || 0, total.disk || 0, ' MiB'),
            usageBar('Ports', countPorts(used.ports), countPorts(total.ports))),
          h('td', {}, tasks.length === 0 ? '—' : h('details', {},
            h('summary', {}, `${tasks.length} task${tasks.length === 1 ? '' : 's'}`),
            h('ul', {}, tasks.map((t) => h('li', {}, `${t.name || t.id} (${t.framework}, ${t.state})`))))));
      })));
  }

  function frameworkTable(state) {
    return h('table', { class: 'frameworks', id: 'frameworks-table' },
      h('caption', {}, `Frameworks (${(state.frameworks || []).length})`),
      h('thead', {}, h('tr', {}, ['Framework', 'Roles', 'Status', 'Dominant share', 'Tasks'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, (state.frameworks || []).map((f) => h('tr', { 'data-framework': f.id },
        h('th', { scope: 'row' }, f.name, h('br'), h('small', {}, f.id)),
        h('td', {}, (f.roles || []).join(', ') || '*'),
        h('td', {}, f.active ? 'active' : f.status || 'inactive'),
        h('td', {}, h('meter', { min: 0, max: 1, value: f.dominantShare || 0, 'aria-label': `Dominant share of ${f.name}` }), ` ${((f.dominantShare || 0) * 100).toFixed(1)} %`),
        h('td', { class: 'num' }, (f.tasks || []).length)))));
  }

  async function refresh() {
    const state = await get('/cluster/state');
    const key = JSON.stringify(state);
    if (key === lastKey) return;
    lastKey = key;
    const leader = state.leader || {};
    const counts = state.counts || {};
    fill(body,
      h('section', { 'aria-labelledby': 'leader-title' },
        h('h2', { id: 'leader-title' }, 'Leading master'),
        h('dl', { class: 'facts', id: 'leader' },
          h('dt', {}, 'Master'), h('dd', {}, `${leader.host}:${leader.httpPort}`, ' ', h('small', {}, leader.id)),
          h('dt', {}, 'Epoch / version'), h('dd', {}, `${leader.epoch} / ${leader.version}`),
          h('dt', {}, 'Agents'), h('dd', {}, `${counts.activeAgents} active of ${counts.agents}`),
          h('dt', {}, 'Frameworks'), h('dd', {}, `${counts.activeFrameworks} active of ${counts.frameworks}`),
          h('dt', {}, 'Tasks'), h('dd', {}, `${counts.tasks}`, ' ',
            Object.entries(counts.tasksByState || {}).map(([s, n]) => h('span', { class: 'tag' }, `${s} ${n}`))))),
      h('section', { 'aria-label': 'Agents' }, agentTable(state)),
      h('section', { 'aria-label': 'Frameworks' }, frameworkTable(state)));
  }

  fill(main, h('div', { class: 'page-head' }, h('h1', { id: 'page-title' }, 'Cluster')), body);
  await refresh();
  // Offers and usage move without marathon-app events: look again every few seconds while shown.
  const timer = setInterval(() => refresh().catch(() => {}), 5000);
  return { refresh, dispose: () => clearInterval(timer) };
}
