/* The dashboard's texts in the chosen language (from messages.js) and its number formats. */
import { $, state } from './state.js';

export function t(key, values) {
  const text = (window.JPL_MESSAGES[state.language] || window.JPL_MESSAGES.id)[key] ?? key;
  return values ? text.replace(/\{(\w+)\}/g, (_, name) => String(values[name])) : text;
}
export const locale = () => t('locale');
export const number = (value, digits = 0) => new Intl.NumberFormat(locale(), {
  minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Number(value));
export const jp = (value) => new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(Number(value));
export const percent = (rate) => new Intl.NumberFormat(locale(), {
  style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Number(rate));

export function translatePage() {
  document.documentElement.lang = state.language;
  document.title = 'JP Ledger — ' + t('title');
  document.querySelectorAll('[data-i18n]').forEach((element) => { element.textContent = t(element.dataset.i18n); });
  $('language').value = state.language;
}
