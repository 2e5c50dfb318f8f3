import { el, timeEl, announce, plural } from './dom.js';
import { reasonRows } from './reasons.js';

/** What each action does, as shown on buttons and in messages. */
export const ACTIONS = {
  approve: { label: 'Approve', key: 'A', done: 'Approved', status: 'published' },
  reject: { label: 'Reject', key: 'R', done: 'Rejected', status: 'rejected' },
  spam: { label: 'Spam', key: 'S', done: 'Marked as spam', status: 'spam' },
};

/** The action that puts a comment back into the status it had before a decision. */
const RESTORE = { pending: 'requeue', published: 'approve', rejected: 'reject', spam: 'spam' };

const risk = (q) => q.risk ?? Math.max(q.spam?.score ?? 0, q.toxicity?.score ?? 0);

/**
 * The moderation queue: filters, the list of comments, single and bulk decisions with undo, and
 * the live updates. Holds the Q objects it shows, keyed by id.
 */
export class QueueView {
  constructor({ api, toast, moderator, signal }) {
    this.api = api;
    this.toast = toast;
    this.moderator = moderator;
    this.items = new Map();
    this.cursor = null;
    this.loading = null;
    this.list = document.getElementById('queue');
    this.more = document.getElementById('queue-more');
    this.empty = document.getElementById('queue-empty');
    this.status = document.getElementById('queue-status');
    this.count = document.getElementById('queue-count');
    this.filterStatus = document.getElementById('filter-status');
    this.filterArticle = document.getElementById('filter-article');
    this.filterSort = document.getElementById('filter-sort');
    this.selectAll = document.getElementById('select-all');
    this.selectedCount = document.getElementById('selected-count');
    this.bulkButtons = [...document.querySelectorAll('[data-bulk]')];

    // Listeners on the page's static controls end with the session (signal), so signing in
    // again does not add a second set acting with the old token.
    const options = { signal };
    document.getElementById('filters').addEventListener('submit', (e) => {
      e.preventDefault();
      this.reload();
    }, options);
    this.filterStatus.addEventListener('change', () => this.reload(), options);
    this.filterSort.addEventListener('change', () => this.reload(), options);
    this.more.addEventListener('click', () => this.loadPage(), options);
    this.selectAll.addEventListener('change', () => this.toggleAll(this.selectAll.checked),
      options);
    for (const button of this.bulkButtons) {
      button.addEventListener('click', () => this.decideSelected(button.dataset.bulk), options);
    }
  }

  filters() {
    return {
      status: this.filterStatus.value,
      articleId: this.filterArticle.value.trim(),
      sort: this.filterSort.value,
    };
  }

  matches(q) {
    const { status, articleId } = this.filters();
    return q.status === status && (!articleId || q.articleId === articleId);
  }

  // --- loading --------------------------------------------------------------------------------

  async reload() {
    this.cursor = null;
    this.items.clear();
    this.list.replaceChildren();
    this.updateSelection();
    await this.loadPage();
  }

  async loadPage() {
    if (this.loading) return this.loading;
    this.loading = this.fetchPage().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  async fetchPage() {
    this.more.disabled = true;
    this.list.setAttribute('aria-busy', 'true');
    this.status.textContent = 'Loading…';
    try {
      const page = await this.api.queue({ ...this.filters(), cursor: this.cursor });
      for (const q of page.items || []) {
        if (!this.items.has(q.id)) this.list.append(this.track(q));
      }
      this.cursor = page.nextCursor || null;
      this.status.textContent = '';
    } catch (error) {
      this.status.textContent = `The queue could not be loaded: ${error.message}`;
    } finally {
      this.list.removeAttribute('aria-busy');
      this.more.disabled = false;
      this.refreshChrome();
    }
  }

  /** After a reconnect: adds what arrived meanwhile, drops what others decided. */
  async catchUp() {
    try {
      const page = await this.api.queue({ ...this.filters(), cursor: null });
      const fresh = new Map((page.items || []).map((q) => [q.id, q]));
      for (const q of fresh.values()) {
        if (!this.items.has(q.id)) this.insertSorted(q, true);
      }
      const firstPageIds = [...this.items.keys()].slice(0, (page.items || []).length);
      for (const id of firstPageIds) {
        if (!fresh.has(id) && !page.nextCursor) this.removeItem(id);
      }
    } catch {
      // The next reconnect or a manual reload will try again.
    }
  }

  refreshChrome() {
    this.more.hidden = !this.cursor;
    const n = this.items.size;
    this.empty.hidden = n > 0 || this.list.getAttribute('aria-busy') === 'true';
    this.count.textContent = n ? `${plural(n, 'comment', 'comments')} shown` : '';
    this.updateSelection();
  }

  // --- rendering ------------------------------------------------------------------------------

  track(q) {
    const node = this.render(q);
    this.items.set(q.id, { q, node });
    return node;
  }

  render(q) {
    const id = `item-${q.id}`;
    const checkbox = el('input', { type: 'checkbox', id: `${id}-select`, class: 'item-check',
      onchange: () => this.updateSelection() });
    const actions = Object.entries(ACTIONS).map(([action, info]) => el('button', {
      type: 'button', class: `button action-${action}`, 'data-action': action,
      'aria-keyshortcuts': info.key.toLowerCase(),
      disabled: q.status === info.status,
      onclick: () => this.decide(q.id, action),
    }, info.label, ' ', el('kbd', { 'aria-hidden': 'true' }, info.key)));

    return el('li', { class: 'item', id, 'data-id': q.id, tabindex: '-1',
      'aria-labelledby': `${id}-title` },
    el('div', { class: 'item-select' }, checkbox,
      el('label', { for: `${id}-select`, class: 'visually-hidden' },
        `Select the comment by ${q.name}`)),
    el('div', { class: 'item-main' },
      el('h3', { class: 'item-title', id: `${id}-title` },
        el('span', { class: 'item-name' }, q.name),
        el('span', { class: 'item-meta' }, ' on ', el('span', { class: 'item-article' },
          q.articleId), ' · ', timeEl(q.createdAt), ' · ',
        el('span', { class: `badge badge-${q.status}` }, q.status))),
      this.parentBlock(q),
      el('p', { class: 'item-text' }, q.text),
      el('div', { class: 'item-scores' },
        this.score('Spam', q.spam), this.score('Toxicity', q.toxicity)),
      el('div', { class: 'item-actions' }, actions),
      el('p', { class: 'item-error', role: 'alert' })));
  }

  parentBlock(q) {
    if (q.parent) {
      return el('div', { class: 'item-parent' },
        el('p', { class: 'item-parent-label' }, 'In reply to ',
          el('strong', {}, q.parent.name || 'a deleted comment'), ':'),
        el('p', { class: 'item-parent-text' }, q.parent.text || ''));
    }
    if (q.parentId) {
      return el('div', { class: 'item-parent' },
        el('p', { class: 'item-parent-label' }, 'In reply to another comment.'));
    }
    return null;
  }

  score(label, score) {
    const value = typeof score?.score === 'number' ? score.score : 0;
    const level = value >= 0.7 ? 'high' : value >= 0.4 ? 'medium' : 'low';
    const rows = reasonRows(score);
    return el('div', { class: `score score-${level}` },
      el('p', { class: 'score-head' },
        el('span', { class: 'score-label' }, label), ' ',
        el('meter', { min: '0', max: '1', low: '0.4', high: '0.7', optimum: '0',
          value: String(value), 'aria-label': `${label} score` }),
        ' ', el('span', { class: 'score-value' }, value.toFixed(2))),
      rows.length ? el('ul', { class: 'reasons' }, rows.map((r) => el('li', {},
        r.text,
        r.detail ? el('span', { class: 'reason-detail' }, ` (${r.detail})`) : null,
        r.contribution != null
          ? el('span', { class: 'reason-weight' }, ` +${r.contribution.toFixed(2)}`) : null)))
        : el('p', { class: 'reasons-none' }, 'No reasons recorded.'));
  }

  insertSorted(q, live) {
    if (this.items.has(q.id)) return;
    const node = this.track(q);
    const { sort } = this.filters();
    let before = null;
    if (sort === 'newest') {
      before = this.list.firstElementChild;
    } else if (sort === 'risk') {
      before = [...this.items.values()].find((e) => e.node !== node && e.node.isConnected
        && risk(e.q) < risk(q))?.node || null;
    }
    this.list.insertBefore(node, before);
    if (live) {
      node.classList.add('item-new');
      setTimeout(() => node.classList.remove('item-new'), 4000);
    }
    this.refreshChrome();
  }

  /** Removes an item, keeps keyboard focus in the list, and returns where it was. */
  removeItem(id) {
    const entry = this.items.get(id);
    if (!entry) return -1;
    const index = [...this.list.children].indexOf(entry.node);
    const hadFocus = entry.node.contains(document.activeElement);
    const next = entry.node.nextElementSibling || entry.node.previousElementSibling;
    entry.node.remove();
    this.items.delete(id);
    if (hadFocus) (next || this.list).focus?.();
    this.refreshChrome();
    return index;
  }

  // --- selection ------------------------------------------------------------------------------

  selectedIds() {
    return [...this.items.values()]
      .filter((e) => e.node.querySelector('.item-check').checked)
      .map((e) => e.q.id);
  }

  toggleAll(checked) {
    for (const { node } of this.items.values()) node.querySelector('.item-check').checked = checked;
    this.updateSelection();
  }

  updateSelection() {
    const n = this.selectedIds().length;
    const total = this.items.size;
    this.selectedCount.textContent = `${n} selected`;
    this.selectAll.checked = total > 0 && n === total;
    this.selectAll.indeterminate = n > 0 && n < total;
    for (const button of this.bulkButtons) button.disabled = n === 0;
    for (const { node } of this.items.values()) {
      node.classList.toggle('item-selected', node.querySelector('.item-check').checked);
    }
  }

  // --- decisions ------------------------------------------------------------------------------

  async decide(id, action) {
    const entry = this.items.get(id);
    if (!entry || entry.busy) return;
    entry.busy = true;
    const error = entry.node.querySelector('.item-error');
    error.textContent = '';
    for (const b of entry.node.querySelectorAll('[data-action]')) b.disabled = true;
    try {
      await this.api.decide(id, action, entry.q.version);
      const index = this.removeItem(id);
      this.offerUndo([{ q: entry.q, index }], action);
    } catch (e) {
      entry.busy = false;
      if (e.status === 409 || e.status === 404) {
        this.removeItem(id);
        const message = e.status === 409
          ? `${entry.q.name}'s comment was already decided by another moderator.`
          : `${entry.q.name}'s comment no longer exists.`;
        this.toast.show(message);
        announce(message);
        return;
      }
      error.textContent = `Could not ${ACTIONS[action].label.toLowerCase()}: ${e.message}`;
      for (const b of entry.node.querySelectorAll('[data-action]')) {
        b.disabled = entry.q.status === ACTIONS[b.dataset.action].status;
      }
    }
  }

  async decideSelected(action) {
    const ids = this.selectedIds();
    if (!ids.length) return;
    const before = new Map(ids.map((id) => [id, this.items.get(id)]));
    for (const button of this.bulkButtons) button.disabled = true;
    let results;
    try {
      results = (await this.api.decideMany(ids, action)).results || [];
    } catch (e) {
      this.toast.show(`The bulk action failed: ${e.message}`);
      this.updateSelection();
      return;
    }
    const undo = [];
    let failed = 0;
    for (const result of results) {
      const entry = before.get(result.id);
      if (!entry) continue;
      if (result.status === 200) {
        undo.push({ q: entry.q, index: this.removeItem(result.id) });
      } else {
        failed += 1;
        entry.node.querySelector('.item-error').textContent = result.status === 409
          ? 'Already decided by another moderator.'
          : result.title || `Not changed (${result.status}).`;
      }
    }
    this.updateSelection();
    this.offerUndo(undo, action, failed);
  }

  offerUndo(undone, action, failed = 0) {
    if (!undone.length) {
      if (failed) this.toast.show(`${plural(failed, 'comment', 'comments')} could not be changed.`);
      return;
    }
    let message = undone.length === 1
      ? `${ACTIONS[action].done} ${undone[0].q.name}'s comment.`
      : `${ACTIONS[action].done} ${plural(undone.length, 'comment', 'comments')}.`;
    if (failed) message += ` ${plural(failed, 'comment', 'comments')} could not be changed.`;
    announce(message);
    this.toast.show(message, { actionLabel: 'Undo', onAction: () => this.undo(undone) });
  }

  /** Puts decided comments back the way they were, grouped by their previous status. */
  async undo(undone) {
    const byAction = new Map();
    for (const item of undone) {
      const action = RESTORE[item.q.status] || 'requeue';
      byAction.set(action, [...(byAction.get(action) || []), item]);
    }
    let restored = 0;
    let failed = 0;
    for (const [action, group] of byAction) {
      let results = [];
      try {
        results = (await this.api.decideMany(group.map((i) => i.q.id), action)).results || [];
      } catch {
        failed += group.length;
        continue;
      }
      const origin = new Map(group.map((i) => [i.q.id, i]));
      // Reinsert from the lowest index up so each lands where it was.
      const back = results.filter((r) => r.status === 200)
        .map((r) => ({ q: r.item || origin.get(r.id).q, index: origin.get(r.id)?.index ?? -1 }))
        .sort((a, b) => a.index - b.index);
      failed += results.length - back.length;
      for (const { q, index } of back) {
        restored += 1;
        if (!this.matches(q) || this.items.has(q.id)) continue;
        const node = this.track(q);
        this.list.insertBefore(node, index >= 0 ? this.list.children[index] || null : null);
      }
    }
    this.refreshChrome();
    const message = failed
      ? `Undone for ${plural(restored, 'comment', 'comments')}; ${failed} could not be restored.`
      : `Undone: ${plural(restored, 'comment', 'comments')} restored.`;
    this.toast.show(message, { timeout: 4000 });
    announce(message);
  }

  // --- live events ----------------------------------------------------------------------------

  onHeld(q) {
    if (!q?.id || !this.matches(q)) return;
    if (this.items.has(q.id)) {
      this.items.get(q.id).q = q;
      return;
    }
    this.insertSorted(q, true);
    announce(`New comment from ${q.name} is waiting for review.`);
    if (q.parentId && q.parent === undefined) this.completeParent(q);
  }

  /**
   * A live event may carry only the parent's id; the queue listing has the parent itself, so
   * look the item up there and redraw it with the text it replies to.
   */
  async completeParent(q) {
    let full;
    try {
      const page = await this.api.queue({ status: q.status, articleId: q.articleId,
        sort: 'newest', limit: 50 });
      full = (page.items || []).find((item) => item.id === q.id);
    } catch {
      return;
    }
    const entry = this.items.get(q.id);
    if (!full || !entry || entry.busy) return;
    const checked = entry.node.querySelector('.item-check').checked;
    const hadFocus = entry.node.contains(document.activeElement);
    const node = this.render(full);
    node.className = entry.node.className;
    node.querySelector('.item-check').checked = checked;
    entry.node.replaceWith(node);
    this.items.set(q.id, { q: full, node });
    if (hadFocus) node.focus();
  }

  onDecided(event) {
    const entry = this.items.get(event?.id);
    if (!entry) {
      if (event?.status === this.filters().status) this.catchUp();
      return;
    }
    if (event.status === entry.q.status) {
      entry.q.version = event.version ?? entry.q.version;
      return;
    }
    this.removeItem(event.id);
    if (event.moderator && event.moderator !== this.moderator.name
      && event.moderator !== this.moderator.id) {
      announce(`${entry.q.name}'s comment was decided by ${event.moderator}.`);
    }
  }

  // --- keyboard -------------------------------------------------------------------------------

  current() {
    return document.activeElement?.closest?.('.item') || null;
  }

  move(step) {
    const nodes = [...this.list.children];
    if (!nodes.length) return;
    const at = nodes.indexOf(this.current());
    const next = at < 0 ? nodes[step > 0 ? 0 : nodes.length - 1]
      : nodes[Math.min(nodes.length - 1, Math.max(0, at + step))];
    next.focus();
    next.scrollIntoView({ block: 'nearest' });
  }

  /** Handles a shortcut key; returns true when it was one. */
  handleKey(event) {
    const key = event.key;
    const item = this.current();
    if (key === 'j' || key === 'ArrowDown') {
      this.move(1);
      return true;
    }
    if (key === 'k' || key === 'ArrowUp') {
      this.move(-1);
      return true;
    }
    if (key === 'x' && item) {
      const box = item.querySelector('.item-check');
      box.checked = !box.checked;
      this.updateSelection();
      return true;
    }
    const action = { a: 'approve', r: 'reject', s: 'spam' }[key.toLowerCase()];
    if (!action) return false;
    if (event.shiftKey) {
      this.decideSelected(action);
      return true;
    }
    if (item) {
      this.decide(item.dataset.id, action);
      return true;
    }
    return false;
  }
}
