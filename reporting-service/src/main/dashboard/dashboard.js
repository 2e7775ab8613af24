/*
 * JP Ledger dashboard: reads the reporting API with the signed-in token and draws one unit's view at a time.
 * Data from the API is only ever put in the page as text (never as HTML): unit and employee names come from outside.
 * This module signs in, routes and wires the page; state.js, texts.js, api.js, charts.js and tables.js do the rest.
 */
import { ApiError, call, json } from './api.js';
import { renderCharts } from './charts.js';
import { $, LANGUAGE_KEY, state, TOKEN_KEY } from './state.js';
import { renderBehind, renderChildren, renderFigures } from './tables.js';
import { jp, locale, number, t, translatePage } from './texts.js';

// ---- signing in --------------------------------------------------------------------------------------------------
function claims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(part))));
  } catch (e) {
    return {};
  }
}

function showSignIn(message) {
  $('view').hidden = true;
  $('sign-in').hidden = false;
  $('sign-out').hidden = true;
  $('who').textContent = '';
  $('year').disabled = true;
  $('sign-in-error').textContent = message || '';
  $('token').focus();
}

function signOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  state.token = null;
  state.trail = [];
  state.view = null;
  state.loads += 1; // whatever is still loading was asked with the old token
  // Nothing of the previous caller's may remain in the page for the next one.
  ['crumbs', 'figures'].forEach((id) => $(id).replaceChildren());
  ['children', 'behind'].forEach((id) => $(id).tBodies[0].replaceChildren());
  ['unit-name', 'freshness', 'behind-page', 'export-status'].forEach((id) => { $(id).textContent = ''; });
  $('behind-search').value = '';
  $('stale').hidden = true;
  $('load-error').hidden = true;
  Object.values(state.charts).forEach((c) => c.dispose());
  state.charts = {};
  history.replaceState(null, '', location.pathname);
  showSignIn(message);
}

async function signIn(token) {
  state.token = token;
  try {
    state.years = await json('/api/v1/compliance/years');
  } catch (e) {
    state.token = null;
    showSignIn(e.status === 401 ? t('tokenRejected') : e.status === 403 ? t('tokenNoRole') : e.message);
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  $('token').value = '';
  showWho();
  $('sign-in').hidden = true;
  $('sign-out').hidden = false;
  fillYears();
  await route();
  if (state.token) $('view').hidden = false; // unless the first load found the token refused
}

function showWho() {
  if (!state.token) return;
  const who = claims(state.token);
  const units = Array.isArray(who.units) ? who.units : [];
  $('who').textContent = (who.upn || who.sub || '') + ' · '
      + (units.includes('*') ? t('allUnits') : t('units') + ': ' + units.join(', '));
}

// ---- signing in at the identity provider: OpenID Connect authorization code with PKCE -------------------------
const PKCE_KEY = 'jpledger.pkce';
// Always the registered address, whichever way the page was opened (/dashboard/ or /dashboard/index.html).
const redirectUri = () => location.origin + '/dashboard/';

function randomText() {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return base64Url(bytes);
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_')
    .replace(/=+$/, '');
}

async function offerSignInAtProvider() {
  let settings;
  try {
    settings = await (await fetch('/api/v1/dashboard/sign-in')).json();
  } catch (e) {
    return; // pasting a token still works
  }
  state.signIn = settings;
  if (!settings.enabled) return;
  $('sso').hidden = false;
  $('sso-button').textContent = t('signInWith', { provider: settings.providerName });
  $('sso-button').onclick = async () => {
    const verifier = randomText();
    const nonce = randomText();
    const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, nonce, hash: location.hash }));
    const url = new URL(settings.authorizationEndpoint, location.origin);
    Object.entries({ response_type: 'code', client_id: settings.clientId, redirect_uri: redirectUri(),
      scope: settings.scope, state: nonce, code_challenge: challenge, code_challenge_method: 'S256' })
      .forEach(([key, value]) => url.searchParams.set(key, value));
    location.assign(url);
  };
}

/** Back from the provider with ?code=&state=: trades the code for a token; false when this is no such return. */
async function completeSignInAtProvider() {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') && !query.has('error')) return false;
  const pending = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null');
  sessionStorage.removeItem(PKCE_KEY);
  history.replaceState(null, '', location.pathname + (pending && pending.hash ? pending.hash : ''));
  try {
    // Nothing of a return that this tab did not start is shown or used: its text could be anyone's.
    if (!pending || query.get('state') !== pending.nonce) throw new Error('state');
    if (query.has('error')) throw new Error(query.get('error_description') || query.get('error'));
    const settings = await (await fetch('/api/v1/dashboard/sign-in')).json();
    const response = await fetch(new URL(settings.tokenEndpoint, location.origin), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: query.get('code'),
        redirect_uri: redirectUri(), client_id: settings.clientId, code_verifier: pending.verifier })
    });
    if (!response.ok) throw new Error(response.status + ' ' + response.statusText);
    const token = (await response.json()).access_token;
    if (!token) throw new Error('no access_token');
    await signIn(token);
  } catch (e) {
    showSignIn(t('ssoFailed', { detail: e.message }));
  }
  return true;
}

function fillYears() {
  const select = $('year');
  select.replaceChildren(...state.years.years.map((year) => new Option(String(year), String(year))));
  select.disabled = false;
  state.year = state.year || state.years.current;
  select.value = String(state.year);
}

// ---- where we are: #year=2026&unit=CODE --------------------------------------------------------------------------
function go(year, unit) {
  const hash = '#year=' + year + (unit ? '&unit=' + encodeURIComponent(unit) : '');
  if (location.hash === hash) route(); else location.hash = hash;
}

async function route() {
  if (!state.token) return;
  const params = new URLSearchParams(location.hash.slice(1));
  const year = Number(params.get('year')) || state.year || state.years.current;
  state.year = year;
  $('year').value = String(year);
  try {
    await show(params.get('unit'));
  } catch (e) {
    failed(e);
  }
}

function failed(e) {
  if (e instanceof ApiError && e.status === 401) {
    signOut(t('sessionEnded'));
    return;
  }
  $('load-error').hidden = false;
  $('load-error').textContent = t('loadFailed', { detail: e.message });
}

/** Shows a unit (or, without one, the top of what the token may see) with everything the view holds. */
async function show(code) {
  const load = ++state.loads;
  const current = () => load === state.loads; // a later choice (year, unit, back) replaces this one
  $('load-error').hidden = true;
  const year = state.year;
  if (!code) {
    const summary = await json('/api/v1/compliance/summary', { year, view: figuresView() });
    if (!current()) return;
    // One top unit (a province, or the one unit a token names) is the top of the view itself.
    if (summary.units.length === 1) return go(year, summary.units[0].code);
    const [breakdown, freshness] = await Promise.all([
      json('/api/v1/compliance/summary/breakdown', { year }), json('/api/v1/compliance/freshness')]);
    if (!current()) return;
    state.trail = [];
    render({ unit: null, name: null, year, figures: summary.figures, children: summary.units, breakdown,
      freshness, asOf: summary.asOf, closed: summary.closed, closing: summary.closing });
    return;
  }
  const [unit, breakdown, freshness] = await Promise.all([
    json('/api/v1/compliance/units/' + encodeURIComponent(code), { year, view: figuresView() }),
    json('/api/v1/compliance/units/' + encodeURIComponent(code) + '/breakdown', { year }),
    json('/api/v1/compliance/freshness')]);
  if (!current()) return;
  const trail = await trailTo(unit.unit, year);
  if (!current()) return;
  state.trail = trail;
  render({ unit: unit.unit.code, name: unit.unit.name, year, figures: unit.unit.figures, children: unit.children,
    breakdown, freshness, asOf: unit.asOf, closed: unit.closed, closing: unit.closing });
}

/** The figures asked for: a closed year's closing's by default, the live ones when the toggle says so. */
const figuresView = () => (state.live ? 'live' : null);

/** Marks a closed year: who closed it and when, the toggle closed/live, and the corrections since with their link. */
function renderClosing() {
  const closing = state.view.closing;
  $('closed-badge').hidden = !closing;
  $('live-toggle').hidden = !closing;
  $('corrections-link').hidden = !closing;
  if (!closing) {
    $('corrections-section').hidden = true;
    return;
  }
  const date = new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'Asia/Jakarta' })
    .format(new Date(closing.closedAt));
  $('closed-badge').textContent = t(state.view.closed ? 'closedBadge' : 'closedBadgeLive',
    { date, who: closing.closedBy });
  $('live-view').checked = state.live;
  $('corrections-link').textContent = t('corrections', { count: number(closing.corrections) });
  if (!$('corrections-section').hidden) renderCorrections();
}

/** The year's corrections within the view's unit (the first page, newest first): a simple table. */
async function renderCorrections() {
  $('corrections-section').hidden = false;
  try {
    const page = await json('/api/v1/years/' + state.view.year + '/corrections',
      { unitCode: state.view.unit, limit: 100 });
    const time = new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' });
    $('corrections').tBodies[0].replaceChildren(...page.items.map((item) => {
      const tr = document.createElement('tr');
      const cells = [time.format(new Date(item.changedAt)), item.changedBy || '', item.employee.nip,
        item.employee.name || '', item.change, item.title || '',
        item.recognizedJpBefore === null || item.recognizedJpBefore === undefined ? '' : jp(item.recognizedJpBefore),
        item.recognizedJpAfter === null || item.recognizedJpAfter === undefined ? '' : jp(item.recognizedJpAfter),
        (item.employee.closedStatus ? t(item.employee.closedStatus) : '–') + ' → ' + t(item.employee.liveStatus)];
      cells.forEach((text, index) => {
        const td = document.createElement('td');
        td.textContent = text;
        if (index === 6 || index === 7) td.className = 'num';
        tr.append(td);
      });
      return tr;
    }));
    $('no-corrections').hidden = page.items.length > 0;
  } catch (e) {
    failed(e);
  }
}

/** The units from the top of the view down to {@code unit}: the trail kept while drilling, else asked unit by unit. */
async function trailTo(unit, year) {
  const at = state.trail.findIndex((step) => step.code === unit.code);
  if (at >= 0) return state.trail.slice(0, at + 1);
  const last = state.trail[state.trail.length - 1];
  if (last && unit.parentCode === last.code) return [...state.trail, { code: unit.code, name: unit.name }];
  const trail = [{ code: unit.code, name: unit.name }];
  let parent = unit.parentCode;
  while (parent && trail.length < 50) {
    try {
      const above = await json('/api/v1/compliance/units/' + encodeURIComponent(parent), { year });
      trail.unshift({ code: above.unit.code, name: above.unit.name });
      parent = above.unit.parentCode;
    } catch (e) {
      if (e.status === 404) break; // above the token's units: the trail starts where its scope does
      throw e;
    }
  }
  return trail;
}

// ---- drawing the view --------------------------------------------------------------------------------------------
/** Draws a view; {@code again} for the same view redrawn (another language): the list stays on its page. */
function render(view, again = false) {
  const moved = !again && state.view !== null && state.view.unit !== view.unit;
  state.view = view;
  if (!again) state.behind = { cursors: [null], page: 0, loads: 0 };
  renderCrumbs();
  renderFreshness();
  renderClosing();
  $('unit-name').textContent = (view.unit ? view.name : t('organisation')) + ' — ' + view.year;
  renderFigures();
  renderCharts();
  renderChildren();
  if (!again) $('behind-page').textContent = '';
  renderBehind(failed);
  // After drilling, keyboard and screen-reader users continue from the new unit's heading.
  if (moved) $('unit-name').focus();
}

function renderCrumbs() {
  const items = [];
  const home = document.createElement('li');
  const homeLink = document.createElement('a');
  homeLink.href = '#year=' + state.view.year + '&top';
  homeLink.textContent = t('home');
  homeLink.addEventListener('click', (event) => { event.preventDefault(); state.trail = []; showTop(); });
  home.append(homeLink);
  items.push(home);
  state.trail.forEach((step, index) => {
    const item = document.createElement('li');
    if (index === state.trail.length - 1) {
      item.textContent = step.name;
      item.setAttribute('aria-current', 'page');
    } else {
      const link = document.createElement('a');
      link.href = '#year=' + state.view.year + '&unit=' + encodeURIComponent(step.code);
      link.textContent = step.name;
      item.append(link);
    }
    items.push(item);
  });
  $('crumbs').replaceChildren(...items);
}

/** Home: the top of what the token may see, even when that is one unit (shown as such). */
async function showTop() {
  try {
    history.replaceState(null, '', '#year=' + state.year);
    await show(null);
  } catch (e) {
    failed(e);
  }
}

function renderFreshness() {
  const { asOf, freshness } = state.view;
  const time = asOf || freshness.asOf;
  $('freshness').textContent = time
    ? t('asOf', { time: new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short',
      timeZone: 'Asia/Jakarta' }).format(new Date(time)) + ' WIB' })
    : t('noData');
  $('stale').hidden = !freshness.stale;
  $('stale').textContent = freshness.stale
    ? (freshness.pendingEvents === null || freshness.pendingEvents === undefined ? t('staleUnknown')
      : t('stale', { pending: number(freshness.pendingEvents) }))
    : '';
}

// ---- export ------------------------------------------------------------------------------------------------------
async function download(event) {
  event.preventDefault();
  const kind = $('export-kind').value;
  const format = $('export-format').value;
  const status = $('export-status');
  $('export-button').disabled = true;
  status.textContent = t('exporting');
  try {
    const response = await call('/api/v1/exports/' + kind, {
      year: state.view.year, unitCode: state.view.unit, format, lang: state.language,
      bom: format === 'csv' ? 'true' : null },
    format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = response.headers.get('Content-Disposition') || '';
    const match = /filename="?([^";]+)"?/.exec(disposition);
    const file = match ? match[1] : kind + '-' + state.view.year + '.' + format;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = file;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    status.textContent = t('exported', { file });
  } catch (e) {
    if (e.status === 401) signOut(t('sessionEnded')); else status.textContent = t('exportFailed', { detail: e.message });
  } finally {
    $('export-button').disabled = false;
  }
}

// ---- wiring ------------------------------------------------------------------------------------------------------
document.addEventListener('DOMContentLoaded', () => {
  translatePage();
  $('language').addEventListener('change', () => {
    state.language = $('language').value;
    localStorage.setItem(LANGUAGE_KEY, state.language);
    translatePage();
    if (state.signIn && state.signIn.enabled) {
      $('sso-button').textContent = t('signInWith', { provider: state.signIn.providerName });
    }
    showWho();
    $('export-status').textContent = '';
    if (state.view && !$('view').hidden) render(state.view, true);
  });
  $('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token').value.trim().replace(/^Bearer\s+/i, '');
    if (token) signIn(token);
  });
  $('sign-out').addEventListener('click', () => signOut());
  $('live-view').addEventListener('change', () => {
    state.live = $('live-view').checked;
    go(state.year, state.view && state.view.unit);
  });
  $('corrections-link').addEventListener('click', (event) => {
    event.preventDefault();
    renderCorrections();
    $('corrections-section').scrollIntoView();
  });
  $('year').addEventListener('change', () => {
    state.year = Number($('year').value);
    go(state.year, state.view && state.view.unit);
  });
  window.addEventListener('hashchange', route);
  document.querySelectorAll('#children th[data-sort] button').forEach((button) => {
    button.addEventListener('click', () => {
      const key = button.parentElement.dataset.sort;
      state.sort = { key, ascending: state.sort.key === key ? !state.sort.ascending : key === 'name' };
      renderChildren();
    });
  });
  $('behind-form').addEventListener('submit', (event) => {
    event.preventDefault();
    state.behind = { cursors: [null], page: 0, loads: 0 };
    renderBehind(failed);
  });
  $('behind-status').addEventListener('change', () => {
    state.behind = { cursors: [null], page: 0, loads: 0 };
    renderBehind(failed);
  });
  $('behind-next').addEventListener('click', () => { state.behind.page += 1; renderBehind(failed); });
  $('behind-prev').addEventListener('click', () => { state.behind.page -= 1; renderBehind(failed); });
  $('export-form').addEventListener('submit', download);
  window.addEventListener('resize', () => Object.values(state.charts).forEach((c) => c.resize()));
  offerSignInAtProvider();
  completeSignInAtProvider().then((handled) => {
    if (handled) return;
    if (state.token) signIn(state.token); else showSignIn();
  });
});
