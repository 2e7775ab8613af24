/*
 * JP Ledger upload page: sends a file to the import-jobs API with the signed-in token and follows the job by polling
 * it until it ends. Data from the API is only ever put in the page as text (never as HTML).
 */
const TOKEN_KEY = 'jpledger.token';
const JOBS = '/api/v1/completions/imports';
const POLL_MS = 1000;
const FINISHED = ['COMPLETED', 'FAILED', 'CANCELLED'];
const STATES = { QUEUED: 'Menunggu', RUNNING: 'Berjalan', COMPLETED: 'Selesai', FAILED: 'Gagal',
  CANCELLED: 'Dibatalkan' };
const CONTENT_TYPES = { csv: 'text/csv', jsonl: 'application/x-ndjson' };
const $ = (id) => document.getElementById(id);

const state = {
  token: sessionStorage.getItem(TOKEN_KEY),
  job: null,          // the id of the job shown
  rows: null,         // its file's rows as counted here, when this tab uploaded it: the progress bar's end
  timer: null
};

const number = (value, digits = 0) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: digits })
  .format(Number(value || 0));
const when = (instant) => (instant ? new Date(instant).toLocaleString('id-ID') : '');

class ApiError extends Error {
  constructor(status, detail) { super(detail); this.status = status; }
}

async function problemOf(response) {
  let detail = response.status + ' ' + response.statusText;
  try {
    const problem = await response.json();
    detail = problem.detail || problem.title || detail;
    if (problem.errors) detail += ' ' + problem.errors.map((e) => e.field + ': ' + e.reason).join('; ');
  } catch (ignored) { /* not problem+json: the status says it */ }
  return new ApiError(response.status, detail);
}

async function call(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { Authorization: 'Bearer ' + state.token,
    Accept: options.accept || 'application/json', ...(options.headers || {}) } });
  if (!response.ok) throw await problemOf(response);
  return response;
}

// ---- signing in --------------------------------------------------------------------------------------------------
function claims(token) {
  try {
    return JSON.parse(decodeURIComponent(escape(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')))));
  } catch (e) {
    return {};
  }
}

function showSignIn(message) {
  $('view').hidden = true;
  $('sign-in').hidden = false;
  $('sign-out').hidden = true;
  $('who').textContent = '';
  $('sign-in-error').textContent = message || '';
}

async function signIn(token) {
  state.token = token;
  try {
    await listJobs();
  } catch (e) {
    state.token = null;
    showSignIn(e.status === 401 ? 'Token ditolak: tidak sah atau kedaluwarsa.'
      : e.status === 403 ? 'Token ini tidak punya peran training-writer.' : e.message);
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  $('token').value = '';
  const who = claims(token);
  const units = Array.isArray(who.units) ? who.units : [];
  $('who').textContent = (who.upn || who.sub || '') + ' · '
      + (units.includes('*') ? 'semua unit' : 'unit: ' + units.join(', '));
  $('sign-in').hidden = true;
  $('sign-out').hidden = false;
  $('view').hidden = false;
}

function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  stopPolling();
  state.token = null;
  state.job = null;
  $('job').hidden = true;
  $('jobs').tBodies[0].replaceChildren();
  ['upload-status', 'upload-error', 'job-error'].forEach((id) => { $(id).textContent = ''; });
  showSignIn();
}

// ---- uploading ---------------------------------------------------------------------------------------------------
/** The file's rows (lines, less the CSV header): only the progress bar's end, so quoted line breaks may skew it. */
async function countRows(file, format) {
  let lines = 0;
  let last = 10;
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
    if (value.length) last = value[value.length - 1];
  }
  if (last !== 10) lines++;
  return Math.max(0, format === 'csv' ? lines - 1 : lines);
}

function upload(event) {
  event.preventDefault();
  const file = $('file').files[0];
  if (!file) return;
  const format = $('format').value;
  $('upload-error').textContent = '';
  $('upload-button').disabled = true;
  state.rows = null;
  const counted = countRows(file, format).catch(() => null);
  // XMLHttpRequest rather than fetch: it reports how much of a large file has been sent.
  const request = new XMLHttpRequest();
  request.open('POST', JOBS + '?format=' + encodeURIComponent(format));
  request.setRequestHeader('Authorization', 'Bearer ' + state.token);
  request.setRequestHeader('Content-Type', CONTENT_TYPES[format]);
  request.setRequestHeader('Accept', 'application/json');
  request.upload.onprogress = (e) => {
    if (e.lengthComputable) $('upload-status').textContent = 'Mengunggah… ' + Math.floor(100 * e.loaded / e.total) + ' %';
  };
  request.onerror = () => {
    $('upload-button').disabled = false;
    $('upload-status').textContent = '';
    $('upload-error').textContent = 'Unggahan terputus; coba lagi.';
  };
  request.onload = async () => {
    $('upload-button').disabled = false;
    if (request.status !== 202) {
      $('upload-status').textContent = '';
      $('upload-error').textContent = await uploadProblem(request);
      if (request.status === 401) signOut();
      return;
    }
    const job = JSON.parse(request.responseText);
    $('upload-status').textContent = 'Berkas tersimpan (' + number(job.fileBytes) + ' byte); diproses sebagai pekerjaan.';
    $('upload-form').reset();
    follow(job.id, await counted);
    listJobs().catch(() => {});
  };
  request.send(file);
}

async function uploadProblem(request) {
  const response = new Response(request.responseText, { status: request.status, statusText: request.statusText });
  return (await problemOf(response)).message;
}

// ---- following a job ---------------------------------------------------------------------------------------------
function stopPolling() {
  clearTimeout(state.timer);
  state.timer = null;
}

function follow(id, rows) {
  stopPolling();
  state.job = id;
  state.rows = rows;
  $('job').hidden = false;
  $('job-error').textContent = '';
  poll();
}

async function poll() {
  const id = state.job;
  let job;
  try {
    job = await (await call(JOBS + '/' + encodeURIComponent(id))).json();
  } catch (e) {
    if (id !== state.job) return;
    $('job-error').textContent = e.message;
    if (e.status === 401) { signOut(); return; }
    state.timer = setTimeout(poll, POLL_MS * 5); // a restarting service: keep asking, less often
    return;
  }
  if (id !== state.job) return; // another job was chosen meanwhile
  $('job-error').textContent = '';
  render(job);
  if (FINISHED.includes(job.state)) {
    listJobs().catch(() => {});
  } else {
    state.timer = setTimeout(poll, POLL_MS);
  }
}

function render(job) {
  $('job-id').textContent = job.id;
  $('job-state').textContent = STATES[job.state] || job.state;
  $('job-state').dataset.state = job.state;
  $('job').dataset.state = job.state;
  document.querySelectorAll('#job-figures dd').forEach((dd) => {
    const value = job[dd.dataset.figure];
    dd.dataset.value = value ?? '';
    dd.textContent = number(value, dd.dataset.figure === 'rowsPerSecond' ? 1 : 0);
  });
  const bar = $('job-progress');
  const finished = FINISHED.includes(job.state);
  const end = state.rows || (finished ? Math.max(job.rowsRead, 1) : null);
  if (end) {
    bar.max = Math.max(end, job.rowsRead || 0, 1);
    bar.value = job.state === 'COMPLETED' ? bar.max : job.rowsRead || 0;
    $('job-progress-label').textContent = 'Kemajuan: ' + number(job.rowsRead) + ' dari ' + number(bar.max) + ' baris';
  } else {
    bar.removeAttribute('value'); // unknown end (the file was sent from elsewhere): an indeterminate bar
    $('job-progress-label').textContent = 'Kemajuan: ' + number(job.rowsRead) + ' baris';
  }
  $('cancel-button').hidden = finished;
  $('cancel-button').disabled = Boolean(job.cancelRequested);
  $('errors-link').hidden = !(job.errors > 0);
  $('errors-link').textContent = 'Unduh laporan galat (' + number(job.errors) + ')';
}

async function cancel() {
  $('cancel-button').disabled = true;
  try {
    await call(JOBS + '/' + encodeURIComponent(state.job) + '/cancel', { method: 'POST' });
  } catch (e) {
    $('job-error').textContent = e.message;
  }
  stopPolling();
  poll();
}

async function downloadErrors(event) {
  event.preventDefault();
  try {
    // A plain link could not carry the token: fetch the report and hand the browser a file.
    const response = await call(JOBS + '/' + encodeURIComponent(state.job) + '/errors', { accept: 'text/csv' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = 'impor-' + state.job + '-galat.csv';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  } catch (e) {
    $('job-error').textContent = e.message;
  }
}

// ---- the caller's jobs -------------------------------------------------------------------------------------------
async function listJobs() {
  const body = await (await call(JOBS)).json();
  const jobs = Array.isArray(body) ? body : body.items || [];
  const rows = jobs.map((job) => {
    const row = document.createElement('tr');
    row.dataset.job = job.id;
    const cells = [when(job.submittedAt), STATES[job.state] || job.state, number(job.rowsRead), number(job.created),
      number(job.existing), number(job.errors)];
    cells.forEach((text, i) => {
      const cell = document.createElement('td');
      if (i >= 2) cell.className = 'num';
      cell.textContent = text;
      row.append(cell);
    });
    const open = document.createElement('td');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Lihat';
    button.addEventListener('click', () => follow(job.id, null));
    open.append(button);
    row.append(open);
    return row;
  });
  $('jobs').tBodies[0].replaceChildren(...rows);
  $('no-jobs').hidden = rows.length > 0;
}

// ---- start -------------------------------------------------------------------------------------------------------
$('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  signIn($('token').value.trim().replace(/^Bearer\s+/i, ''));
});
$('sign-out').addEventListener('click', signOut);
$('upload-form').addEventListener('submit', upload);
$('file').addEventListener('change', () => {
  const name = ($('file').files[0] || {}).name || '';
  if (/\.(jsonl|ndjson)$/i.test(name)) $('format').value = 'jsonl';
  else if (/\.csv$/i.test(name)) $('format').value = 'csv';
});
$('cancel-button').addEventListener('click', cancel);
$('errors-link').addEventListener('click', downloadErrors);
if (state.token) signIn(state.token); else showSignIn();
