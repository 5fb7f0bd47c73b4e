// The console: a hash router over five views, each drawn from the JSON API. Views that show a
// running import poll until it ends; leaving a view stops its polling.
import * as api from './api.js';
import { el, table, parseDelimited, formatTime } from './dom.js';

const FINAL = new Set(['Completed', 'CompletedWithErrors', 'Failed', 'UploadFileRowCountExceeded', 'UploadFileFormatNotSupported']);
const STATUSES = ['PendingFileUpload', 'FileUploaded', 'InProgress', ...FINAL];
const POLL_MS = 1500;
// the failed-rows report is written in the uploaded file's own format, which its name tells
const DELIMITERS = { csv: ',', tsv: '\t', ssv: ';' };
const main = document.getElementById('main');
let viewGeneration = 0;

function notice(error, kind = 'error') {
  const box = document.getElementById('notice');
  box.replaceChildren();
  if (!error) { box.hidden = true; return; }
  box.className = kind === 'info' ? 'notice info' : 'notice';
  if (typeof error === 'string') box.append(error);
  else {
    box.append(error.message);
    if (error.code !== null && error.code !== undefined) box.append(` (error ${error.code}${error.errorCode ? ' ' + error.errorCode : ''})`);
    if (error.trackingId) box.append(el('span', { class: 'tracking' }, ` TrackingId: ${error.trackingId}`));
  }
  box.hidden = false;
}

/** Runs a view's call; on failure shows its error (an expired session goes back to sign-in). */
async function guarded(work) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof api.ApiError && (error.code === 105 || error.code === 109) && api.current()) {
      api.signOut('Your session has ended; please sign in again.');
      go('#/signin');
      return undefined;
    }
    notice(error);
    return undefined;
  }
}

function render(title, ...content) {
  main.replaceChildren(el('h1', { id: 'title', tabindex: '-1' }, title), ...content);
  document.title = `${title} · Bulk upload console`;
  document.getElementById('title').focus();
}

function go(hash) {
  if (location.hash === hash) route(); else location.hash = hash;
}

function isCurrent(generation) { return generation === viewGeneration; }

function statusCell(status) { return el('span', { class: `status ${status}` }, status); }

function progressCell(u) {
  return el('span', {}, el('progress', { max: 100, value: u.PercentComplete, 'aria-label': `${u.PercentComplete}% complete` }),
    ` ${u.PercentComplete}%`);
}

// ---- sign in --------------------------------------------------------------------------------

function signInView() {
  const reason = api.takeSignOutReason();
  if (reason) notice(reason, 'info');
  const clientId = el('input', { type: 'text', id: 'client-id', name: 'client_id', autocomplete: 'username', required: true });
  const secret = el('input', { type: 'password', id: 'client-secret', name: 'client_secret', autocomplete: 'current-password', required: true });
  const submit = el('button', { type: 'submit', id: 'sign-in' }, 'Sign in');
  const form = el('form', { class: 'stack', id: 'sign-in-form', onsubmit: async e => {
    e.preventDefault();
    submit.disabled = true;
    notice(null);
    const ok = await guarded(async () => { await api.signIn(clientId.value.trim(), secret.value); return true; });
    secret.value = '';
    submit.disabled = false;
    if (ok) go('#/uploads');
  } },
  el('p', {}, 'Sign in with an API client\u2019s id and secret. The secret is sent once to get a token and never stored.'),
  el('div', {}, el('label', { for: 'client-id' }, 'Client id'), clientId),
  el('div', {}, el('label', { for: 'client-secret' }, 'Client secret'), secret),
  el('div', {}, submit));
  render('Sign in', form);
  clientId.focus();
}

// ---- uploads --------------------------------------------------------------------------------

async function uploadsView(params) {
  const generation = viewGeneration;
  const status = params.get('status') || '';
  const pageToken = params.get('pageToken') || '';
  const filter = el('select', { id: 'status-filter', onchange: e => go(`#/uploads?status=${encodeURIComponent(e.target.value)}`) },
    el('option', { value: '' }, 'Every status'), STATUSES.map(s => el('option', { value: s, selected: s === status }, s)));
  const holder = el('div', { id: 'uploads', 'aria-live': 'polite' });
  render('Uploads', el('form', { class: 'filters', onsubmit: e => e.preventDefault() },
    el('div', {}, el('label', { for: 'status-filter' }, 'Status'), filter),
    el('a', { href: '#/new' }, 'New upload')), holder);

  const refresh = async () => {
    const query = new URLSearchParams({ pageSize: '20' });
    if (status) query.set('status', status);
    if (pageToken) query.set('pageToken', pageToken);
    const page = await guarded(() => api.get(`/api/v1/uploads?${query}`));
    if (!page || !isCurrent(generation)) return;
    holder.replaceChildren(table('Every upload of the account, newest first, whatever protocol sent it', [
      { title: 'Created', value: u => formatTime(u.CreatedAt) },
      { title: 'Request', value: u => el('a', { href: `#/uploads/${encodeURIComponent(u.RequestId)}` }, u.RequestId) },
      { title: 'Protocol', value: u => u.Protocol },
      { title: 'File', value: u => u.FileName || '\u2014' },
      { title: 'Status', value: u => statusCell(u.RequestStatus) },
      { title: 'Progress', value: progressCell },
      { title: 'Processed', num: true, value: u => u.RowsProcessed },
      { title: 'Failed', num: true, value: u => u.RowsFailed },
      { title: 'Warnings', num: true, value: u => u.RowsWithWarning },
    ], page.Uploads), el('div', { class: 'pager' },
      pageToken ? el('a', { href: `#/uploads?status=${encodeURIComponent(status)}` }, 'First page') : null,
      page.NextPageToken ? el('a', { href: `#/uploads?status=${encodeURIComponent(status)}&pageToken=${encodeURIComponent(page.NextPageToken)}` }, 'Next page') : null));
    if (page.Uploads.some(u => !FINAL.has(u.RequestStatus))) setTimeout(() => isCurrent(generation) && refresh(), POLL_MS);
  };
  await refresh();
}

// ---- new upload -----------------------------------------------------------------------------

async function newUploadView() {
  const generation = viewGeneration;
  const lists = (await guarded(() => api.get('/api/v1/lists'))) || { CustomerLists: [] };
  if (!isCurrent(generation)) return;
  const defaultList = api.account() ? api.account().DefaultCustomerListId : null;
  const file = el('input', { type: 'file', id: 'file', name: 'file', required: true,
    accept: '.csv,.tsv,.ssv,.txt,.xlsx,.zip,.gz', 'aria-describedby': 'file-hint' });
  const chosen = el('p', { id: 'chosen', class: 'muted' }, 'No file chosen.');
  const drop = el('div', { class: 'drop', id: 'drop' }, el('p', {}, 'Drop a file here, or choose one:'), file, chosen);
  const list = el('select', { id: 'list' }, lists.CustomerLists.map(l =>
    el('option', { value: l.CustomerListId, selected: l.CustomerListId === defaultList }, `${l.Name} (${l.CustomerCount} customers)`)));
  const lookup = el('select', { id: 'lookup' }, ['Email', 'Phone', 'ExternalId', 'Id'].map(v => el('option', { value: v }, v)));
  const partition = el('input', { type: 'text', id: 'partition', value: 'Default' });
  const mode = el('select', { id: 'response-mode' },
    el('option', { value: 'ErrorsAndResults' }, 'ErrorsAndResults (every row)'), el('option', { value: 'ErrorsOnly' }, 'ErrorsOnly'));
  const charset = el('input', { type: 'text', id: 'charset', placeholder: 'e.g. GB18030', 'aria-describedby': 'charset-hint' });
  const sent = el('progress', { id: 'upload-progress', max: 100, value: 0, 'aria-label': 'File sent', hidden: true });
  const sentText = el('span', { id: 'upload-progress-text' });
  const submit = el('button', { type: 'submit', id: 'upload' }, 'Upload');
  const mapping = el('section', { id: 'mapping', 'aria-live': 'polite' });
  let picked = null;
  let step = null;
  const previewPicked = async () => {
    step = null;
    mapping.replaceChildren();
    if (!picked) return;
    notice(null);
    const file = picked;
    mapping.replaceChildren(el('p', { class: 'muted' }, 'Reading the file\u2019s header\u2026'));
    const asked = { charset: charset.value.trim(), listId: Number(list.value) || null };
    let preview;
    try {
      preview = await api.preview(file, asked);
    } catch (error) {
      // told beside the file, not in the page's notice: the person may have moved on meanwhile
      if (isCurrent(generation) && file === picked) {
        mapping.replaceChildren(el('p', { id: 'preview-error', class: 'notice', role: 'alert' },
          `The file cannot be previewed: ${error.message}${error.code ? ` (error ${error.code})` : ''}`));
      }
      return;
    }
    // a later pick, list or charset has its own preview on the way
    if (!isCurrent(generation) || file !== picked || asked.charset !== charset.value.trim() || asked.listId !== (Number(list.value) || null)) return;
    step = mappingStep(preview);
    mapping.replaceChildren(step.node);
    // the server never imports in a guessed encoding: the guess is named in the charset field,
    // where the person sees it, and the upload sends it (a later change of it previews again)
    if (preview.EncodingSource === 'Guessed' && !asked.charset) {
      charset.value = preview.Encoding;
      mapping.prepend(el('p', { id: 'encoding-guess', class: 'advice', role: 'status' },
        `This file is not UTF-8 and names no encoding; it looks like ${preview.Encoding}, which is filled in as its character set below. The rows shown are read in it: if they look wrong, name another.`));
    }
  };
  const pick = f => {
    picked = f;
    chosen.textContent = f ? `${f.name} (${f.size.toLocaleString()} bytes)` : 'No file chosen.';
    previewPicked();
  };
  list.addEventListener('change', previewPicked);
  charset.addEventListener('change', previewPicked);
  file.addEventListener('change', () => pick(file.files[0] || null));
  drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', e => { e.preventDefault(); drop.classList.remove('over'); pick(e.dataTransfer.files[0] || null); });

  const form = el('form', { class: 'stack', id: 'upload-form', onsubmit: async e => {
    e.preventDefault();
    notice(null);
    if (!picked) { notice('Choose a file first.'); file.focus(); return; }
    submit.disabled = true;
    const opened = await guarded(() => api.postJson('/Bulk/v13/BulkUploadUrl/Query', {
      ResponseMode: mode.value, AccountId: api.current().accountId, CustomerListId: Number(list.value) || null,
      LookupField: lookup.value, PartitionName: partition.value.trim() || 'Default',
      ...(step && step.changed() ? { ColumnMappings: step.mappings() } : {}) }));
    if (!opened) { submit.disabled = false; return; }
    sent.hidden = false;
    const ok = await guarded(async () => {
      await api.uploadFile(opened.UploadUrl, picked, charset.value.trim(), (loaded, total) => {
        sent.value = Math.floor(loaded * 100 / total);
        sentText.textContent = ` ${loaded.toLocaleString()} of ${total.toLocaleString()} bytes sent`;
      });
      return true;
    });
    submit.disabled = false;
    if (ok) go(`#/uploads/${encodeURIComponent(opened.RequestId)}`);
  } },
  drop,
  el('p', { id: 'file-hint', class: 'hint' }, 'CSV, TSV, SSV or XLSX, alone or inside .zip or .gz. Header row first.'),
  el('div', {}, el('label', { for: 'list' }, 'Customer list'), list),
  mapping,
  el('div', {}, el('label', { for: 'lookup' }, 'Lookup field'), lookup),
  el('div', {}, el('label', { for: 'partition' }, 'Partition'), partition),
  el('div', {}, el('label', { for: 'response-mode' }, 'Result file'), mode),
  el('div', {}, el('label', { for: 'charset' }, 'Character set'), charset,
    el('span', { id: 'charset-hint', class: 'hint' }, 'Only for files not in UTF-8 or UTF-16 with a BOM.')),
  el('div', {}, submit, ' ', sent, sentText));
  render('New upload', form);
}

const RESOLVED_BY = {
  Mapping: 'by a mapping', ListDefault: 'by the list\u2019s default mapping', Exact: 'by its name', Alias: 'by a known alias',
  Ignored: 'ignored by a mapping', Unrecognised: 'not recognised: ignored',
};

/**
 * The mapping step of a new upload: every column of the previewed file with the field it will be
 * read as in a select ("ignore" for none) and its first rows under it. Once the person changes a
 * column, every column's choice is sent as the request's ColumnMappings (a request's own mappings
 * replace the list's default whole, so a partial one would drop the rest of it).
 */
function mappingStep(preview) {
  const selects = preview.Columns.map((c, i) => el('select', { id: `field-${i}`, 'aria-label': `Field for column ${c.Header}`,
    'aria-describedby': `how-${i}` },
  el('option', { value: '' }, '(ignore)'), preview.Fields.map(f => el('option', { value: f, selected: f === c.Field }, f))));
  const original = preview.Columns.map(c => c.Field || '');
  const changed = () => selects.some((s, i) => s.value !== original[i]);
  const mappings = () => Object.fromEntries(preview.Columns.map((c, i) => [c.Header, selects[i].value || null]));
  const node = el('div', { class: 'stack' },
    el('h2', {}, 'Columns'),
    el('p', { id: 'read-as', class: 'hint' }, `Read as ${preview.Format}. Choose the field each column fills; the first rows are shown under it.`),
    el('div', { class: 'table-wrap' }, el('table', { id: 'mapping-table' },
      el('caption', { class: 'muted' }, 'How each column of the file will be read'),
      el('thead', {},
        el('tr', {}, preview.Columns.map(c => el('th', { scope: 'col' }, c.Header))),
        el('tr', {}, preview.Columns.map((c, i) => el('td', {}, selects[i],
          el('div', { id: `how-${i}`, class: 'hint' }, RESOLVED_BY[c.ResolvedBy] || c.ResolvedBy))))),
      el('tbody', {}, preview.Rows.length === 0
        ? el('tr', {}, el('td', { colspan: Math.max(1, preview.Columns.length), class: 'muted' }, 'The file has no rows.'))
        : preview.Rows.map(r => el('tr', {}, preview.Columns.map((c, i) => el('td', {}, r[i] ?? ''))))))));
  return { node, changed, mappings };
}

// ---- one request ----------------------------------------------------------------------------

async function downloadFailedRows(requestId, target) {
  const report = await guarded(() => api.getFile(`/api/v1/uploads/${encodeURIComponent(requestId)}/failures`));
  if (!report) return;
  const extension = report.name.slice(report.name.lastIndexOf('.') + 1);
  const name = `failed-rows-${requestId}.${extension}`;
  const link = el('a', { href: URL.createObjectURL(report.blob), download: name, id: 'failed-rows-file' }, `Save ${name}`);
  const rows = parseDelimited(await report.blob.text(), DELIMITERS[extension] || ',');
  const [header, ...body] = rows.length ? rows : [[]];
  target.replaceChildren(link, table(`The ${body.length} failed rows as uploaded, with why each failed`,
    header.map((title, i) => ({ title, value: r => r[i] ?? '' })), body));
  link.click();
}

async function requestView(requestId) {
  const generation = viewGeneration;
  const holder = el('div', { id: 'request', 'aria-live': 'polite' });
  const failed = el('div', { id: 'failed-rows' });
  render(`Upload ${requestId}`, holder, failed);
  const refresh = async () => {
    const s = await guarded(() => api.postJson('/Bulk/v13/BulkUploadStatus/Query', { RequestId: requestId }));
    const upload = s && await guarded(() => api.get(`/api/v1/uploads/${encodeURIComponent(requestId)}`));
    if (!s || !upload || !isCurrent(generation)) return;
    const mapped = Object.entries(upload.ColumnMappings || {});
    const errors = s.Errors || [];
    // replaceChildren would write an absent part as the text "null": absent parts are left out
    holder.replaceChildren(...[
      el('dl', { class: 'counts' },
        el('dt', {}, 'File'), el('dd', { id: 'file-name' }, upload.FileName || '\u2014'),
        upload.Delimiter ? [el('dt', {}, 'Delimiter'), el('dd', { id: 'delimiter' }, upload.Delimiter === '\t' ? 'tab' : upload.Delimiter)] : null,
        el('dt', {}, 'Status'), el('dd', { id: 'request-status' }, statusCell(s.RequestStatus)),
        el('dt', {}, 'Progress'), el('dd', {}, progressCell(s)),
        el('dt', {}, 'Rows processed'), el('dd', { id: 'rows-processed' }, s.RowsProcessed),
        el('dt', {}, 'Rows failed'), el('dd', { id: 'rows-failed' }, s.RowsFailed),
        el('dt', {}, 'Rows with warnings'), el('dd', { id: 'rows-warned' }, s.RowsWithWarning)),
      mapped.length ? el('section', { id: 'mapping-applied' }, el('h2', {}, 'Column mapping applied'),
        table('Each mapped header of the file and the field it was read as', [
          { title: 'Header', value: m => m[0] },
          { title: 'Field', value: m => m[1] || '(ignored)' },
        ], mapped)) : null,
      el('h2', {}, 'Errors and warnings'),
      table('Every error the request reported, with its code', [
        { title: 'Code', num: true, value: e => e.Code },
        { title: 'Error code', value: e => e.ErrorCode },
        { title: 'Message', value: e => e.Message },
        { title: 'Details', value: e => e.Details || '' },
      ], errors),
      s.ResultFileUrl ? el('p', {}, el('a', { href: s.ResultFileUrl, id: 'result-file' }, 'Download the result file'),
        el('span', { class: 'hint' }, ' (a zip with every row\u2019s outcome; the link works for 5 minutes)')) : null,
      s.ResultFileUrl && s.RowsFailed > 0 ? el('p', {}, el('button', { type: 'button', id: 'download-failed', class: 'secondary',
        onclick: () => downloadFailedRows(requestId, failed) }, `Failed rows (${s.RowsFailed}) to fix and send again`)) : null,
    ].filter(Boolean));
    if (!FINAL.has(s.RequestStatus)) setTimeout(() => isCurrent(generation) && refresh(), POLL_MS);
  };
  await refresh();
}

// ---- lists ----------------------------------------------------------------------------------

async function listsView() {
  const generation = viewGeneration;
  render('Customer lists', el('div', { id: 'lists' }, 'Loading\u2026'));
  const lists = await guarded(() => api.get('/api/v1/lists'));
  if (!lists || !isCurrent(generation)) return;
  document.getElementById('lists').replaceChildren(table('The account\u2019s lists', [
    { title: 'Name', value: l => el('a', { href: `#/lists/${l.CustomerListId}` }, l.Name) },
    { title: 'Id', num: true, value: l => l.CustomerListId },
    { title: 'Customers', num: true, value: l => l.CustomerCount },
    { title: 'Created', value: l => formatTime(l.CreatedAt) },
  ], lists.CustomerLists));
}

const FILTERS = [['email', 'Email'], ['phone', 'Phone'], ['externalId', 'External id'], ['partition', 'Partition']];

async function customersView(listId, params) {
  const generation = viewGeneration;
  const inputs = FILTERS.map(([name]) => el('input', { type: 'search', id: `filter-${name}`, name, value: params.get(name) || '' }));
  const form = el('form', { class: 'filters', id: 'customer-filters', onsubmit: e => {
    e.preventDefault();
    const query = new URLSearchParams();
    inputs.forEach(i => { if (i.value.trim()) query.set(i.name, i.value.trim()); });
    go(`#/lists/${listId}?${query}`);
  } }, FILTERS.map(([name, title], i) => el('div', {}, el('label', { for: `filter-${name}` }, title), inputs[i])),
  el('div', {}, el('button', { type: 'submit', id: 'apply-filters' }, 'Filter')));
  const holder = el('div', { id: 'customers' }, 'Loading\u2026');
  const defaults = el('section', { id: 'default-mapping' });
  render(`List ${listId}`, form, holder, defaults);
  defaultMappingEditor(listId, defaults, generation);
  const query = new URLSearchParams({ pageSize: '50' });
  for (const [name] of FILTERS) if (params.get(name)) query.set(name, params.get(name));
  if (params.get('pageToken')) query.set('pageToken', params.get('pageToken'));
  const page = await guarded(() => api.get(`/api/v1/lists/${encodeURIComponent(listId)}/customers?${query}`));
  if (!page || !isCurrent(generation)) return;
  const next = new URLSearchParams(query);
  next.delete('pageSize');
  next.set('pageToken', page.NextPageToken || '');
  holder.replaceChildren(table('Customers of the list, in the order they were first stored', [
    { title: 'Id', num: true, value: c => c.CustomerId },
    { title: 'Email', value: c => c.Email || '' },
    { title: 'Phone', value: c => c.Phone || '' },
    { title: 'External id', value: c => c.ExternalId || '' },
    { title: 'First name', value: c => c.FirstName || '' },
    { title: 'Last name', value: c => c.LastName || '' },
    { title: 'Company', value: c => c.Company || '' },
    { title: 'Country', value: c => c.Country || '' },
    { title: 'City', value: c => c.City || '' },
    { title: 'Partition', value: c => c.PartitionName },
  ], page.Customers), el('div', { class: 'pager' },
    params.get('pageToken') ? el('a', { href: `#/lists/${listId}` }, 'First page') : null,
    page.NextPageToken ? el('a', { href: `#/lists/${listId}?${next}` }, 'Next page') : null));
}

/**
 * A list's default column mapping (applied to every upload into the list, whatever protocol sent
 * it): a row per header with the field it fills, or "ignore"; saved whole with PUT, removed with DELETE.
 */
async function defaultMappingEditor(listId, target, generation) {
  const path = `/api/v1/lists/${encodeURIComponent(listId)}/column-mapping`;
  const current = await guarded(() => api.get(path));
  if (!current || !isCurrent(generation)) return;
  const rows = el('tbody', {});
  let next = 0;
  const addRow = (header = '', field = '') => {
    const n = next++;
    const name = el('input', { type: 'text', id: `default-header-${n}`, class: 'default-header', value: header, 'aria-label': 'Header as uploaded' });
    const select = el('select', { id: `default-field-${n}`, class: 'default-field', 'aria-label': 'Field it fills' },
      el('option', { value: '' }, '(ignore)'), current.Fields.map(f => el('option', { value: f, selected: f === field }, f)));
    const row = el('tr', {}, el('td', {}, name), el('td', {}, select),
      el('td', {}, el('button', { type: 'button', class: 'secondary', onclick: () => { row.remove(); } }, 'Remove')));
    rows.append(row);
    return name;
  };
  Object.entries(current.ColumnMappings || {}).forEach(([h, f]) => addRow(h, f || ''));
  const saved = el('span', { id: 'default-mapping-saved', class: 'hint', role: 'status' });
  const mappings = () => Object.fromEntries([...rows.querySelectorAll('tr')]
    .map(r => [r.querySelector('.default-header').value.trim(), r.querySelector('.default-field').value || null])
    .filter(([h]) => h));
  const form = el('form', { class: 'stack', id: 'default-mapping-form', onsubmit: async e => {
    e.preventDefault();
    notice(null);
    const answer = await guarded(() => api.putJson(path, { ColumnMappings: mappings() }));
    if (answer) saved.textContent = `Saved: ${Object.keys(answer.ColumnMappings).length} columns.`;
  } },
  el('h2', {}, 'Default column mapping'),
  el('p', { class: 'hint' }, 'Applied to every upload into this list that brings no mapping of its own, whatever sent it (Marketo, Alibaba, Taobao, the API).'),
  el('div', { class: 'table-wrap' }, el('table', {}, el('caption', { class: 'muted' }, 'Header as uploaded, and the field it fills'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Header'), el('th', { scope: 'col' }, 'Field'), el('th', { scope: 'col' }, ''))), rows)),
  el('div', {},
    el('button', { type: 'button', id: 'add-default-column', class: 'secondary', onclick: () => addRow().focus() }, 'Add a column'), ' ',
    el('button', { type: 'submit', id: 'save-default-mapping' }, 'Save mapping'), ' ',
    el('button', { type: 'button', id: 'clear-default-mapping', class: 'secondary', onclick: async () => {
      notice(null);
      if (await guarded(() => api.remove(path))) { rows.replaceChildren(); saved.textContent = 'The list has no default mapping.'; }
    } }, 'Remove the default'), ' ', saved));
  target.replaceChildren(form);
}

// ---- frame ----------------------------------------------------------------------------------

function drawSession() {
  const s = api.current();
  document.getElementById('nav').hidden = !s;
  document.getElementById('session').hidden = !s;
  const select = document.getElementById('account');
  select.replaceChildren(...(s ? s.accounts.map(a =>
    el('option', { value: a.AccountId, selected: a.AccountId === s.accountId }, `${a.Name} (${a.AccountId})`)) : []));
}

function route() {
  viewGeneration++;
  const [path, queryString] = (location.hash.slice(1) || '/uploads').split('?');
  const params = new URLSearchParams(queryString || '');
  const parts = path.split('/').filter(Boolean);
  document.querySelectorAll('#nav a').forEach(a => a.toggleAttribute('aria-current', a.getAttribute('href') === `#/${parts[0]}`));
  if (!api.current()) { if (parts[0] !== 'signin') { location.replace('#/signin'); return; } signInView(); return; }
  notice(null);
  if (parts[0] === 'signin') { go('#/uploads'); return; }
  if (parts[0] === 'uploads' && parts[1]) requestView(decodeURIComponent(parts[1]));
  else if (parts[0] === 'new') newUploadView();
  else if (parts[0] === 'lists' && parts[1]) customersView(parts[1], params);
  else if (parts[0] === 'lists') listsView();
  else uploadsView(params);
}

async function health() {
  const target = document.getElementById('health');
  try {
    const response = await fetch('/health', { cache: 'no-store' });
    const h = await response.json();
    target.textContent = `${h.Status} (database ${h.Database}, queue ${h.Queue})`;
  } catch (e) {
    target.textContent = 'unreachable';
  }
}

document.getElementById('account').addEventListener('change', e => { api.chooseAccount(e.target.value); route(); });
document.getElementById('sign-out').addEventListener('click', () => { api.signOut(); go('#/signin'); });
api.onSessionChange(drawSession);
window.addEventListener('hashchange', route);
drawSession();
route();
health();
setInterval(health, 30000);
