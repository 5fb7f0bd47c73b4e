// The console's only way to the server: the public JSON API (CONTRACT §3, §8), same origin.
// The session (token, refresh token, chosen account) lives in sessionStorage: this tab only,
// gone when it closes. The client secret is sent once, to the token endpoint, and never kept.

const SESSION_KEY = 'bulk.console.session';
const RENEW_MARGIN_SECONDS = 60;

export class ApiError extends Error {
  constructor(message, { code = null, errorCode = null, trackingId = null, status = 0 } = {}) {
    super(message);
    this.code = code;
    this.errorCode = errorCode;
    this.trackingId = trackingId;
    this.status = status;
  }
}

let session = load();
let renewTimer = null;
const listeners = new Set();

function load() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY)) || null;
  } catch (e) {
    return null;
  }
}

function save() {
  if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(SESSION_KEY);
  listeners.forEach(l => l(session));
}

export function onSessionChange(listener) { listeners.add(listener); }
export function current() { return session; }

/** What a refusal says, whatever envelope it came in: ApiFaultDetail, OAuth's error, or none. */
function refusal(status, text, trackingId, fallback) {
  let body = null;
  try { body = JSON.parse(text); } catch (e) { /* not JSON: described by its status */ }
  const first = body && Array.isArray(body.OperationErrors) ? body.OperationErrors[0] : null;
  const message = first ? (first.Details && first.Details !== first.Message ? `${first.Message} ${first.Details}` : first.Message)
    : body && body.error_description ? body.error_description
    : fallback;
  return new ApiError(message, {
    code: first ? first.Code : null, errorCode: first ? first.ErrorCode : (body && body.error) || null,
    trackingId: (body && body.TrackingId) || trackingId, status,
  });
}

async function errorOf(response) {
  return refusal(response.status, await response.text(), response.headers.get('TrackingId'),
    `The server answered HTTP ${response.status}.`);
}

async function send(url, init) {
  let response;
  try {
    response = await fetch(url, { cache: 'no-store', ...init });
  } catch (e) {
    throw new ApiError('The server could not be reached. Check the connection and try again.');
  }
  if (!response.ok) throw await errorOf(response);
  return response;
}

function tokenForm(fields) {
  return { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) };
}

function scheduleRenewal() {
  clearTimeout(renewTimer);
  if (!session) return;
  const delay = Math.max(5, session.expiresAt - Date.now() / 1000 - RENEW_MARGIN_SECONDS) * 1000;
  renewTimer = setTimeout(() => renew().catch(() => signOut('Your session ended; sign in again.')), delay);
}

function remember(token) {
  session = { ...(session || {}), token: token.access_token, refreshToken: token.refresh_token,
    expiresAt: Date.now() / 1000 + token.expires_in };
}

/** Signs in with an API client's id and secret: a console token, then the customer's accounts. */
export async function signIn(clientId, clientSecret) {
  const response = await send('/identity/oauth/token',
    tokenForm({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: 'console' }));
  const token = await response.json();
  session = null;
  remember(token);
  session.clientId = clientId;
  const who = await get('/api/v1/accounts', { account: false });
  if (who.Accounts.length === 0) {
    session = null;
    throw new ApiError('This client\u2019s customer has no account yet.');
  }
  session.customerId = who.CustomerId;
  session.accounts = who.Accounts;
  session.accountId = who.Accounts[0].AccountId;
  save();
  scheduleRenewal();
}

/** Renews the token with its refresh token before it expires (each refresh token works once). */
export async function renew() {
  const response = await send('/identity/oauth/token',
    tokenForm({ grant_type: 'refresh_token', client_id: session.clientId, refresh_token: session.refreshToken }));
  remember(await response.json());
  save();
  scheduleRenewal();
}

export function signOut(reason) {
  clearTimeout(renewTimer);
  session = null;
  save();
  if (reason) sessionStorage.setItem('bulk.console.reason', reason);
}

export function takeSignOutReason() {
  const reason = sessionStorage.getItem('bulk.console.reason');
  sessionStorage.removeItem('bulk.console.reason');
  return reason;
}

export function chooseAccount(accountId) {
  session.accountId = Number(accountId);
  save();
}

export function account() {
  return session.accounts.find(a => a.AccountId === session.accountId);
}

/** The headers of every authenticated call (CONTRACT §3); a console token needs no DeveloperToken. */
export function headers({ account = true } = {}) {
  const h = { Authorization: `Bearer ${session.token}` };
  if (account) {
    h.CustomerId = String(session.customerId);
    h.CustomerAccountId = String(session.accountId);
  }
  return h;
}

export async function get(path, options) {
  const response = await send(path, { headers: headers(options) });
  return response.json();
}

/** A file the API serves, with the name it gives it (Content-Disposition). */
export async function getFile(path) {
  const response = await send(path, { headers: headers() });
  const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
  return { blob: await response.blob(), name: named ? named[1] : 'download' };
}

export async function postJson(path, body) {
  const response = await send(path, { method: 'POST', headers: { ...headers(), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return response.json();
}

export async function putJson(path, body) {
  const response = await send(path, { method: 'PUT', headers: { ...headers(), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return response.json();
}

export async function remove(path) {
  const response = await send(path, { method: 'DELETE', headers: headers() });
  return response.json();
}

// the preview reads a text file's first lines only: a big CSV need not cross the wire for it
// (a workbook or a .zip is read from its end, so it goes whole)
const PREVIEW_PREFIX_BYTES = 1 << 20;

/** How the server would read a file (format, header, first rows, each column's field), importing nothing. */
export async function preview(file, { charset, listId }) {
  const form = new FormData();
  if (charset) form.append('charset', charset);
  if (listId) form.append('CustomerListId', String(listId));
  const whole = /\.(xlsx|zip)$/i.test(file.name) || file.size <= PREVIEW_PREFIX_BYTES;
  form.append('file', whole ? file : file.slice(0, PREVIEW_PREFIX_BYTES), file.name);
  const response = await send('/api/v1/uploads/preview', { method: 'POST', headers: headers(), body: form });
  return response.json();
}

/** Sends a file to an UploadUrl, reporting the bytes sent (fetch cannot: XMLHttpRequest can). */
export function uploadFile(uploadUrl, file, charset, onProgress) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    if (charset) form.append('charset', charset);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', uploadUrl);
    Object.entries(headers()).forEach(([k, v]) => xhr.setRequestHeader(k, v));
    xhr.upload.addEventListener('progress', e => { if (e.lengthComputable) onProgress(e.loaded, e.total); });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) { resolve(); return; }
      reject(refusal(xhr.status, xhr.responseText, xhr.getResponseHeader('TrackingId'),
        `The upload was refused (HTTP ${xhr.status}).`));
    });
    xhr.addEventListener('error', () => reject(new ApiError('The upload was interrupted: the server could not be reached.')));
    xhr.send(form);
  });
}

if (session) scheduleRenewal();
