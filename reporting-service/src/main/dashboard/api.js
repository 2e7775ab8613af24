/* The reporting API client: calls with the signed-in token, and a refusal as an ApiError with the problem's detail. */
import { state } from './state.js';

export class ApiError extends Error {
  constructor(status, detail) { super(detail); this.status = status; }
}

export async function call(path, params, accept = 'application/json') {
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
export const json = async (path, params) => (await call(path, params)).json();
