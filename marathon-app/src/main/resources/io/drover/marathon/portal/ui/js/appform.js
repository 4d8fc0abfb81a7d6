// The create/edit form's fields and the app JSON they stand for, converted both ways. The JSON is
// the truth: fields the form does not show are kept as they are.

/** Fields the API computes; they are not sent back when an app is saved. */
const READ_ONLY = ['version', 'versionInfo', 'tasksStaged', 'tasksRunning', 'tasksHealthy', 'tasksUnhealthy',
  'deployments', 'tasks', 'lastTaskFailure'];

export function editable(app) {
  const copy = structuredClone(app);
  READ_ONLY.forEach((field) => delete copy[field]);
  return copy;
}

export const EMPTY_APP = { id: '', cmd: '', instances: 1, cpus: 0.1, mem: 32, portDefinitions: [] };

/** Which form field shows the API's errors for a JSON path (Marathon's `details[].path`). */
export const FIELD_PATHS = {
  id: ['/id'],
  cmd: ['/cmd', '/args'],
  image: ['/container'],
  instances: ['/instances'],
  cpus: ['/cpus'],
  mem: ['/mem'],
  disk: ['/disk'],
  ports: ['/portDefinitions', '/requirePorts', '/container/portMappings'],
  env: ['/env'],
  labels: ['/labels'],
  constraints: ['/constraints'],
  health: ['/healthChecks'],
};

/** The field an error path belongs to, or null: '/healthChecks(0)/intervalSeconds' -> 'health'. */
export function fieldForPath(path) {
  let best = null;
  let bestLength = 0;
  for (const [field, prefixes] of Object.entries(FIELD_PATHS)) {
    for (const prefix of prefixes) {
      const next = path.charAt(prefix.length);
      if (path.startsWith(prefix) && (next === '' || next === '/' || next === '(') && prefix.length > bestLength) {
        best = field;
        bestLength = prefix.length;
      }
    }
  }
  return best;
}

function pairs(map) {
  return Object.entries(map || {}).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join('\n');
}

function parsePairs(text) {
  const map = {};
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const at = line.indexOf('=');
    if (at < 0) map[line.trim()] = '';
    else map[line.slice(0, at).trim()] = line.slice(at + 1);
  }
  return map;
}

/** A number when the text is one; otherwise the text itself, for the API to refuse at its path. */
function number(text) {
  const trimmed = String(text).trim();
  return trimmed !== '' && !Number.isNaN(Number(trimmed)) ? Number(trimmed) : trimmed;
}

function isDocker(app) {
  return Boolean(app.container && app.container.type === 'DOCKER');
}

/** The form's values for an app. */
export function appToForm(app) {
  const docker = isDocker(app);
  const ports = docker
    ? ((app.container.portMappings) || []).map((m) => m.containerPort)
    : (app.portDefinitions || []).map((p) => p.port);
  const check = (app.healthChecks || [])[0] || {};
  const command = check.command && typeof check.command === 'object' ? check.command.value : check.command;
  return {
    id: app.id || '',
    kind: docker ? 'docker' : 'cmd',
    cmd: app.cmd || '',
    image: docker && app.container.docker ? app.container.docker.image || '' : '',
    instances: app.instances ?? '',
    cpus: app.cpus ?? '',
    mem: app.mem ?? '',
    disk: app.disk ?? '',
    ports: ports.join(', '),
    env: pairs(app.env),
    labels: pairs(app.labels),
    constraints: (app.constraints || []).map((c) => c.join(':')).join('\n'),
    healthProtocol: check.protocol || '',
    healthPath: check.path || '',
    healthCommand: command || '',
    healthPortIndex: check.portIndex ?? 0,
    healthGrace: check.gracePeriodSeconds ?? 300,
    healthInterval: check.intervalSeconds ?? 60,
    healthMaxFailures: check.maxConsecutiveFailures ?? 3,
  };
}

function setOrDelete(app, field, text) {
  if (String(text).trim() === '') delete app[field];
  else app[field] = number(text);
}

/** The app JSON for the form's values, keeping whatever of `base` the form does not show. */
export function formToApp(form, base) {
  const app = structuredClone(base || {});
  app.id = form.id.trim();
  ['instances', 'cpus', 'mem', 'disk'].forEach((field) => setOrDelete(app, field, form[field]));
  const ports = form.ports.split(/[\s,]+/).filter(Boolean).map(number);
  if (form.kind === 'docker') {
    delete app.cmd;
    if (form.cmd.trim()) app.cmd = form.cmd;
    const container = app.container && app.container.type === 'DOCKER' ? app.container : { type: 'DOCKER', docker: {} };
    container.docker = { ...(container.docker || {}), image: form.image.trim() };
    const mappings = container.portMappings || [];
    container.portMappings = ports.map((port, i) => ({ hostPort: 0, ...(mappings[i] || {}), containerPort: port }));
    app.container = container;
    delete app.portDefinitions;
  } else {
    app.cmd = form.cmd;
    if (app.container && app.container.type === 'DOCKER') delete app.container;
    const definitions = app.portDefinitions || [];
    app.portDefinitions = ports.map((port, i) => ({ ...(definitions[i] || {}), port }));
  }
  app.env = parsePairs(form.env);
  app.labels = parsePairs(form.labels);
  app.constraints = form.constraints.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => line.split(':').map((part) => part.trim()));
  if (form.healthProtocol) {
    const previous = (base && base.healthChecks && base.healthChecks[0]) || {};
    const check = { ...previous, protocol: form.healthProtocol };
    delete check.path;
    delete check.command;
    if (form.healthProtocol === 'HTTP') check.path = form.healthPath || '/';
    if (form.healthProtocol === 'COMMAND') check.command = { value: form.healthCommand };
    else check.portIndex = number(form.healthPortIndex);
    if (form.healthProtocol === 'COMMAND') delete check.portIndex;
    check.gracePeriodSeconds = number(form.healthGrace);
    check.intervalSeconds = number(form.healthInterval);
    check.maxConsecutiveFailures = number(form.healthMaxFailures);
    app.healthChecks = [check, ...((base && base.healthChecks) || []).slice(1)];
  } else {
    app.healthChecks = [];
  }
  return app;
}

/** Parses JSON mode's text: {app} or {error} with the parser's message. */
export function parseAppJson(text) {
  try {
    const app = JSON.parse(text);
    if (app === null || typeof app !== 'object' || Array.isArray(app)) {
      return { error: 'The JSON must be one object: an app definition.' };
    }
    return { app };
  } catch (e) {
    return { error: e.message };
  }
}
