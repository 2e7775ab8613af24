/*
 * JP Ledger verifier's page: the queue of completions waiting in the signed-in verifier's units, oldest first, with
 * the selected one's claim, certificates and possible duplicates; verify with v, reject with r and a digit. Texts in
 * Bahasa Indonesia (default) and English. Data from the API is only ever put in the page as text (never as HTML).
 */
const TOKEN_KEY = 'jpledger.token';
const LANGUAGE_KEY = 'jpledger.language';
const QUEUE = '/api/v1/verification/queue';
const COMPLETIONS = '/api/v1/completions';
const PAGE_SIZE = 50;
const $ = (id) => document.getElementById(id);

/** RejectionReason in the order of its digits (1-9); Indonesian labels as the contract's. */
const REASONS = ['NO_EVIDENCE', 'EVIDENCE_MISMATCH', 'NOT_ATTENDED', 'WRONG_EMPLOYEE', 'WRONG_JP', 'WRONG_DATES',
  'NOT_COMPETENCY_DEVELOPMENT', 'DUPLICATE', 'OTHER'];

const MESSAGES = {
  id: {
    locale: 'id-ID', title: 'Antrean Verifikasi', language: 'Bahasa', signOut: 'Keluar', signInTitle: 'Masuk',
    signIn: 'Masuk', token: 'Token akses',
    signInHelp: 'Tempel token akses dengan peran training-verifier. Token hanya disimpan di tab ini.',
    signInLocal: "Lokal: ./run token --roles training-verifier --units '*'",
    tokenRejected: 'Token ditolak: tidak sah atau kedaluwarsa.',
    tokenNoRole: 'Token ini tidak punya peran training-verifier.',
    allUnits: 'semua unit', units: 'unit',
    filtersTitle: 'Saring antrean', unit: 'Unit', kind: 'Jenis', source: 'Sumber', flag: 'Tanda', any: 'Semua',
    apply: 'Terapkan', clear: 'Hapus saringan',
    keys: 'Tombol: j/k atau panah untuk pindah, v verifikasi, r lalu angka untuk menolak, Esc batal.',
    POSSIBLE_DUPLICATE: 'Kemungkinan duplikat', IMPLAUSIBLE_JP_PER_DAY: 'JP per hari tidak wajar',
    countsTitle: 'Menunggu per unit', waiting: 'Menunggu', flagged: 'Bertanda',
    countsOwn: 'Pegawai langsung di {unit}: {waiting} menunggu, {flagged} bertanda.',
    countsMore: 'Lebih dari 1000 unit: saring per unit.', countsTop: 'Kembali ke unit teratas',
    queueTitle: 'Menunggu verifikasi (terlama dulu)', recordedAt: 'Dicatat', employee: 'Pegawai',
    training: 'Pelatihan', empty: 'Tidak ada yang menunggu verifikasi.', more: 'Muat lebih banyak',
    detailTitle: 'Rincian', verify: 'Verifikasi (v)', reason: 'Alasan penolakan', reject: 'Tolak (r)',
    note: 'Catatan (wajib untuk Alasan lain)',
    rejectMode: 'Tolak: tekan angka alasan 1–9 (Esc batal).', noteNeeded: 'Alasan lain memerlukan catatan.',
    certificatesTitle: 'Sertifikat', duplicatesTitle: 'Kemungkinan duplikat',
    noCertificates: 'Belum ada sertifikat terlampir.', noDuplicates: 'Tidak ada kemungkinan duplikat.',
    loading: 'Memuat…',
    pairOPEN: 'Belum diputuskan', pairNOT_DUPLICATE: 'Diputuskan bukan duplikat', pairDUPLICATE: 'Diputuskan duplikat',
    nip: 'NIP', name: 'Nama', method: 'Metode', dates: 'Tanggal', jp: 'JP', days: 'Hari',
    recognizedJp: 'JP diakui', certificateNumber: 'Nomor sertifikat', recordedBy: 'Dicatat oleh',
    verification: 'Status verifikasi', flags: 'Tanda', status: 'Status', rule: 'Aturan', thisOne: 'Catatan ini',
    otherOne: 'Catatan lain', notDuplicate: 'Bukan duplikat', keepThis: 'Duplikat, simpan yang ini',
    keepOther: 'Duplikat, simpan yang lain',
    verified: 'Terverifikasi: {title}.', rejected: 'Ditolak ({reason}): {title}.', resolved: 'Keputusan duplikat disimpan.',
    stale: 'Catatan ini sudah berubah sejak dimuat; antrean dimuat ulang. Periksa lagi lalu putuskan.',
    forbidden: 'Tidak diizinkan: {detail}', failed: 'Gagal: {detail}',
    SUBMITTED: 'Menunggu verifikasi', VERIFIED: 'Terverifikasi', REJECTED: 'Ditolak',
    AUTO_VERIFIED: 'Terverifikasi otomatis', KLASIKAL: 'Klasikal', NONKLASIKAL: 'Nonklasikal',
    SAME_CERTIFICATE: 'Nomor sertifikat sama', SIMILAR_TITLE_OVERLAPPING_DATES: 'Judul mirip, tanggal bertumpang',
    OVERLAPPING_FULL_TIME_KLASIKAL: 'Dua klasikal penuh waktu di hari yang sama',
    NO_EVIDENCE: 'Tidak ada bukti (sertifikat/STTPP)', EVIDENCE_MISMATCH: 'Bukti tidak sesuai dengan data yang dilaporkan',
    NOT_ATTENDED: 'Tidak mengikuti atau tidak menyelesaikan pelatihan', WRONG_EMPLOYEE: 'Bukan pegawai yang bersangkutan',
    WRONG_JP: 'Jumlah JP tidak sesuai', WRONG_DATES: 'Tanggal pelatihan tidak sesuai',
    NOT_COMPETENCY_DEVELOPMENT: 'Bukan kegiatan pengembangan kompetensi', DUPLICATE: 'Duplikat dari catatan lain',
    OTHER: 'Alasan lain'
  },
  en: {
    locale: 'en-GB', title: 'Verification Queue', language: 'Language', signOut: 'Sign out', signInTitle: 'Sign in',
    signIn: 'Sign in', token: 'Access token',
    signInHelp: 'Paste an access token with the training-verifier role. It is kept in this tab only.',
    signInLocal: "Local: ./run token --roles training-verifier --units '*'",
    tokenRejected: 'Token refused: not valid or expired.',
    tokenNoRole: 'This token does not hold the training-verifier role.',
    allUnits: 'all units', units: 'units',
    filtersTitle: 'Filter the queue', unit: 'Unit', kind: 'Kind', source: 'Source', flag: 'Flag', any: 'Any',
    apply: 'Apply', clear: 'Clear filters',
    keys: 'Keys: j/k or arrows to move, v to verify, r then a digit to reject, Esc to cancel.',
    POSSIBLE_DUPLICATE: 'Possible duplicate', IMPLAUSIBLE_JP_PER_DAY: 'Implausible JP per day',
    countsTitle: 'Waiting per unit', waiting: 'Waiting', flagged: 'Flagged',
    countsOwn: 'Employees directly in {unit}: {waiting} waiting, {flagged} flagged.',
    countsMore: 'More than 1000 units: filter by unit.', countsTop: 'Back to the top units',
    queueTitle: 'Waiting for verification (oldest first)', recordedAt: 'Recorded', employee: 'Employee',
    training: 'Training', empty: 'Nothing is waiting for verification.', more: 'Load more',
    detailTitle: 'Details', verify: 'Verify (v)', reason: 'Rejection reason', reject: 'Reject (r)',
    note: 'Note (required for Other reason)',
    rejectMode: 'Reject: press the reason digit 1–9 (Esc to cancel).', noteNeeded: 'Other reason needs a note.',
    certificatesTitle: 'Certificates', duplicatesTitle: 'Possible duplicates',
    noCertificates: 'No certificate attached yet.', noDuplicates: 'No possible duplicates.',
    loading: 'Loading…',
    pairOPEN: 'Not decided yet', pairNOT_DUPLICATE: 'Decided: not a duplicate', pairDUPLICATE: 'Decided: duplicate',
    nip: 'NIP', name: 'Name', method: 'Method', dates: 'Dates', jp: 'JP', days: 'Days',
    recognizedJp: 'Recognised JP', certificateNumber: 'Certificate number', recordedBy: 'Recorded by',
    verification: 'Verification', flags: 'Flags', status: 'Status', rule: 'Rule', thisOne: 'This record',
    otherOne: 'Other record', notDuplicate: 'Not a duplicate', keepThis: 'Duplicate, keep this one',
    keepOther: 'Duplicate, keep the other',
    verified: 'Verified: {title}.', rejected: 'Rejected ({reason}): {title}.', resolved: 'Duplicate decision saved.',
    stale: 'This record changed since it was loaded; the queue was reloaded. Check it again, then decide.',
    forbidden: 'Not allowed: {detail}', failed: 'Failed: {detail}',
    SUBMITTED: 'Waiting for verification', VERIFIED: 'Verified', REJECTED: 'Rejected',
    AUTO_VERIFIED: 'Verified automatically', KLASIKAL: 'Classroom', NONKLASIKAL: 'Non-classroom',
    SAME_CERTIFICATE: 'Same certificate number', SIMILAR_TITLE_OVERLAPPING_DATES: 'Similar title, overlapping dates',
    OVERLAPPING_FULL_TIME_KLASIKAL: 'Two full-time classroom trainings on the same days',
    NO_EVIDENCE: 'No evidence (certificate/STTPP)', EVIDENCE_MISMATCH: 'Evidence does not match the reported data',
    NOT_ATTENDED: 'Did not attend or complete the training', WRONG_EMPLOYEE: 'Not this employee',
    WRONG_JP: 'JP do not match', WRONG_DATES: 'Training dates do not match',
    NOT_COMPETENCY_DEVELOPMENT: 'Not competency development', DUPLICATE: 'Duplicate of another record',
    OTHER: 'Other reason'
  }
};

const state = {
  token: sessionStorage.getItem(TOKEN_KEY),
  language: localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'id',
  items: [],
  next: null,
  selected: -1,
  kinds: new Map(),   // kind id → name, of the items seen: the kind filter's choices
  rejecting: false,
  blobs: [],          // blob URLs of the certificates shown, revoked when another item is shown
  shown: null         // the id of the item whose certificates and duplicates are being loaded
};

function t(key, values) {
  const text = (MESSAGES[state.language] || MESSAGES.id)[key] ?? key;
  return values ? text.replace(/\{(\w+)\}/g, (_, name) => String(values[name])) : text;
}
const number = (value) => (value === null || value === undefined ? ''
  : new Intl.NumberFormat(t('locale'), { maximumFractionDigits: 2 }).format(Number(value)));
const when = (instant) => (instant ? new Date(instant).toLocaleString(t('locale')) : '');
const day = (date) => (date ? new Date(date + 'T00:00:00').toLocaleDateString(t('locale')) : '');

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
  const headers = { Authorization: 'Bearer ' + state.token, Accept: options.accept || 'application/json',
    ...(options.headers || {}) };
  if (options.json !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method: options.method || 'GET', headers,
    body: options.json === undefined ? undefined : JSON.stringify(options.json) });
  if (!response.ok) throw await problemOf(response);
  return response;
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function facts(pairs) {
  const list = element('dl', null, 'facts');
  pairs.filter(([, value]) => value !== undefined && value !== null && value !== '').forEach(([key, value]) => {
    list.append(element('dt', t(key)), element('dd', String(value)));
  });
  return list;
}

function say(message) { $('message').textContent = message || ''; $('error').textContent = ''; }
function fail(message) { $('error').textContent = message || ''; $('message').textContent = ''; }

// ---- language ----------------------------------------------------------------------------------------------------
function translatePage() {
  document.documentElement.lang = state.language;
  document.title = 'JP Ledger — ' + t('title');
  document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((node) => {
    node.placeholder = t(node.dataset.i18nPlaceholder);
  });
  $('language').value = state.language;
  const picked = $('reason').value;
  $('reason').replaceChildren(...REASONS.map((code, i) => {
    const option = element('option', (i + 1) + ' — ' + t(code));
    option.value = code;
    return option;
  }));
  if (picked) $('reason').value = picked;
  if (state.rejecting) $('reject-mode').textContent = t('rejectMode');
}

function changeLanguage() {
  state.language = $('language').value;
  localStorage.setItem(LANGUAGE_KEY, state.language);
  translatePage();
  if (state.token && !$('view').hidden) {
    renderQueue();
    if (state.selected >= 0) showDetail(false);
    loadCounts().catch(() => {});
  }
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
    await loadQueue(true);
  } catch (e) {
    state.token = null;
    showSignIn(e.status === 401 ? t('tokenRejected') : e.status === 403 ? t('tokenNoRole') : e.message);
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  $('token').value = '';
  const who = claims(token);
  const units = Array.isArray(who.units) ? who.units : [];
  $('who').textContent = (who.upn || who.sub || '') + ' · '
      + (units.includes('*') ? t('allUnits') : t('units') + ': ' + units.join(', '));
  $('sign-in').hidden = true;
  $('sign-out').hidden = false;
  $('view').hidden = false;
  loadCounts().catch((e) => fail(e.message));
}

function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  state.token = null;
  state.items = [];
  state.selected = -1;
  clearDetail();
  $('queue').tBodies[0].replaceChildren();
  $('counts').tBodies[0].replaceChildren();
  say('');
  showSignIn();
}

// ---- the queue ---------------------------------------------------------------------------------------------------
function filterQuery() {
  const query = new URLSearchParams();
  const unit = $('filter-unit').value.trim();
  const source = $('filter-source').value.trim();
  if (unit) query.set('unitCode', unit);
  if ($('filter-kind').value) query.set('kindId', $('filter-kind').value);
  if (source) query.set('sourceSystem', source);
  if ($('filter-flag').value) query.set('flag', $('filter-flag').value);
  return query;
}

/** Loads the first page ({@code reset}) or the next one; keeps the selection on the same completion when it can. */
async function loadQueue(reset) {
  const query = filterQuery();
  query.set('limit', String(PAGE_SIZE));
  if (!reset && state.next) query.set('cursor', state.next);
  const body = await (await call(QUEUE + '?' + query)).json();
  const keep = reset && state.selected >= 0 ? (state.items[state.selected] || {}).id : null;
  state.items = reset ? body.items : state.items.concat(body.items);
  state.next = body.nextCursor || null;
  body.items.forEach((item) => state.kinds.set(item.kindId, item.kindName));
  renderKinds();
  renderQueue();
  if (reset) {
    const at = keep ? state.items.findIndex((item) => item.id === keep) : -1;
    select(at >= 0 ? at : (state.items.length ? 0 : -1));
  }
}

function renderKinds() {
  const picked = $('filter-kind').value;
  const any = element('option', t('any'));
  any.value = '';
  any.dataset.i18n = 'any';
  const options = [...state.kinds.entries()].sort((a, b) => a[0] - b[0]).map(([id, name]) => {
    const option = element('option', id + ' — ' + (name || ''));
    option.value = String(id);
    return option;
  });
  $('filter-kind').replaceChildren(any, ...options);
  $('filter-kind').value = picked;
}

function renderQueue() {
  const rows = state.items.map((item, i) => {
    const row = document.createElement('tr');
    row.dataset.id = item.id;
    row.setAttribute('aria-selected', String(i === state.selected));
    row.append(element('td', when(item.recordedAt)));
    const who = element('td', item.employeeName || item.nip);
    who.append(document.createElement('br'), element('span', item.nip + ' · ' + (item.unitName || ''), 'muted'));
    row.append(who);
    const what = element('td', item.title);
    what.append(document.createElement('br'), element('span', (item.kindName || item.kindId) + ' · '
        + item.sourceSystem, 'muted'));
    row.append(what, element('td', number(item.recognizedJp), 'num'));
    const flags = element('td');
    (item.flags || []).forEach((flag) => flags.append(element('span', t(flag), 'flag')));
    row.append(flags);
    row.addEventListener('click', () => select(i));
    return row;
  });
  $('queue').tBodies[0].replaceChildren(...rows);
  $('empty').hidden = state.items.length > 0;
  $('more').hidden = !state.next;
}

function select(index) {
  state.selected = index;
  setRejecting(false);
  document.querySelectorAll('#queue tbody tr').forEach((row, i) => {
    row.setAttribute('aria-selected', String(i === index));
    if (i === index) row.scrollIntoView({ block: 'nearest' });
  });
  if (index < 0) { clearDetail(); return; }
  showDetail(true);
}

function move(step) {
  if (!state.items.length) return;
  const next = Math.min(state.items.length - 1, Math.max(0, state.selected + step));
  if (next !== state.selected) select(next);
  if (step > 0 && next === state.items.length - 1 && state.next) loadQueue(false).catch((e) => fail(e.message));
}

// ---- the selected item -------------------------------------------------------------------------------------------
function clearDetail() {
  state.blobs.forEach((url) => URL.revokeObjectURL(url));
  state.blobs = [];
  state.shown = null;
  $('detail').hidden = true;
  $('claim').replaceChildren();
  $('certificates').replaceChildren();
  $('duplicates').replaceChildren();
}

function claimFacts(item) {
  return [['name', item.employeeName], ['nip', item.nip], ['unit', [item.unitCode, item.unitName].filter(Boolean)
    .join(' — ')], ['training', item.title], ['kind', (item.kindId || '') + (item.kindName ? ' — ' + item.kindName : '')],
  ['method', item.method && t(item.method)], ['dates', day(item.startDate) + ' – ' + day(item.endDate)],
  ['jp', number(item.jp)], ['days', item.days], ['recognizedJp', number(item.recognizedJp)],
  ['certificateNumber', item.certificateNumber], ['source', item.sourceSystem],
  ['recordedAt', when(item.recordedAt)], ['recordedBy', item.recordedBy],
  ['verification', item.verification && t(item.verification)],
  ['status', item.status], ['flags', (item.flags || []).map((f) => t(f)).join(', ')]];
}

/** The other completion of a pair in the order of {@link claimFacts}: the employee is the selected item's. */
function otherFacts(item, other) {
  return [['name', item.employeeName], ['nip', item.nip], ['training', other.title], ['kind', other.kindId],
    ['dates', day(other.startDate) + ' – ' + day(other.endDate)], ['jp', number(other.jp)],
    ['recognizedJp', number(other.recognizedJp)], ['certificateNumber', other.certificateNumber],
    ['source', other.sourceSystem], ['status', other.status],
    ['flags', (other.flags || []).map((f) => t(f)).join(', ')]];
}

/** Shows the selected item; {@code fetch} also (re)loads its certificates and duplicates. */
function showDetail(fetchMore) {
  const item = state.items[state.selected];
  if (!item) return;
  $('detail').hidden = false;
  $('detail').dataset.id = item.id;
  $('claim').replaceChildren(...facts(claimFacts(item)).childNodes);
  if (fetchMore) {
    state.blobs.forEach((url) => URL.revokeObjectURL(url));
    state.blobs = [];
    state.shown = item.id;
    loadCertificates(item);
    loadDuplicates(item);
  }
}

async function loadCertificates(item) {
  const box = $('certificates');
  box.replaceChildren(element('p', t('loading'), 'muted'));
  let list;
  try {
    list = await (await call(COMPLETIONS + '/' + item.id + '/certificates')).json();
  } catch (e) {
    if (state.shown === item.id) box.replaceChildren(element('p', t('failed', { detail: e.message }), 'error'));
    return;
  }
  if (state.shown !== item.id) return;
  if (!list.length) { box.replaceChildren(element('p', t('noCertificates'), 'muted')); return; }
  box.replaceChildren(...list.map((certificate) => {
    const figure = element('figure', null, 'certificate');
    figure.dataset.sha256 = certificate.sha256;
    figure.append(element('figcaption', [certificate.fileName, certificate.contentType,
      number(certificate.size) + ' byte', certificate.attachedBy].filter(Boolean).join(' · ')));
    showCertificate(item, certificate, figure);
    return figure;
  }));
}

/**
 * A certificate inline: fetched with the token (a plain src could not carry it) and shown from a blob URL. The
 * download's Content-Security-Policy: sandbox does not reach the blob (a blob keeps only bytes and type; a blob: frame
 * takes this page's policy), and the type shown is the one the service found in the bytes, never a guess here.
 */
async function showCertificate(item, certificate, figure) {
  try {
    const response = await call(COMPLETIONS + '/' + item.id + '/certificates/' + encodeURIComponent(certificate.sha256),
      { accept: '*/*' });
    const type = certificate.contentType;
    const blob = new Blob([await response.arrayBuffer()], { type });
    if (state.shown !== item.id) return;
    const url = URL.createObjectURL(blob);
    state.blobs.push(url);
    if (type.startsWith('image/')) {
      const image = element('img');
      image.src = url;
      image.alt = certificate.fileName || t('certificatesTitle');
      figure.append(image);
    } else if (type === 'application/pdf') {
      const frame = element('iframe');
      frame.src = url;
      frame.title = certificate.fileName || t('certificatesTitle');
      figure.append(frame);
    }

  } catch (e) {
    if (state.shown === item.id) figure.append(element('p', t('failed', { detail: e.message }), 'error'));
  }
}

async function loadDuplicates(item) {
  const box = $('duplicates');
  box.replaceChildren(element('p', t('loading'), 'muted'));
  let list;
  try {
    list = await (await call(COMPLETIONS + '/' + item.id + '/duplicates')).json();
  } catch (e) {
    if (state.shown === item.id) box.replaceChildren(element('p', t('failed', { detail: e.message }), 'error'));
    return;
  }
  if (state.shown !== item.id) return;
  if (!list.length) { box.replaceChildren(element('p', t('noDuplicates'), 'muted')); return; }
  box.replaceChildren(...list.map((pair) => duplicatePair(item, pair)));
}

/** One possible duplicate side by side with the selected item, with the buttons that resolve the pair. */
function duplicatePair(item, pair) {
  const other = pair.other;
  const otherId = other.id;
  const box = element('div', null, 'side');
  box.dataset.other = otherId;
  const mine = element('div');
  mine.append(element('h4', t('thisOne')), facts(claimFacts(item)));
  const theirs = element('div');
  theirs.append(element('h4', t('otherOne')), facts(otherFacts(item, other)));
  const about = element('p', [t('rule') + ': ' + pair.rules.map((rule) => t(rule)).join(', '),
    t('pair' + pair.state), pair.decidedBy, when(pair.decidedAt)].filter(Boolean).join(' · '), 'muted');
  box.append(mine, theirs, about);
  // Only an open pair of two active completions can be decided; a decided one is shown for the record.
  if (pair.state !== 'OPEN' || other.status !== 'ACTIVE') return box;
  const actions = element('div', null, 'decide');
  [['notDuplicate', { decision: 'NOT_DUPLICATE' }], ['keepThis', { decision: 'DUPLICATE', keep: item.id }],
    ['keepOther', { decision: 'DUPLICATE', keep: otherId }]].forEach(([label, body]) => {
    const button = element('button', t(label), label === 'notDuplicate' ? 'secondary' : '');
    button.type = 'button';
    button.dataset.decision = label;
    button.addEventListener('click', () => resolveDuplicate(item, otherId, body));
    actions.append(button);
  });
  box.append(actions);
  return box;
}

async function resolveDuplicate(item, otherId, body) {
  try {
    await call(COMPLETIONS + '/' + item.id + '/duplicates/' + otherId, { method: 'POST', json: body });
  } catch (e) {
    explain(e);
    return;
  }
  say(t('resolved'));
  await refresh();
}

// ---- deciding ----------------------------------------------------------------------------------------------------
function setRejecting(on) {
  state.rejecting = on;
  $('reject-mode').hidden = !on;
  $('reject-mode').textContent = on ? t('rejectMode') : '';
}

async function decide(decision, reasonCode) {
  const item = state.items[state.selected];
  if (!item) return;
  setRejecting(false);
  const note = $('note').value.trim();
  if (decision === 'REJECTED' && reasonCode === 'OTHER' && !note) {
    fail(t('noteNeeded'));
    $('note').focus();
    return;
  }
  const body = { decision };
  if (reasonCode) body.reasonCode = reasonCode;
  if (note && decision === 'REJECTED') body.note = note;
  try {
    await call(COMPLETIONS + '/' + item.id + '/verification', { method: 'POST', json: body,
      headers: { 'If-Match': '"' + item.version + '"' } });
  } catch (e) {
    explain(e);
    return;
  }
  $('note').value = '';
  say(decision === 'VERIFIED' ? t('verified', { title: item.title })
    : t('rejected', { reason: t(reasonCode), title: item.title }));
  // The decided item leaves the queue; the next one (now at the same place) is selected.
  const at = state.selected;
  state.items.splice(at, 1);
  renderQueue();
  select(Math.min(at, state.items.length - 1));
  loadCounts().catch(() => {});
}

/** A refused call in words a verifier can act on. */
function explain(e) {
  if (e.status === 401) { signOut(); showSignIn(t('tokenRejected')); return; }
  if (e.status === 412 || e.status === 428) {
    fail(t('stale'));
    refresh().catch(() => {});
    return;
  }
  if (e.status === 403) { fail(t('forbidden', { detail: e.message })); return; }
  fail(t('failed', { detail: e.message }));
}

async function refresh() {
  try {
    await loadQueue(true);
    await loadCounts();
  } catch (e) {
    fail(e.message);
  }
}

// ---- counts per unit ---------------------------------------------------------------------------------------------
async function loadCounts() {
  const unit = $('filter-unit').value.trim();
  const body = await (await call(QUEUE + '/counts' + (unit ? '?unitCode=' + encodeURIComponent(unit) : ''))).json();
  $('counts-own').textContent = body.own ? t('countsOwn', { unit: body.own.unitName || body.own.unitCode,
    waiting: number(body.own.waiting), flagged: number(body.own.flagged) }) : '';
  const rows = body.units.map((count) => {
    const row = document.createElement('tr');
    row.dataset.unit = count.unitCode;
    const name = element('td');
    const link = element('a', count.unitName + ' (' + count.unitCode + ')');
    link.href = '#';
    link.addEventListener('click', (event) => {
      event.preventDefault();
      $('filter-unit').value = count.unitCode;
      refresh();
    });
    name.append(link);
    const waiting = element('td', number(count.waiting), 'num');
    waiting.dataset.value = count.waiting;
    const flagged = element('td', number(count.flagged), 'num');
    flagged.dataset.value = count.flagged;
    row.append(name, waiting, flagged);
    return row;
  });
  $('counts').tBodies[0].replaceChildren(...rows);
  $('counts-more').hidden = !body.more;
}

// ---- keys --------------------------------------------------------------------------------------------------------
function onKey(event) {
  if ($('view').hidden || event.ctrlKey || event.metaKey || event.altKey) return;
  const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(event.target.tagName);
  if (event.key === 'Escape') { setRejecting(false); if (typing) event.target.blur(); return; }
  if (typing) return;
  if (state.rejecting) {
    if (/^[1-9]$/.test(event.key)) {
      event.preventDefault();
      decide('REJECTED', REASONS[Number(event.key) - 1]);
    } else if (event.key !== 'Shift') {
      setRejecting(false);
    }
    return;
  }
  switch (event.key) {
    case 'j': case 'ArrowDown': event.preventDefault(); move(1); break;
    case 'k': case 'ArrowUp': event.preventDefault(); move(-1); break;
    case 'v': event.preventDefault(); decide('VERIFIED'); break;
    case 'r': if (state.selected >= 0) { event.preventDefault(); setRejecting(true); } break;
    default:
  }
}

// ---- start -------------------------------------------------------------------------------------------------------
$('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  signIn($('token').value.trim().replace(/^Bearer\s+/i, ''));
});
$('sign-out').addEventListener('click', signOut);
$('language').addEventListener('change', changeLanguage);
$('filters').addEventListener('submit', (event) => { event.preventDefault(); refresh(); });
$('clear').addEventListener('click', () => {
  ['filter-unit', 'filter-source', 'filter-kind', 'filter-flag'].forEach((id) => { $(id).value = ''; });
  refresh();
});
$('more').addEventListener('click', () => loadQueue(false).catch((e) => fail(e.message)));
$('verify').addEventListener('click', () => decide('VERIFIED'));
$('reject').addEventListener('click', () => decide('REJECTED', $('reason').value));
document.addEventListener('keydown', onKey);
translatePage();
if (state.token) signIn(state.token); else showSignIn();
