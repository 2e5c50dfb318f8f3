import { el, timeEl } from './dom.js';

const ACTION_WORDS = {
  approve: 'Approved',
  reject: 'Rejected',
  spam: 'Marked as spam',
  requeue: 'Back to queue',
};

/** The audit log: every decision, newest first, paged with a cursor. */
export class LogView {
  constructor({ api, signal }) {
    this.api = api;
    this.cursor = null;
    this.body = document.getElementById('log-rows');
    this.more = document.getElementById('log-more');
    this.status = document.getElementById('log-status');
    this.more.addEventListener('click', () => this.loadPage(), { signal });
  }

  async reload() {
    this.cursor = null;
    this.body.replaceChildren();
    await this.loadPage();
  }

  async loadPage() {
    this.more.disabled = true;
    this.status.textContent = 'Loading…';
    try {
      const page = await this.api.log({ cursor: this.cursor });
      for (const entry of page.items || []) this.body.append(this.row(entry));
      this.cursor = page.nextCursor || null;
      this.status.textContent = this.body.childElementCount ? '' : 'No decisions yet.';
    } catch (error) {
      this.status.textContent = `The audit log could not be loaded: ${error.message}`;
    } finally {
      this.more.disabled = false;
      this.more.hidden = !this.cursor;
    }
  }

  row(entry) {
    return el('tr', {},
      el('td', {}, timeEl(entry.at)),
      el('td', {}, entry.moderator ?? ''),
      el('td', {}, ACTION_WORDS[entry.action] ?? entry.action ?? ''),
      el('td', {}, el('code', {}, entry.commentId ?? '')),
      el('td', {}, entry.articleId ?? ''),
      el('td', {}, `${entry.from ?? '?'} → ${entry.to ?? '?'}`),
      el('td', {}, entry.reason ?? ''));
  }
}
