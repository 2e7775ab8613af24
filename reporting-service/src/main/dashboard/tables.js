/* The view's figures and tables: the units below with their figures, and the employees behind, page by page. */
import { json } from './api.js';
import { $, EMPLOYMENT_TYPES, PAGE_SIZE, state, STATUS_COLOURS } from './state.js';
import { jp, locale, number, percent, t } from './texts.js';

export function renderFigures() {
  const f = state.view.figures;
  const cards = [
    ['complianceRate', percent(f.complianceRate), f.complianceRate],
    ['headcount', number(f.headcount), f.headcount],
    ['compliant', number(f.compliant), f.compliant],
    ['onTrack', number(f.onTrack), f.onTrack],
    ['atRisk', number(f.atRisk), f.atRisk],
    ['notMet', number(f.notMet), f.notMet],
    ['averageJp', jp(f.averageJp), f.averageJp],
    ['withoutJp', number(state.view.breakdown.withoutJp), state.view.breakdown.withoutJp],
    ['exempt', number(f.exempt), f.exempt],
    // Leavers a policy excludes (LEFT_SERVICE), and those above their PPPK cap with the JP above it, e.g. "2 (6 JP)".
    ['leftService', number(f.leftService), f.leftService],
    ['aboveCap', t('aboveCapValue', { count: number(f.aboveCap), jp: jp(f.jpAboveCap) }), f.aboveCap],
    // JP waiting for verification beside the counted ones, and JP flagged as possible duplicates (absent: none).
    ['pendingJp', jp(f.pendingJp || 0), f.pendingJp || 0],
    ['flaggedJp', jp(f.flaggedJp || 0), f.flaggedJp || 0],
    // Compliant of the headcount of each employment type, e.g. "12 / 20".
    ...EMPLOYMENT_TYPES.map((type) => {
      const of = f.employmentTypes[type];
      return [type, number(of.compliant) + ' / ' + number(of.headcount), of.headcount];
    })
  ];
  $('figures').replaceChildren(...cards.map(([key, text, value]) => term(key, text, value)));
  // Leavers by reason: only the reasons someone left for, or a line saying none left.
  const leavers = Object.entries(f.leavers).filter(([, count]) => count > 0);
  $('no-leavers').hidden = leavers.length > 0;
  $('leavers').replaceChildren(...leavers.map(([reason, count]) => term(reason, number(count), count)));
}

function term(key, text, value) {
  const box = document.createElement('div');
  const name = document.createElement('dt');
  name.textContent = t(key);
  const figure = document.createElement('dd');
  figure.textContent = text;
  figure.dataset.figure = key;
  figure.dataset.value = String(value);
  box.append(name, figure);
  return box;
}

export function renderChildren() {
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

/** Draws the current page of the employees behind; {@code failed} handles a load that failed. */
export async function renderBehind(failed) {
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
      year: state.view.year, view: state.live ? 'live' : null, status: $('behind-status').value, search: $('behind-search').value.trim(),
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
