// Pieces several pages draw the same way.
import { appPath } from '../api.js';
import { h } from '../dom.js';
import { healthSegments, segments } from '../model.js';

/** Applications / group / ... / last, each ancestor a link (groups list their apps). */
export function breadcrumbs(id, last) {
  const parts = segments(id || '/');
  const atRoot = parts.length === 0 && !last;
  const items = [h('li', {}, atRoot ? h('span', { 'aria-current': 'page' }, 'Applications') : h('a', { href: '#/apps' }, 'Applications'))];
  parts.forEach((part, i) => {
    const path = parts.slice(0, i + 1).join('/');
    const isLeaf = i === parts.length - 1;
    const href = isLeaf && !last ? null : (isLeaf && last ? `#/apps/${path}` : `#/groups/${path}`);
    items.push(h('li', {}, href ? h('a', { href }, part) : h('span', { 'aria-current': 'page' }, part)));
  });
  if (last) items.push(h('li', {}, h('span', { 'aria-current': 'page' }, last)));
  return h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumbs' }, h('ol', {}, items));
}

export function statusBadge(status) {
  return h('span', { class: `status status-${status.toLowerCase()}`, 'data-status': status }, status);
}

const HEALTH_PARTS = [
  ['healthy', 'healthy'], ['unhealthy', 'unhealthy'], ['unknown', 'running, health unknown'], ['staged', 'staged'], ['unscheduled', 'not yet scheduled'],
];

/** A bar of healthy / unhealthy / unknown / staged / unscheduled instances, with the counts as its label. */
export function healthBar(app) {
  const parts = healthSegments(app);
  const total = Object.values(parts).reduce((a, b) => a + b, 0);
  const words = HEALTH_PARTS.filter(([key]) => parts[key] > 0).map(([key, word]) => `${parts[key]} ${word}`);
  const label = words.length ? words.join(', ') : 'no instances';
  return h('div', { class: 'health-bar', role: 'img', 'aria-label': label, title: label },
    HEALTH_PARTS.filter(([key]) => parts[key] > 0).map(([key]) =>
      h('span', { class: `seg seg-${key}`, style: `flex-grow:${parts[key] / Math.max(total, 1)}` })));
}

/** What the health bar's colours mean. */
export function healthLegend() {
  return h('ul', { class: 'legend', 'aria-label': 'Health bar colours' },
    HEALTH_PARTS.map(([key, word]) => h('li', {}, h('span', { class: `swatch seg-${key}`, 'aria-hidden': 'true' }), word)));
}

/** A used-of-total bar with the numbers written beside it. */
export function usageBar(label, used, total, unit = '') {
  const share = total > 0 ? Math.min(used / total, 1) : 0;
  const text = `${round(used)}${unit} of ${round(total)}${unit}`;
  return h('div', { class: 'usage' },
    h('span', { class: 'usage-label' }, label),
    h('meter', { min: 0, max: total || 1, value: used, high: (total || 1) * 0.9, 'aria-label': `${label}: ${text}` }),
    h('span', { class: 'usage-text' }, text));
}

export function round(n) {
  return Math.round((n || 0) * 100) / 100;
}

export function appLink(id) {
  return h('a', { href: `#/apps/${appPath(id)}` }, id);
}
