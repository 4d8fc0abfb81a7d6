// The portal's only way to marathon-app: its public HTTP API (REST v2, /ping, /cluster).
import { connection } from './connection.js';

/** An answer other than 2xx, or no answer at all (status 0). `details` are Marathon's [{path, errors}]. */
export class ApiError extends Error {
  constructor(status, message, details = []) {
    super(message);
    this.status = status;
    this.details = details;
  }
}

export async function request(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    connection.lost();
    throw new ApiError(0, 'marathon-app is unreachable');
  }
  connection.reached();
  const text = await response.text();
  let json = null;
  if (text && (response.headers.get('Content-Type') || '').includes('json')) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      json = null;
    }
  }
  if (!response.ok) {
    const message = (json && json.message) || text || `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message, (json && json.details) || []);
  }
  return json;
}

export const get = (path) => request('GET', path);

/** Path ids as they go into URLs: '/prod/web' -> 'prod/web', each segment encoded. */
export function appPath(id) {
  return id.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/');
}
