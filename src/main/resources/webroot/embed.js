/*
 * Moderato embed: renders the comment thread and the comment form into every element with a
 * data-moderato-article attribute.
 *
 *   <div data-moderato-article="ARTICLE-ID"></div>
 *   <script src="https://HOST/embed.js" defer></script>
 *
 * It is one classic script on purpose: news sites load it cross-origin with a plain <script>, so
 * it cannot rely on module imports (those would need CORS on every file). It talks to the API next
 * to its own URL, sends no cookies, and keeps the reader's own comments (edit tokens, comments
 * awaiting moderation) in the news site's localStorage, so third-party cookies are never needed.
 * All user text goes into the page through textContent / Text nodes, never as HTML.
 */
(() => {
  'use strict';

  const SCRIPT_URL = document.currentScript?.src || new URL('/embed.js', location.href).href;
  const API = new URL('api/v1/', SCRIPT_URL);
  const CSS_URL = new URL('embed.css', SCRIPT_URL).href;

  const PAGE_SIZE = 20;
  const MAX_COMMENT = 5000;
  const EDIT_WINDOW_MS = 15 * 60 * 1000;
  const KEEP_PENDING_MS = 7 * 24 * 60 * 60 * 1000;
  const FORM_TOKEN_MAX_AGE_MS = 20 * 60 * 1000;

  // ---------------------------------------------------------------------------------------------
  // Small helpers

  /** Creates an element; strings among the children become Text nodes, so they are never parsed. */
  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value == null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child != null && child !== false) node.append(child);
    }
    return node;
  }

  function charCount(text) {
    return [...text.trim()].length;
  }

  function plural(n, one, many) {
    return `${n.toLocaleString()} ${n === 1 ? one : many}`;
  }

  const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });

  const UNITS = [['year', 31536000], ['month', 2592000], ['day', 86400], ['hour', 3600],
    ['minute', 60]];

  function timeElement(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return el('span', { class: 'moderato-time' });
    const seconds = (date.getTime() - Date.now()) / 1000;
    // A server clock slightly ahead of the reader's must not say "in 2 minutes".
    let label = 'just now';
    if (seconds <= -45) {
      const [unit, size] = UNITS.find(([, s]) => -seconds >= s) || UNITS.at(-1);
      label = relative.format(Math.round(seconds / size), unit);
    }
    return el('time', { class: 'moderato-time', datetime: date.toISOString(),
      title: absolute.format(date) }, label);
  }

  /** Retry-After is either seconds or an HTTP date. */
  function retryAfterSeconds(header) {
    if (!header) return null;
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
    const at = Date.parse(header);
    return Number.isNaN(at) ? null : Math.max(1, Math.ceil((at - Date.now()) / 1000));
  }

  function waitPhrase(seconds) {
    if (seconds == null) return 'Please wait a moment';
    if (seconds < 90) return `Please wait ${plural(seconds, 'second', 'seconds')}`;
    return `Please wait ${plural(Math.ceil(seconds / 60), 'minute', 'minutes')}`;
  }

  // ---------------------------------------------------------------------------------------------
  // API

  async function call(path, { method = 'GET', body, headers = {} } = {}) {
    const init = {
      method,
      credentials: 'omit',
      mode: 'cors',
      headers: { Accept: 'application/json', ...headers },
    };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(new URL(path, API), init);
    const type = response.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await response.json().catch(() => null) : null;
    return { status: response.status, data, headers: response.headers };
  }

  const enc = encodeURIComponent;

  // ---------------------------------------------------------------------------------------------
  // The reader's own comments, kept in this site's localStorage

  class OwnComments {
    constructor(articleId) {
      this.key = `moderato:v1:own:${articleId}`;
    }

    all() {
      try {
        const list = JSON.parse(localStorage.getItem(this.key) || '[]');
        if (!Array.isArray(list)) return [];
        const now = Date.now();
        return list.filter((c) => c && c.id && now - c.savedAt < KEEP_PENDING_MS);
      } catch {
        return [];
      }
    }

    save(list) {
      try {
        const keep = list.filter((c) => c.status === 'pending'
          || Date.now() - c.savedAt < EDIT_WINDOW_MS);
        if (keep.length) localStorage.setItem(this.key, JSON.stringify(keep));
        else localStorage.removeItem(this.key);
      } catch {
        // Storage can be full or blocked (private mode, sandboxed frames): the thread still works.
      }
    }

    get(id) {
      return this.all().find((c) => c.id === id);
    }

    put(entry) {
      this.save([...this.all().filter((c) => c.id !== entry.id), entry]);
    }

    update(id, changes) {
      this.save(this.all().map((c) => (c.id === id ? { ...c, ...changes } : c)));
    }

    remove(id) {
      this.save(this.all().filter((c) => c.id !== id));
    }

    pending() {
      return this.all().filter((c) => c.status === 'pending');
    }

    editable(id) {
      const own = this.get(id);
      return own && own.editToken && Date.now() - own.savedAt < EDIT_WINDOW_MS ? own : null;
    }
  }

  function rememberedName() {
    try {
      return localStorage.getItem('moderato:v1:name') || '';
    } catch {
      return '';
    }
  }

  function rememberName(name) {
    try {
      localStorage.setItem('moderato:v1:name', name);
    } catch {
      // Not remembering the name is harmless.
    }
  }

  // ---------------------------------------------------------------------------------------------
  // One comment section

  let instances = 0;

  class CommentSection {
    constructor(root, articleId) {
      this.root = root;
      this.articleId = articleId;
      this.prefix = `moderato-${++instances}`;
      this.own = new OwnComments(articleId);
      this.sort = 'oldest';
      this.cursor = null;
      this.total = 0;
      this.items = new Map();
      this.parentId = null;
      this.formToken = null;
      this.formTokenAt = 0;
      this.lastBody = null;
      this.retryTimer = null;
      this.tokenRequest = Promise.resolve();
      this.generation = 0;
    }

    start() {
      this.render();
      this.fetchFormToken();
      this.loadPage();
    }

    id(suffix) {
      return `${this.prefix}-${suffix}`;
    }

    // --- layout -------------------------------------------------------------------------------

    render() {
      this.totalLabel = el('p', { class: 'moderato-total', 'aria-live': 'polite' }, 'Comments');
      this.sortSelect = el('select', { id: this.id('sort'), onchange: () => this.changeSort() },
        el('option', { value: 'oldest' }, 'Oldest first'),
        el('option', { value: 'newest' }, 'Newest first'),
        el('option', { value: 'top' }, 'Top'));
      this.threadStatus = el('div', { class: 'moderato-thread-status', role: 'status' });
      this.list = el('ol', { class: 'moderato-thread', 'aria-label': 'Comments' });
      this.more = el('button', { type: 'button', class: 'moderato-button moderato-more',
        hidden: true, onclick: () => this.loadPage() }, 'Load more comments');
      this.form = this.renderForm();
      this.formHome = el('div', { class: 'moderato-compose' }, this.form);

      this.root.replaceChildren(el('div', { class: 'moderato' },
        el('div', { class: 'moderato-toolbar' },
          this.totalLabel,
          el('p', { class: 'moderato-sort' },
            el('label', { for: this.id('sort') }, 'Sort by'), ' ', this.sortSelect)),
        this.formHome,
        this.threadStatus,
        this.list,
        this.more));
    }

    renderForm() {
      const nameId = this.id('name');
      const commentId = this.id('comment');
      this.nameInput = el('input', { id: nameId, name: 'name', type: 'text',
        autocomplete: 'name', 'aria-describedby': `${nameId}-error`, required: true });
      this.nameInput.value = rememberedName();
      this.nameError = el('p', { class: 'moderato-field-error', id: `${nameId}-error` });
      this.commentInput = el('textarea', { id: commentId, name: 'comment', rows: 5,
        'aria-describedby': `${commentId}-count ${commentId}-error`, required: true,
        oninput: () => this.updateCount() });
      this.counter = el('p', { class: 'moderato-counter', id: `${commentId}-count` });
      this.commentError = el('p', { class: 'moderato-field-error', id: `${commentId}-error` });
      this.trap = el('input', { id: this.id('website'), name: 'website', type: 'text',
        tabindex: '-1', autocomplete: 'off' });
      this.replying = el('p', { class: 'moderato-replying', hidden: true });
      this.message = el('div', { class: 'moderato-form-message', role: 'alert' });
      this.submitButton = el('button', { type: 'submit', class: 'moderato-button' },
        'Post comment');
      this.updateCount();

      return el('form', { class: 'moderato-form', novalidate: true,
        'aria-label': 'Write a comment', onsubmit: (e) => {
          e.preventDefault();
          this.submit(false);
        } },
      this.replying,
      el('div', { class: 'moderato-field' },
        el('label', { for: nameId }, 'Your name'), this.nameInput, this.nameError),
      el('div', { class: 'moderato-field' },
        el('label', { for: commentId }, 'Your comment'), this.commentInput, this.counter,
        this.commentError),
      el('p', { class: 'moderato-trap', 'aria-hidden': 'true' },
        el('label', { for: this.id('website') }, 'Leave this field empty'), this.trap),
      this.message,
      el('p', { class: 'moderato-actions' }, this.submitButton,
        el('span', { class: 'moderato-hint' }, 'Comments are checked before they appear.')));
    }

    updateCount() {
      const n = charCount(this.commentInput.value);
      const over = n - MAX_COMMENT;
      this.counter.textContent = over > 0
        ? `${n.toLocaleString()} / ${MAX_COMMENT.toLocaleString()} characters: `
          + `${plural(over, 'character', 'characters')} too many`
        : `${n.toLocaleString()} / ${MAX_COMMENT.toLocaleString()} characters`;
      this.counter.classList.toggle('moderato-over', over > 0);
    }

    setTotal(total) {
      this.total = Math.max(0, total);
      this.totalLabel.textContent = this.total === 0
        ? 'No comments yet'
        : plural(this.total, 'comment', 'comments');
    }

    // --- thread -------------------------------------------------------------------------------

    changeSort() {
      this.cancelReply(false);
      this.sort = this.sortSelect.value;
      this.cursor = null;
      this.items.clear();
      this.list.replaceChildren();
      this.loadPage();
    }

    async loadPage() {
      const first = this.cursor === null;
      const query = new URLSearchParams({ sort: this.sort, limit: String(PAGE_SIZE) });
      if (!first) query.set('cursor', this.cursor);
      this.more.disabled = true;
      this.list.setAttribute('aria-busy', 'true');
      this.threadStatus.replaceChildren(first ? 'Loading comments…' : 'Loading more comments…');
      const generation = ++this.generation;
      let result;
      try {
        result = await call(`articles/${enc(this.articleId)}/comments?${query}`);
      } catch {
        result = null;
      }
      // A sort change while this page was loading made it obsolete.
      if (generation !== this.generation) return;
      this.list.removeAttribute('aria-busy');
      this.more.disabled = false;
      if (!result || result.status !== 200 || !result.data) {
        this.threadStatus.replaceChildren(
          el('span', {}, 'The comments could not be loaded. '),
          el('button', { type: 'button', class: 'moderato-link',
            onclick: () => this.loadPage() }, 'Try again'));
        return;
      }
      this.threadStatus.replaceChildren();
      this.root.dataset.moderatoState = 'ready';
      const page = result.data;
      this.setTotal(page.total ?? 0);
      let firstNew = null;
      for (const comment of page.comments || []) {
        const node = this.addComment(comment, this.list, 'end');
        firstNew ??= node;
      }
      this.cursor = page.nextCursor || null;
      this.more.hidden = !this.cursor;
      this.reconcilePending();
      if (!first && this.more.hidden && firstNew) firstNew.querySelector('article')?.focus();
    }

    /** Renders a published comment and its replies; skips ones already shown (paging overlap). */
    addComment(comment, list, where) {
      const existing = this.items.get(comment.id);
      if (existing && !existing.classList.contains('moderato-pending')) return existing;
      const node = this.commentNode(comment, false);
      if (existing) existing.replaceWith(node);
      else if (where === 'start') list.prepend(node);
      else list.append(node);
      this.items.set(comment.id, node);
      const replies = node.querySelector(':scope > .moderato-replies');
      for (const reply of comment.replies || []) this.addComment(reply, replies, 'end');
      return node;
    }

    commentNode(comment, pending) {
      const replies = el('ol', { class: 'moderato-replies' });
      const slot = el('div', { class: 'moderato-reply-slot' });
      const body = el('article', { class: 'moderato-body', tabindex: '-1' });
      const item = el('li', { class: 'moderato-comment', id: `${this.prefix}-c-${comment.id}`,
        'data-id': comment.id }, body, slot, replies);
      item.classList.toggle('moderato-pending', pending);
      this.fillBody(body, comment, pending);
      return item;
    }

    fillBody(body, comment, pending) {
      if (comment.deleted) {
        body.replaceChildren(el('p', { class: 'moderato-deleted' }, 'Comment deleted'));
        return;
      }
      const actions = el('p', { class: 'moderato-comment-actions' });
      if (!pending) {
        actions.append(el('button', { type: 'button', class: 'moderato-link',
          'aria-label': `Reply to ${comment.name}`,
          onclick: () => this.startReply(comment) }, 'Reply'));
      }
      const own = this.own.editable(comment.id);
      if (own) {
        actions.append(
          el('button', { type: 'button', class: 'moderato-link',
            onclick: () => this.startEdit(comment, body, pending) }, 'Edit'),
          el('button', { type: 'button', class: 'moderato-link',
            onclick: () => this.deleteOwn(comment, body) }, 'Delete'));
      }
      body.replaceChildren(...[
        el('header', { class: 'moderato-comment-head' },
          el('span', { class: 'moderato-author' }, comment.name), ' ',
          timeElement(comment.createdAt)),
        pending ? el('p', { class: 'moderato-pending-note' },
          'Awaiting moderation. Only you can see this until a moderator approves it.') : null,
        el('p', { class: 'moderato-text' }, comment.text),
        actions.childElementCount ? actions : null,
      ].filter(Boolean));
    }

    /** Shows the reader's comments that await moderation, until the thread publishes them. */
    reconcilePending() {
      for (const entry of this.own.pending()) {
        const shown = this.items.get(entry.id);
        if (shown && !shown.classList.contains('moderato-pending')) {
          this.own.update(entry.id, { status: 'published' });
          continue;
        }
        if (shown) continue;
        this.showPending(entry);
      }
    }

    showPending(entry) {
      const node = this.commentNode({ ...entry, replies: [] }, true);
      const parent = entry.parentId && this.items.get(entry.parentId);
      if (parent) parent.querySelector(':scope > .moderato-replies').append(node);
      else this.list.prepend(node);
      this.items.set(entry.id, node);
      return node;
    }

    // --- replying -----------------------------------------------------------------------------

    startReply(comment) {
      const item = this.items.get(comment.id);
      if (!item) return;
      this.parentId = comment.id;
      this.replying.replaceChildren(
        'Replying to ', el('strong', {}, comment.name), ' ',
        el('button', { type: 'button', class: 'moderato-link',
          onclick: () => this.cancelReply(true) }, 'Cancel reply'));
      this.replying.hidden = false;
      this.submitButton.textContent = 'Post reply';
      item.querySelector(':scope > .moderato-reply-slot').append(this.form);
      this.commentInput.focus();
    }

    cancelReply(focus) {
      const parent = this.parentId && this.items.get(this.parentId);
      this.parentId = null;
      this.replying.hidden = true;
      this.replying.replaceChildren();
      this.submitButton.textContent = 'Post comment';
      this.formHome.append(this.form);
      if (focus && parent) parent.querySelector('.moderato-body').focus();
    }

    // --- posting ------------------------------------------------------------------------------

    /** Fetches a fresh bot-trap token; submit waits for a fetch still in flight. */
    fetchFormToken() {
      this.tokenRequest = (async () => {
        let token = null;
        try {
          const result = await call(`articles/${enc(this.articleId)}/form`);
          if (result.status === 200 && result.data?.formToken) token = result.data.formToken;
        } catch {
          // The bot trap is best effort: without a token the comment may be held, not lost.
        }
        this.formToken = token;
        this.formTokenAt = token ? Date.now() : 0;
        this.form.dataset.moderatoToken = token ? 'ready' : 'missing';
      })();
      return this.tokenRequest;
    }

    clearErrors() {
      for (const [input, error] of [[this.nameInput, this.nameError],
        [this.commentInput, this.commentError]]) {
        input.removeAttribute('aria-invalid');
        error.textContent = '';
      }
      this.message.replaceChildren();
      this.message.className = 'moderato-form-message';
    }

    say(kind, ...content) {
      this.message.className = `moderato-form-message moderato-${kind}`;
      this.message.replaceChildren(el('p', {}, ...content));
    }

    async submit(acknowledge) {
      if (this.submitButton.disabled) return;
      this.clearErrors();
      this.setBusy(true);
      if (!acknowledge) {
        await this.tokenRequest;
        if (Date.now() - this.formTokenAt > FORM_TOKEN_MAX_AGE_MS) await this.fetchFormToken();
        this.lastBody = {
          name: this.nameInput.value,
          comment: this.commentInput.value,
          website: this.trap.value,
        };
        if (this.parentId) this.lastBody.parentId = this.parentId;
        if (this.formToken) this.lastBody.formToken = this.formToken;
      }
      const body = acknowledge ? { ...this.lastBody, acknowledgeWarning: true } : this.lastBody;
      let result;
      try {
        result = await call(`articles/${enc(this.articleId)}/comments`, { method: 'POST', body });
      } catch {
        this.setBusy(false);
        this.say('error', 'We could not reach the comment server. Check your connection and '
          + 'try again; your comment is still here.');
        return;
      }
      this.setBusy(false);
      if (result.status !== 422) this.fetchFormToken();
      this.handleResult(result, body);
    }

    setBusy(busy) {
      this.submitButton.disabled = busy;
      this.form.setAttribute('aria-busy', String(busy));
      this.submitButton.textContent = busy ? 'Posting…'
        : (this.parentId ? 'Post reply' : 'Post comment');
    }

    handleResult({ status, data, headers }, body) {
      const problem = data || {};
      switch (status) {
        case 201:
          this.posted(data, body);
          break;
        case 400:
          this.showFieldErrors(problem);
          break;
        case 403:
          this.say('error', 'Comments are closed on this article.');
          break;
        case 404:
          this.cancelReply(false);
          this.say('error', 'The comment you replied to is no longer available. Your text is '
            + 'still here: post it as a new comment if you like.');
          break;
        case 409:
          this.say('error', 'You already posted this comment.');
          break;
        case 413:
          this.say('error', 'Your comment is too long to send. Please shorten it.');
          break;
        case 422:
          this.showToxicityNudge(problem);
          break;
        case 429:
          this.rateLimited(retryAfterSeconds(headers.get('Retry-After')));
          break;
        default:
          this.say('error', `Something went wrong on our side (error ${status}). Your comment `
            + 'was not posted; please try again in a moment.');
      }
    }

    showFieldErrors(problem) {
      const errors = Array.isArray(problem.errors) ? problem.errors : [];
      const fields = { name: [this.nameInput, this.nameError],
        comment: [this.commentInput, this.commentError] };
      let firstInvalid = null;
      const other = [];
      for (const { field, message } of errors) {
        const target = fields[field];
        if (!target) {
          other.push(field === 'parentId'
            ? 'The comment you are replying to is not valid.' : message);
          continue;
        }
        const [input, error] = target;
        input.setAttribute('aria-invalid', 'true');
        error.textContent = error.textContent ? `${error.textContent} ${message}` : message;
        firstInvalid ??= input;
      }
      if (other.length || !firstInvalid) {
        this.say('error', other.join(' ') || problem.detail || 'Please check your comment.');
      } else {
        this.say('error', 'Please correct the marked fields.');
      }
      firstInvalid?.focus();
    }

    showToxicityNudge(problem) {
      this.message.className = 'moderato-form-message moderato-warning';
      this.message.replaceChildren(
        el('p', {}, problem.detail
          || 'Your comment may come across as hurtful. Would you like to rephrase it?'),
        el('p', { class: 'moderato-nudge-actions' },
          el('button', { type: 'button', class: 'moderato-button',
            onclick: () => {
              this.commentInput.focus();
              this.clearErrors();
            } }, 'Edit my comment'),
          el('button', { type: 'button', class: 'moderato-button moderato-secondary',
            onclick: () => this.submit(true) }, 'Post anyway')));
    }

    rateLimited(seconds) {
      this.say('error', `You are posting too quickly. ${waitPhrase(seconds)} and try again.`);
      if (!seconds) return;
      this.submitButton.disabled = true;
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => {
        this.submitButton.disabled = false;
      }, Math.min(seconds, 600) * 1000);
    }

    posted(data, body) {
      const comment = {
        id: data.id,
        parentId: body.parentId || null,
        name: body.name.trim(),
        text: body.comment.trim(),
        createdAt: new Date().toISOString(),
        replies: [],
        ...(data.comment || {}),
      };
      rememberName(comment.name);
      this.own.put({ id: comment.id, editToken: data.editToken, name: comment.name,
        text: comment.text, parentId: comment.parentId, createdAt: comment.createdAt,
        savedAt: Date.now(), status: data.status === 'published' ? 'published' : 'pending' });
      const parentId = this.parentId;
      this.cancelReply(false);
      this.commentInput.value = '';
      this.updateCount();

      let node;
      if (data.status === 'published') {
        const parent = parentId && this.items.get(parentId);
        const list = parent ? parent.querySelector(':scope > .moderato-replies') : this.list;
        node = this.addComment(comment, list, parent || this.sort !== 'newest' ? 'end' : 'start');
        this.setTotal(this.total + 1);
        this.say('success', 'Thanks! Your comment is published.');
      } else {
        node = this.showPending(this.own.get(comment.id));
        this.say('success', 'Thanks! Your comment is awaiting moderation. Only you can see it '
          + 'until a moderator approves it.');
      }
      node?.scrollIntoView({ block: 'nearest' });
    }

    // --- editing the reader's own comments ----------------------------------------------------

    startEdit(comment, body, pending) {
      const own = this.own.editable(comment.id);
      if (!own) return;
      const fieldId = this.id(`edit-${comment.id}`);
      const input = el('textarea', { id: fieldId, rows: 4 });
      input.value = comment.text;
      const note = el('p', { class: 'moderato-field-error', role: 'alert' });
      const restore = () => {
        this.fillBody(body, comment, pending);
        body.focus();
      };
      const form = el('form', { class: 'moderato-edit', onsubmit: async (e) => {
        e.preventDefault();
        const result = await call(`comments/${enc(comment.id)}`, { method: 'PATCH',
          body: { comment: input.value }, headers: { 'X-Edit-Token': own.editToken } })
          .catch(() => null);
        if (result?.status === 200) {
          const updated = { ...comment, ...(result.data?.comment || result.data || {}) };
          const nowPending = result.data?.status === 'pending' || pending;
          this.own.update(comment.id, { text: updated.text,
            status: nowPending ? 'pending' : 'published' });
          Object.assign(comment, updated);
          this.fillBody(body, comment, nowPending);
          body.closest('.moderato-comment').classList.toggle('moderato-pending', nowPending);
          body.focus();
          return;
        }
        note.textContent = this.editProblem(result);
      } },
      el('label', { for: fieldId }, 'Edit your comment'), input, note,
      el('p', { class: 'moderato-actions' },
        el('button', { type: 'submit', class: 'moderato-button' }, 'Save'),
        el('button', { type: 'button', class: 'moderato-button moderato-secondary',
          onclick: restore }, 'Cancel')));
      body.replaceChildren(form);
      input.focus();
    }

    async deleteOwn(comment, body) {
      const own = this.own.editable(comment.id);
      if (!own || !window.confirm('Delete your comment? This cannot be undone.')) return;
      const result = await call(`comments/${enc(comment.id)}`, { method: 'DELETE',
        headers: { 'X-Edit-Token': own.editToken } }).catch(() => null);
      if (result?.status === 204 || result?.status === 200) {
        this.own.remove(comment.id);
        const item = body.closest('.moderato-comment');
        const wasPublished = !item.classList.contains('moderato-pending');
        if (item.querySelector('.moderato-replies > li')) {
          this.fillBody(body, { ...comment, deleted: true }, false);
        } else {
          item.remove();
          this.items.delete(comment.id);
        }
        if (wasPublished) this.setTotal(this.total - 1);
        return;
      }
      body.append(el('p', { class: 'moderato-field-error', role: 'alert' },
        this.editProblem(result)));
    }

    editProblem(result) {
      if (!result) return 'We could not reach the comment server. Please try again.';
      switch (result.status) {
        case 403: return 'This comment can no longer be changed from this browser.';
        case 404: return 'This comment no longer exists.';
        case 409: return 'The 15-minute window for changing this comment is over.';
        case 429: return `You are going too fast. ${
          waitPhrase(retryAfterSeconds(result.headers.get('Retry-After')))} and try again.`;
        default: {
          const errors = result.data?.errors;
          if (Array.isArray(errors) && errors.length) return errors.map((e) => e.message).join(' ');
          return result.data?.detail || `Something went wrong (error ${result.status}).`;
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Start-up

  function ensureStylesheet() {
    const present = [...document.querySelectorAll('link[rel="stylesheet"]')]
      .some((link) => link.href === CSS_URL);
    if (!present) document.head.append(el('link', { rel: 'stylesheet', href: CSS_URL }));
  }

  function start() {
    const roots = document.querySelectorAll('[data-moderato-article]');
    if (!roots.length) return;
    ensureStylesheet();
    for (const root of roots) {
      const articleId = root.getAttribute('data-moderato-article').trim();
      if (!articleId || root.dataset.moderatoReady) continue;
      root.dataset.moderatoReady = 'true';
      new CommentSection(root, articleId).start();
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
