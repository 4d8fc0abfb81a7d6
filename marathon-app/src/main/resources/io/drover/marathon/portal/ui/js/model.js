// Pure functions over the API's JSON: what the pages show is decided here, drawing is elsewhere.

export const STATUSES = ['Running', 'Deploying', 'Suspended', 'Delayed', 'Waiting'];

/**
 * An app's status as Marathon's UI named it. `queued` is the app's /v2/queue entry, if any:
 * Delayed while its launch backoff runs; Waiting while offers come and none fits, or while
 * instances wait to launch outside any deployment (e.g. after crashes).
 */
export function appStatus(app, queued) {
  const waiting = Boolean(queued && queued.count > 0);
  if (waiting && queued.delay && queued.delay.timeLeftSeconds > 0) return 'Delayed';
  if (waiting && queued.processedOffersSummary && queued.processedOffersSummary.unusedOffersCount > 0) return 'Waiting';
  if (app.deployments && app.deployments.length > 0) return 'Deploying';
  if (waiting) return 'Waiting';
  if (app.instances === 0) return 'Suspended';
  return 'Running';
}

/** Parts of the health bar, in drawing order; `unscheduled` is wanted but not even staged. */
export function healthSegments(app) {
  const running = app.tasksRunning || 0;
  const healthy = Math.min(app.tasksHealthy || 0, running);
  const unhealthy = Math.min(app.tasksUnhealthy || 0, running - healthy);
  const staged = app.tasksStaged || 0;
  const unknown = running - healthy - unhealthy;
  const unscheduled = Math.max(0, (app.instances || 0) - running - staged);
  return { healthy, unhealthy, unknown, staged, unscheduled };
}

/** '/prod/web/api' -> ['prod', 'web', 'api'] */
export function segments(id) {
  return id.split('/').filter(Boolean);
}

/**
 * What a group's listing shows: its apps, and its sub-groups with their apps' totals.
 * `group` is '/' or '/a/b'.
 */
export function groupListing(apps, group) {
  const prefix = group === '/' ? [] : segments(group);
  const direct = [];
  const subgroups = new Map();
  for (const app of apps) {
    const parts = segments(app.id);
    if (parts.length <= prefix.length || prefix.some((p, i) => parts[i] !== p)) continue;
    if (parts.length === prefix.length + 1) {
      direct.push(app);
    } else {
      const id = '/' + parts.slice(0, prefix.length + 1).join('/');
      const sub = subgroups.get(id) || { id, apps: [], instances: 0, tasksRunning: 0, tasksHealthy: 0, tasksUnhealthy: 0, tasksStaged: 0, cpus: 0, mem: 0 };
      sub.apps.push(app);
      for (const count of ['instances', 'tasksRunning', 'tasksHealthy', 'tasksUnhealthy', 'tasksStaged']) sub[count] += app[count] || 0;
      sub.cpus += (app.cpus || 0) * (app.instances || 0);
      sub.mem += (app.mem || 0) * (app.instances || 0);
      subgroups.set(id, sub);
    }
  }
  return { groups: [...subgroups.values()].sort((a, b) => a.id.localeCompare(b.id)), apps: direct };
}

/**
 * Apps that pass the filter. `text` matches the id or the command; `label` is 'key' or
 * 'key=value'; `status` one of STATUSES or ''.
 */
export function filterApps(apps, { text = '', status = '', label = '' }, statusOf) {
  const needle = text.trim().toLowerCase();
  const [labelKey, labelValue] = label.includes('=') ? label.split(/=(.*)/s, 2) : [label, undefined];
  return apps.filter((app) => {
    if (needle && !app.id.toLowerCase().includes(needle) && !(app.cmd || '').toLowerCase().includes(needle)
        && !((app.container && app.container.docker && app.container.docker.image) || '').toLowerCase().includes(needle)) return false;
    if (status && statusOf(app) !== status) return false;
    if (labelKey.trim()) {
      const labels = app.labels || {};
      if (!(labelKey.trim() in labels)) return false;
      if (labelValue !== undefined && labels[labelKey.trim()] !== labelValue.trim()) return false;
    }
    return true;
  });
}

const SORT_KEYS = {
  id: (app) => app.id,
  status: (app, statusOf) => statusOf(app),
  running: (app) => app.tasksRunning || 0,
  cpus: (app) => app.cpus || 0,
  mem: (app) => app.mem || 0,
  health: (app) => (app.tasksHealthy || 0) - (app.tasksUnhealthy || 0),
};

export function sortApps(apps, key, ascending, statusOf) {
  const of = SORT_KEYS[key] || SORT_KEYS.id;
  const sorted = [...apps].sort((a, b) => {
    const x = of(a, statusOf);
    const y = of(b, statusOf);
    const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
    return order !== 0 ? order : a.id.localeCompare(b.id);
  });
  return ascending ? sorted : sorted.reverse();
}

/** Every label key=value seen on these apps, for the label filter's suggestions. */
export function labelChoices(apps) {
  const seen = new Set();
  for (const app of apps) {
    for (const [key, value] of Object.entries(app.labels || {})) {
      seen.add(key);
      seen.add(`${key}=${value}`);
    }
  }
  return [...seen].sort();
}

/** What each of the queue's reject reasons means for this app, in words. */
export function explainReject(reason, app) {
  const ports = (app.portDefinitions || []).length + ((app.container && app.container.portMappings) || []).length;
  switch (reason) {
    case 'UnfulfilledRole': return `No offer was for a role the app accepts (${(app.acceptedResourceRoles || ['*']).join(', ')}).`;
    case 'UnfulfilledConstraint': return `No agent met the constraints ${JSON.stringify(app.constraints || [])}.`;
    case 'NoCorrespondingReservationFound': return 'No offer carried a matching reservation.';
    case 'AgentMaintenance': return 'The agents offering were in maintenance.';
    case 'InsufficientCpus': return `No offer had ${app.cpus} CPUs free.`;
    case 'InsufficientMemory': return `No offer had ${app.mem} MiB of memory free.`;
    case 'InsufficientDisk': return `No offer had ${app.disk} MiB of disk free.`;
    case 'InsufficientGpus': return 'No offer had enough GPUs.';
    case 'InsufficientPorts': return `No offer had the ${ports} port(s) the app needs.`;
    case 'DeclinedScarceResources': return 'Offers with scarce resources (GPUs) are kept for apps that need them.';
    default: return reason;
  }
}

/** The reject lines worth showing: those that turned offers away, the worst first. */
export function blockingRejects(summary) {
  const lines = (summary && summary.rejectSummaryLastOffers) || [];
  return lines.filter((line) => line.declined > 0).sort((a, b) => b.declined - a.declined);
}

/** Host ports of a task as links where they are TCP-ish services: http://host:port. */
export function portLinks(task) {
  return (task.ports || []).map((port) => ({ port, url: `http://${task.host}:${port}/` }));
}

/** '[31000-32000, 33000-33001]' -> number of ports. */
export function countPorts(ranges) {
  if (!ranges) return 0;
  if (Array.isArray(ranges)) return ranges.reduce((n, r) => n + (r.end - r.begin + 1), 0);
  let total = 0;
  for (const match of String(ranges).matchAll(/(\d+)\s*-\s*(\d+)/g)) total += Number(match[2]) - Number(match[1]) + 1;
  return total;
}
