/* The dashboard's state and page handles: what is signed in, chosen and shown; shared by all its modules. */
export const TOKEN_KEY = 'jpledger.token';
export const LANGUAGE_KEY = 'jpledger.language';
export const PAGE_SIZE = 20;
export const STATUSES = ['COMPLIANT', 'ON_TRACK', 'AT_RISK', 'NOT_MET', 'EXEMPT', 'LEFT_SERVICE'];
export const STATUS_COLOURS = { COMPLIANT: '#1a7f37', ON_TRACK: '#0b5cad', AT_RISK: '#b35900', NOT_MET: '#c62828',
  EXEMPT: '#57606a', LEFT_SERVICE: '#8c959f' };
export const EMPLOYMENT_TYPES = ['PNS', 'PPPK', 'PPPK_PARUH_WAKTU'];
export const $ = (id) => document.getElementById(id);

export const state = {
  token: sessionStorage.getItem(TOKEN_KEY),
  language: localStorage.getItem(LANGUAGE_KEY) || 'id',
  years: null,
  year: null,
  live: false,        // a closed year's live figures asked for instead of its closing's
  trail: [],          // the units from the top of the view down to the one shown: [{code, name}]
  view: null,         // {unit, children, figures, breakdown, freshness} of what is shown
  sort: { key: 'complianceRate', ascending: true },
  behind: { cursors: [null], page: 0, loads: 0 },
  charts: {},
  signIn: null,       // how the identity provider signs users in, when configured
  loads: 0            // views asked for so far: a response for an older one is dropped
};
