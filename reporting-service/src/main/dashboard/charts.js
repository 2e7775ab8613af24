/* The view's charts, drawn with ECharts when it loaded; each also described in words for screen readers. */
import { $, state, STATUSES, STATUS_COLOURS } from './state.js';
import { jp, number, t } from './texts.js';

function chart(id, option, description) {
  const element = $(id);
  element.setAttribute('aria-label', description);
  if (!window.echarts) return; // the charts' library failed to load: the figures and tables still stand
  const existing = state.charts[id] || window.echarts.init(element, null, { renderer: 'svg' });
  state.charts[id] = existing;
  existing.setOption({ animation: false, textStyle: { fontFamily: 'system-ui, sans-serif' }, ...option }, true);
}

export function renderCharts() {
  const { figures, breakdown } = state.view;
  const statusData = STATUSES.map((status) => ({
    name: t(status), value: figures[{ COMPLIANT: 'compliant', ON_TRACK: 'onTrack', AT_RISK: 'atRisk',
      NOT_MET: 'notMet', EXEMPT: 'exempt', LEFT_SERVICE: 'leftService' }[status]],
    itemStyle: { color: STATUS_COLOURS[status] } }))
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
