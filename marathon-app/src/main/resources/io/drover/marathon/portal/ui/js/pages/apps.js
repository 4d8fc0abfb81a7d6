// The applications list: one group's apps and sub-groups, or, while filtering, every matching app.
import { appPath, get } from '../api.js';
import { fill, h } from '../dom.js';
import { STATUSES, appStatus, filterApps, groupListing, labelChoices, sortApps } from '../model.js';
import { appLink, breadcrumbs, healthBar, healthLegend, round, statusBadge } from './parts.js';

// Kept across visits, as a user expects of a list they filtered.
const view = { text: '', status: '', label: '', sort: 'id', ascending: true };

const COLUMNS = [
  ['id', 'ID'], ['status', 'Status'], ['running', 'Running / wanted'], ['cpus', 'CPUs'], ['mem', 'Memory (MiB)'], ['health', 'Health'],
];

export async function renderApps(main, { group = '/' }) {
  const results = h('div', { id: 'apps-results' });
  const labels = h('datalist', { id: 'label-choices' });
  let data = { apps: [], queue: [] };
  let lastDrawn = '';

  const text = h('input', { type: 'search', id: 'filter-text', value: view.text, placeholder: 'id or command' });
  const status = h('select', { id: 'filter-status' },
    h('option', { value: '' }, 'Any'), STATUSES.map((s) => h('option', { value: s, selected: view.status === s }, s)));
  const label = h('input', { type: 'text', id: 'filter-label', list: 'label-choices', value: view.label, placeholder: 'key or key=value' });
  const onFilter = () => {
    view.text = text.value;
    view.status = status.value;
    view.label = label.value;
    draw(true);
  };
  text.addEventListener('input', onFilter);
  status.addEventListener('change', onFilter);
  label.addEventListener('input', onFilter);

  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter applications', onsubmit: (e) => e.preventDefault() },
    h('label', { for: 'filter-text' }, 'Search'), text,
    h('label', { for: 'filter-status' }, 'Status'), status,
    h('label', { for: 'filter-label' }, 'Label'), label, labels);

  fill(main,
    breadcrumbs(group),
    h('div', { class: 'page-head' },
      h('h1', { id: 'page-title' }, group === '/' ? 'Applications' : `Group ${group}`),
      h('a', { href: `#/create${group === '/' ? '' : `?group=${encodeURIComponent(group)}`}`, class: 'button primary', id: 'create-app' }, 'Create application')),
    filters,
    results);

  function statusOf(app) {
    return appStatus(app, data.queue.find((q) => q.app && q.app.id === app.id));
  }

  function sortHeader(key, title) {
    const active = view.sort === key;
    return h('th', { scope: 'col', 'aria-sort': active ? (view.ascending ? 'ascending' : 'descending') : 'none' },
      h('button', {
        type: 'button', class: 'sort', 'data-sort': key,
        onclick: () => {
          view.ascending = active ? !view.ascending : true;
          view.sort = key;
          draw(true);
          results.querySelector(`[data-sort=${key}]`).focus();
        },
      }, title, active ? (view.ascending ? ' ▲' : ' ▼') : ''));
  }

  function appRow(app) {
    const appStatusText = statusOf(app);
    return h('tr', { 'data-app': app.id },
      h('th', { scope: 'row' }, appLink(app.id)),
      h('td', {}, statusBadge(appStatusText)),
      h('td', { class: 'num instances' }, `${app.tasksRunning || 0} / ${app.instances}`),
      h('td', { class: 'num' }, round(app.cpus)),
      h('td', { class: 'num' }, round(app.mem)),
      h('td', {}, healthBar(app)));
  }

  function groupRow(sub) {
    return h('tr', { class: 'group-row', 'data-group': sub.id },
      h('th', { scope: 'row' }, h('a', { href: `#/groups/${appPath(sub.id)}` }, `${sub.id}/`), ` (${sub.apps.length} app${sub.apps.length === 1 ? '' : 's'})`),
      h('td', {}, 'Group'),
      h('td', { class: 'num' }, `${sub.tasksRunning} / ${sub.instances}`),
      h('td', { class: 'num' }, round(sub.cpus)),
      h('td', { class: 'num' }, round(sub.mem)),
      h('td', {}, healthBar(sub)));
  }

  function draw(force) {
    const filtering = Boolean(view.text.trim() || view.status || view.label.trim());
    const listing = groupListing(data.apps, group);
    const within = group === '/' ? data.apps : data.apps.filter((a) => a.id.startsWith(`${group}/`));
    const apps = sortApps(filtering ? filterApps(within, view, statusOf) : listing.apps, view.sort, view.ascending, statusOf);
    const groups = filtering ? [] : listing.groups;
    const key = JSON.stringify([data, view]);
    if (!force && key === lastDrawn) return;
    lastDrawn = key;
    fill(labels, labelChoices(data.apps).map((choice) => h('option', { value: choice })));
    if (apps.length === 0 && groups.length === 0) {
      fill(results, h('p', { class: 'empty' }, filtering ? 'No application matches the filter.' : 'No applications yet. ',
        filtering ? null : h('a', { href: '#/create' }, 'Create one')));
      return;
    }
    fill(results, h('table', { class: 'apps', id: 'apps-table' },
      h('caption', { class: 'visually-hidden' }, `Applications${filtering ? ' matching the filter' : ''}; column buttons sort`),
      h('thead', {}, h('tr', {}, COLUMNS.map(([k, t]) => sortHeader(k, t)))),
      h('tbody', {}, groups.map(groupRow), apps.map(appRow))),
      healthLegend());
  }

  async function refresh() {
    const [apps, queue] = await Promise.all([get('/v2/apps'), get('/v2/queue')]);
    data = { apps: apps.apps, queue: queue.queue };
    draw(false);
  }

  await refresh();
  return { refresh };
}
