/**
 * The moderator API, same origin as the console. Every call carries the bearer token; a 401
 * anywhere means the token is no longer valid, which the app turns into a sign-out.
 */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

const BASE = new URL('/api/v1/', location.href);

export class ModerationApi {
  constructor(token, onUnauthorized = () => {}) {
    this.token = token;
    this.onUnauthorized = onUnauthorized;
  }

  headers(extra = {}) {
    return { Accept: 'application/json', Authorization: `Bearer ${this.token}`, ...extra };
  }

  async request(path, { method = 'GET', body } = {}) {
    const init = { method, headers: this.headers(), cache: 'no-store' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(new URL(path, BASE), init);
    const type = response.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await response.json().catch(() => null) : null;
    if (response.status === 401) this.onUnauthorized();
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  me() {
    return this.request('moderation/me');
  }

  queue({ status, articleId, sort, cursor, limit = 50 }) {
    const query = new URLSearchParams({ status, sort, limit: String(limit) });
    if (articleId) query.set('articleId', articleId);
    if (cursor) query.set('cursor', cursor);
    return this.request(`moderation/queue?${query}`);
  }

  decide(id, action, version, reason) {
    const body = { action, version };
    if (reason) body.reason = reason;
    return this.request(`moderation/comments/${encodeURIComponent(id)}/decision`,
      { method: 'POST', body });
  }

  decideMany(ids, action, reason) {
    const body = { ids, action };
    if (reason) body.reason = reason;
    return this.request('moderation/decisions', { method: 'POST', body });
  }

  log({ cursor, limit = 50 } = {}) {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor) query.set('cursor', cursor);
    return this.request(`moderation/log?${query}`);
  }

  eventsUrl() {
    return new URL('moderation/events', BASE);
  }
}
