// Create or edit an app: a form for the common fields and a JSON mode, both views of one app JSON.
import { ApiError, appPath, get, request } from '../api.js';
import { EMPTY_APP, appToForm, editable, fieldForPath, formToApp, parseAppJson } from '../appform.js';
import { fill, h } from '../dom.js';
import { breadcrumbs } from './parts.js';
import { renderNotFound } from './notfound.js';

function field(name, label, control, hint) {
  control.id = `field-${name}`;
  control.name = name;
  const described = [`error-${name}`, hint ? `hint-${name}` : null].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', described);
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: control.id }, label),
    control,
    hint ? h('p', { class: 'hint', id: `hint-${name}` }, hint) : null,
    h('p', { class: 'field-error', id: `error-${name}`, 'aria-live': 'polite' }));
}

const input = (attrs = {}) => h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', ...attrs });
const area = (rows) => h('textarea', { rows, spellcheck: 'false' });

export async function renderEdit(main, { id, group }) {
  const creating = !id;
  let model = structuredClone(EMPTY_APP);
  if (creating && group) model.id = `${group}/`;
  if (!creating) {
    try {
      model = editable((await get(`/v2/apps/${appPath(id)}`)).app);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return renderNotFound(main, { what: 'app', id });
      throw e;
    }
  }

  const title = creating ? 'Create an application' : `Edit ${id}`;
  const kind = h('fieldset', { class: 'kind' },
    h('legend', {}, 'What runs'),
    h('label', {}, h('input', { type: 'radio', name: 'kind', value: 'cmd', id: 'kind-cmd' }), ' Command'),
    h('label', {}, h('input', { type: 'radio', name: 'kind', value: 'docker', id: 'kind-docker' }), ' Docker image'));
  const healthProtocol = h('select', {},
    ['', 'HTTP', 'TCP', 'COMMAND'].map((p) => h('option', { value: p }, p || 'None')));
  const form = h('form', { class: 'app-form', novalidate: true, 'aria-labelledby': 'page-title' },
    field('id', 'ID', input({ placeholder: '/group/app', required: true, readonly: !creating }), 'A path: lower-case letters, digits, dashes; slashes make groups.'),
    kind,
    field('cmd', 'Command', area(3), 'Run by /bin/sh in the task sandbox; $PORT0 is the first host port.'),
    field('image', 'Docker image', input({ placeholder: 'busybox:1' })),
    h('div', { class: 'row' },
      field('instances', 'Instances', input({ inputmode: 'numeric' })),
      field('cpus', 'CPUs', input({ inputmode: 'decimal' })),
      field('mem', 'Memory (MiB)', input({ inputmode: 'decimal' })),
      field('disk', 'Disk (MiB)', input({ inputmode: 'decimal' }))),
    field('ports', 'Ports', input({ placeholder: '0, 0' }), 'Comma-separated; 0 picks any free host port. For Docker: container ports.'),
    h('div', { class: 'row' },
      field('env', 'Environment', area(4), 'One KEY=value per line.'),
      field('labels', 'Labels', area(4), 'One key=value per line.')),
    field('constraints', 'Constraints', area(2), 'One field:OPERATOR[:value] per line, e.g. hostname:UNIQUE'),
    h('fieldset', { class: 'health', 'data-field': 'health', 'aria-describedby': 'error-health' },
      h('legend', {}, 'Health check'),
      h('div', { class: 'row' },
        field('healthProtocol', 'Protocol', healthProtocol),
        field('healthPath', 'HTTP path', input({ placeholder: '/' })),
        field('healthCommand', 'Command', input()),
        field('healthPortIndex', 'Port index', input({ inputmode: 'numeric' }))),
      h('div', { class: 'row' },
        field('healthGrace', 'Grace period (s)', input({ inputmode: 'numeric' })),
        field('healthInterval', 'Interval (s)', input({ inputmode: 'numeric' })),
        field('healthMaxFailures', 'Max consecutive failures', input({ inputmode: 'numeric' }))),
      h('p', { class: 'field-error', id: 'error-health', 'aria-live': 'polite' })));

  const jsonText = h('textarea', { id: 'app-json', rows: 24, spellcheck: 'false', 'aria-describedby': 'json-error' });
  const jsonView = h('div', { class: 'json-mode', hidden: true },
    h('label', { for: 'app-json' }, 'App definition (JSON)'),
    jsonText,
    h('p', { class: 'field-error', id: 'json-error', role: 'alert' }));
  const modeButton = h('button', { type: 'button', id: 'json-mode', 'aria-pressed': 'false' }, 'JSON mode');
  const summary = h('div', { id: 'form-errors', class: 'errors', role: 'alert' });
  const submit = h('button', { type: 'submit', form: 'app-form', class: 'primary', id: 'submit-app' }, creating ? 'Create application' : 'Save changes');
  form.id = 'app-form';

  function formValues() {
    const values = {};
    for (const el of form.elements) {
      if (el.name && el.type !== 'radio') values[el.name] = el.value;
    }
    values.kind = form.elements.kind.value || 'cmd';
    return values;
  }

  function showForm(values) {
    for (const [name, value] of Object.entries(values)) {
      const el = form.elements[name];
      if (!el) continue;
      if (name === 'kind') {
        form.querySelector(`#kind-${value}`).checked = true;
      } else {
        el.value = value;
      }
    }
    updateVisibility();
  }

  function updateVisibility() {
    const docker = form.elements.kind.value === 'docker';
    form.querySelector('[data-field=image]').hidden = !docker;
    const protocol = form.elements.healthProtocol.value;
    form.querySelector('[data-field=healthPath]').hidden = protocol !== 'HTTP';
    form.querySelector('[data-field=healthCommand]').hidden = protocol !== 'COMMAND';
    form.querySelector('[data-field=healthPortIndex]').hidden = protocol === '' || protocol === 'COMMAND';
    ['healthGrace', 'healthInterval', 'healthMaxFailures'].forEach((name) => { form.querySelector(`[data-field=${name}]`).hidden = protocol === ''; });
  }

  let jsonError = null;
  function showJson() {
    jsonText.value = JSON.stringify(model, null, 2);
    jsonError = null;
    fill(jsonView.querySelector('#json-error'));
  }

  form.addEventListener('input', () => {
    model = formToApp(formValues(), model);
    updateVisibility();
    showJson();
  });
  form.addEventListener('change', () => updateVisibility());
  jsonText.addEventListener('input', () => {
    const parsed = parseAppJson(jsonText.value);
    jsonError = parsed.error || null;
    fill(jsonView.querySelector('#json-error'), jsonError ? `Malformed JSON: ${jsonError}` : null);
    jsonText.setAttribute('aria-invalid', jsonError ? 'true' : 'false');
    if (!jsonError) {
      model = parsed.app;
      showForm(appToForm(model));
    }
  });
  modeButton.addEventListener('click', () => {
    const toJson = modeButton.getAttribute('aria-pressed') !== 'true';
    if (!toJson && jsonError) {
      fill(jsonView.querySelector('#json-error'), `Malformed JSON: ${jsonError}. Fix it before going back to the form.`);
      jsonText.focus();
      return;
    }
    modeButton.setAttribute('aria-pressed', String(toJson));
    form.hidden = toJson;
    jsonView.hidden = !toJson;
    (toJson ? jsonText : form.elements.id).focus();
  });

  function clearErrors() {
    fill(summary);
    main.querySelectorAll('.field-error').forEach((el) => { if (el.id !== 'json-error') fill(el); });
    main.querySelectorAll('[aria-invalid=true]').forEach((el) => el.removeAttribute('aria-invalid'));
  }

  function showErrors(error) {
    const lines = [];
    for (const detail of error.details || []) {
      const messages = (detail.errors || []).join('; ');
      const name = fieldForPath(detail.path || '/');
      const slot = name && main.querySelector(`#error-${name}`);
      if (slot) {
        slot.append(h('span', {}, `${messages} (${detail.path})`), ' ');
        const control = main.querySelector(`#field-${name}`);
        if (control) control.setAttribute('aria-invalid', 'true');
      }
      lines.push(h('li', {}, h('code', {}, detail.path || '/'), ': ', messages));
    }
    fill(summary, h('p', {}, error.message), lines.length ? h('ul', {}, lines) : null);
  }

  async function save(force) {
    clearErrors();
    if (form.hidden) {
      const parsed = parseAppJson(jsonText.value);
      if (parsed.error) {
        fill(jsonView.querySelector('#json-error'), `Malformed JSON: ${parsed.error}. Nothing was sent.`);
        jsonText.setAttribute('aria-invalid', 'true');
        jsonText.focus();
        return;
      }
      model = parsed.app;
    } else {
      model = formToApp(formValues(), model);
    }
    const targetId = creating ? model.id : id;
    const query = force ? '?force=true' : '';
    submit.disabled = true;
    try {
      if (creating) await request('POST', `/v2/apps${query}`, model);
      else await request('PUT', `/v2/apps/${appPath(id)}${query}`, model);
      location.hash = `#/apps/${appPath(targetId || '')}`;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      showErrors(e);
      if (e.status === 409 && /deployment/i.test(e.message)) {
        summary.append(h('button', { type: 'button', class: 'danger', onclick: () => save(true) }, 'Save anyway (force)'));
      }
      const first = main.querySelector('[aria-invalid=true]');
      if (first && !form.hidden) first.focus();
    } finally {
      submit.disabled = false;
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save(false);
  });
  // Submitting from JSON mode: the form element is hidden but the button still targets it.
  submit.addEventListener('click', (event) => {
    if (form.hidden) {
      event.preventDefault();
      save(false);
    }
  });

  fill(main,
    breadcrumbs(creating ? '/' : id, creating ? 'New application' : 'Edit'),
    h('div', { class: 'page-head' }, h('h1', { id: 'page-title' }, title), modeButton),
    summary,
    form,
    jsonView,
    h('div', { class: 'actions' }, submit, h('a', { href: creating ? '#/apps' : `#/apps/${appPath(id)}`, class: 'button' }, 'Cancel')));
  showForm(appToForm(model));
  showJson();
  form.elements.id.focus();
  return {};
}
