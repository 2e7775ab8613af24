/*
 * JP Ledger dashboard: reads the reporting API with the signed-in token and draws one unit's view at a time.
 * Data from the API is only ever put in the page as text (never as HTML): unit and employee names come from outside.
 */
'use strict';
(() => {
  const TOKEN_KEY = 'jpledger.token';
  const LANGUAGE_KEY = 'jpledger.language';
  const PAGE_SIZE = 20;
  const STATUSES = ['COMPLIANT', 'ON_TRACK', 'AT_RISK', 'NOT_MET'];
  const STATUS_COLOURS = { COMPLIANT: '#1a7f37', ON_TRACK: '#0b5cad', AT_RISK: '#b35900', NOT_MET: '#c62828' };
  const $ = (id) => document.getElementById(id);

  const state = {
    token: sessionStorage.getItem(TOKEN_KEY),
    language: localStorage.getItem(LANGUAGE_KEY) || 'id',
    years: null,
    year: null,
    trail: [],          // the units from the top of the view down to the one shown: [{code, name}]
    view: null,         // {unit, children, figures, breakdown, freshness} of what is shown
    sort: { key: 'complianceRate', ascending: true },
    behind: { cursors: [null], page: 0, loads: 0 },
    charts: {},
    signIn: null,       // how the identity provider signs users in, when configured
    loads: 0            // views asked for so far: a response for an older one is dropped
  };

  // ---- texts -------------------------------------------------------------------------------------------------------
  function t(key, values) {
    const text = (window.JPL_MESSAGES[state.language] || window.JPL_MESSAGES.id)[key] ?? key;
    return values ? text.replace(/\{(\w+)\}/g, (_, name) => String(values[name])) : text;
  }
  const locale = () => t('locale');
  const number = (value, digits = 0) => new Intl.NumberFormat(locale(), {
    minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Number(value));
  const jp = (value) => new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(Number(value));
  const percent = (rate) => new Intl.NumberFormat(locale(), {
    style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Number(rate));

  function translatePage() {
    document.documentElement.lang = state.language;
    document.title = 'JP Ledger — ' + t('title');
    document.querySelectorAll('[data-i18n]').forEach((element) => { element.textContent = t(element.dataset.i18n); });
    $('language').value = state.language;
  }

  // ---- the API -----------------------------------------------------------------------------------------------------
  class ApiError extends Error {
    constructor(status, detail) { super(detail); this.status = status; }
  }

  async function call(path, params, accept = 'application/json') {
    const url = new URL(path, location.origin);
    Object.entries(params || {}).forEach(([key, value]) => {
      if (value !== null && value !== undefined && value !== '') url.searchParams.set(key, value);
    });
    const response = await fetch(url, { headers: { Authorization: 'Bearer ' + state.token, Accept: accept } });
    if (!response.ok) {
      let detail = response.statusText;
      try {
        const problem = await response.json();
        detail = problem.detail || problem.title || detail;
        if (problem.errors) detail += ' ' + problem.errors.map((e) => e.field + ': ' + e.reason).join('; ');
      } catch (ignored) { /* not problem+json: the status text says it */ }
      throw new ApiError(response.status, detail);
    }
    return response;
  }
  const json = async (path, params) => (await call(path, params)).json();

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
      const summary = await json('/api/v1/compliance/summary', { year });
      if (!current()) return;
      // One top unit (a province, or the one unit a token names) is the top of the view itself.
      if (summary.units.length === 1) return go(year, summary.units[0].code);
      const [breakdown, freshness] = await Promise.all([
        json('/api/v1/compliance/summary/breakdown', { year }), json('/api/v1/compliance/freshness')]);
      if (!current()) return;
      state.trail = [];
      render({ unit: null, name: null, year, figures: summary.figures, children: summary.units, breakdown,
        freshness, asOf: summary.asOf });
      return;
    }
    const [unit, breakdown, freshness] = await Promise.all([
      json('/api/v1/compliance/units/' + encodeURIComponent(code), { year }),
      json('/api/v1/compliance/units/' + encodeURIComponent(code) + '/breakdown', { year }),
      json('/api/v1/compliance/freshness')]);
    if (!current()) return;
    const trail = await trailTo(unit.unit, year);
    if (!current()) return;
    state.trail = trail;
    render({ unit: unit.unit.code, name: unit.unit.name, year, figures: unit.unit.figures, children: unit.children,
      breakdown, freshness, asOf: unit.asOf });
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
    $('unit-name').textContent = (view.unit ? view.name : t('organisation')) + ' — ' + view.year;
    renderFigures();
    renderCharts();
    renderChildren();
    if (!again) $('behind-page').textContent = '';
    renderBehind();
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

  function renderFigures() {
    const f = state.view.figures;
    const cards = [
      ['complianceRate', percent(f.complianceRate), f.complianceRate],
      ['headcount', number(f.headcount), f.headcount],
      ['compliant', number(f.compliant), f.compliant],
      ['onTrack', number(f.onTrack), f.onTrack],
      ['atRisk', number(f.atRisk), f.atRisk],
      ['notMet', number(f.notMet), f.notMet],
      ['averageJp', jp(f.averageJp), f.averageJp],
      ['withoutJp', number(state.view.breakdown.withoutJp), state.view.breakdown.withoutJp]
    ];
    $('figures').replaceChildren(...cards.map(([key, text, value]) => {
      const box = document.createElement('div');
      const term = document.createElement('dt');
      term.textContent = t(key);
      const figure = document.createElement('dd');
      figure.textContent = text;
      figure.dataset.figure = key;
      figure.dataset.value = String(value);
      box.append(term, figure);
      return box;
    }));
  }

  function chart(id, option, description) {
    const element = $(id);
    element.setAttribute('aria-label', description);
    if (!window.echarts) return; // the charts' library failed to load: the figures and tables still stand
    const existing = state.charts[id] || window.echarts.init(element, null, { renderer: 'svg' });
    state.charts[id] = existing;
    existing.setOption({ animation: false, textStyle: { fontFamily: 'system-ui, sans-serif' }, ...option }, true);
  }

  function renderCharts() {
    const { figures, breakdown } = state.view;
    const statusData = STATUSES.map((status) => ({
      name: t(status), value: figures[{ COMPLIANT: 'compliant', ON_TRACK: 'onTrack', AT_RISK: 'atRisk',
        NOT_MET: 'notMet' }[status]], itemStyle: { color: STATUS_COLOURS[status] } }))
      // An empty status keeps its legend entry but draws no label pointing at nothing.
      .map((d) => (d.value > 0 ? d : { ...d, label: { show: false }, labelLine: { show: false } }));
    chart('chart-status', {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['40%', '70%'], center: ['50%', '45%'], data: statusData,
        label: { formatter: '{c}' } }]
    }, t('chartStatus') + ': ' + statusData.map((d) => d.name + ' ' + number(d.value)).join(', '));

    const bands = breakdown.jpBands.map((band) => (band.toJp === null || band.toJp === undefined
      ? '≥ ' + jp(band.fromJp) : jp(band.fromJp) + '–<' + jp(band.toJp)) + ' JP');
    chart('chart-bands', {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 32, bottom: 40 },
      xAxis: { type: 'category', data: bands },
      yAxis: { type: 'value', name: t('employeesAxis'), minInterval: 1, axisLabel: { formatter: (v) => number(v) } },
      series: [{ type: 'bar', data: breakdown.jpBands.map((band) => band.employees), itemStyle: { color: '#0b5cad' },
        label: { show: true, position: 'top' } }]
    }, t('chartBands') + ': ' + bands.map((band, i) => band + ' ' + number(breakdown.jpBands[i].employees)).join(', '));

    horizontalBars('chart-method', t('chartMethod'), breakdown.jpByMethod, ['#0b5cad', '#6f42c1']);
    horizontalBars('chart-competency', t('chartCompetency'), breakdown.jpByCompetencyType,
      ['#0b5cad', '#1a7f37', '#b35900']);
  }

  function horizontalBars(id, title, values, colours) {
    const keys = Object.keys(values);
    chart(id, {
      tooltip: { trigger: 'axis' },
      grid: { left: 110, right: 48, top: 8, bottom: 24 },
      xAxis: { type: 'value', axisLabel: { formatter: (v) => jp(v) } },
      yAxis: { type: 'category', data: keys.map((key) => t(key)), inverse: true },
      series: [{ type: 'bar', data: keys.map((key, i) => ({ value: Number(values[key]),
        itemStyle: { color: colours[i % colours.length] } })),
      label: { show: true, position: 'right', formatter: (p) => jp(p.value) } }]
    }, title + ': ' + keys.map((key) => t(key) + ' ' + jp(values[key]) + ' JP').join(', '));
  }

  function renderChildren() {
    const children = [...state.view.children];
    const { key, ascending } = state.sort;
    const valueOf = (row) => (key === 'name' ? row.name : Number(row.figures[key]));
    children.sort((a, b) => {
      const x = valueOf(a);
      const y = valueOf(b);
      const order = typeof x === 'string' ? x.localeCompare(y, locale()) : x - y;
      return (ascending ? order : -order) || a.name.localeCompare(b.name, locale());
    });
    $('children-title').textContent = state.view.unit ? t('childUnits') : t('topUnits');
    document.querySelectorAll('#children th[data-sort]').forEach((th) => {
      th.setAttribute('aria-sort', th.dataset.sort === key ? (ascending ? 'ascending' : 'descending') : 'none');
    });
    $('no-children').hidden = children.length > 0;
    $('children').hidden = children.length === 0;
    $('children').tBodies[0].replaceChildren(...children.map((row) => {
      const tr = document.createElement('tr');
      tr.dataset.unit = row.code;
      const name = document.createElement('th');
      name.scope = 'row';
      const link = document.createElement('a');
      link.href = '#year=' + state.view.year + '&unit=' + encodeURIComponent(row.code);
      link.textContent = row.name;
      link.title = t('openUnit', { name: row.name });
      name.append(link);
      tr.append(name);
      ['headcount', 'compliant', 'onTrack', 'atRisk', 'notMet'].forEach((figure) => {
        tr.append(cell(number(row.figures[figure]), 'num', figure, row.figures[figure]));
      });
      const rate = cell('', 'rate', 'complianceRate', row.figures.complianceRate);
      const bar = document.createElement('span');
      bar.className = 'rate-bar';
      const fill = document.createElement('span');
      const value = Number(row.figures.complianceRate);
      fill.style.width = Math.round(value * 100) + '%';
      fill.style.background = value >= 0.8 ? STATUS_COLOURS.COMPLIANT : value >= 0.5 ? STATUS_COLOURS.AT_RISK
        : STATUS_COLOURS.NOT_MET;
      bar.append(fill);
      const text = document.createElement('span');
      text.className = 'rate-value';
      text.textContent = percent(value);
      const wrap = document.createElement('div');
      wrap.className = 'rate-cell';
      wrap.append(bar, text);
      rate.append(wrap);
      tr.append(rate, cell(jp(row.figures.averageJp), 'num', 'averageJp', row.figures.averageJp));
      return tr;
    }));
  }

  function cell(text, className, figure, value) {
    const td = document.createElement('td');
    td.textContent = text;
    td.className = className;
    td.dataset.figure = figure;
    td.dataset.value = String(value);
    return td;
  }

  async function renderBehind() {
    const unit = state.view.unit;
    const behind = state.behind;
    const load = ++behind.loads;
    const page = behind.page;
    $('behind-prev').disabled = true;
    $('behind-next').disabled = true;
    try {
      // Without a unit: everyone the summary counts (for a token naming some units, their subtrees together).
      const path = unit ? '/api/v1/compliance/units/' + encodeURIComponent(unit) + '/employees'
        : '/api/v1/compliance/summary/employees';
      const result = await json(path, {
        year: state.view.year, status: $('behind-status').value, search: $('behind-search').value.trim(),
        limit: PAGE_SIZE, cursor: behind.cursors[page] });
      // Another unit, filter or page was asked for meanwhile: its own answer will draw the list.
      if (behind !== state.behind || load !== behind.loads) return;
      behind.cursors[page + 1] = result.nextCursor || null;
      $('behind').tBodies[0].replaceChildren(...result.items.map((employee) => {
        const tr = document.createElement('tr');
        const status = document.createElement('span');
        status.className = 'status ' + employee.status;
        status.textContent = t(employee.status);
        const statusCell = document.createElement('td');
        statusCell.append(status);
        tr.append(cell(employee.nip, '', 'nip', employee.nip), cell(employee.name, '', 'name', employee.name),
          cell(employee.unitName || employee.unitCode, '', 'unit', employee.unitCode),
          cell(jp(employee.totalJp), 'num', 'totalJp', employee.totalJp),
          cell(jp(employee.targetJp), 'num', 'targetJp', employee.targetJp), statusCell);
        return tr;
      }));
      $('no-behind').hidden = result.items.length > 0;
      $('behind-page').textContent = t('page', { page: page + 1 });
      $('behind-prev').disabled = page === 0;
      $('behind-next').disabled = !result.nextCursor;
    } catch (e) {
      if (behind === state.behind && load === behind.loads) failed(e);
    }
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
      renderBehind();
    });
    $('behind-status').addEventListener('change', () => {
      state.behind = { cursors: [null], page: 0, loads: 0 };
      renderBehind();
    });
    $('behind-next').addEventListener('click', () => { state.behind.page += 1; renderBehind(); });
    $('behind-prev').addEventListener('click', () => { state.behind.page -= 1; renderBehind(); });
    $('export-form').addEventListener('submit', download);
    window.addEventListener('resize', () => Object.values(state.charts).forEach((c) => c.resize()));
    offerSignInAtProvider();
    completeSignInAtProvider().then((handled) => {
      if (handled) return;
      if (state.token) signIn(state.token); else showSignIn();
    });
  });
})();
