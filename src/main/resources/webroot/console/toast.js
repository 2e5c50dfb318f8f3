import { el } from './dom.js';

/**
 * One message at a time at the bottom of the screen, optionally with an action (Undo). It stays
 * while keyboard focus or the pointer is inside it, so nobody has to race the timer.
 */
export class Toast {
  constructor(node) {
    this.node = node;
    this.timer = null;
    this.action = null;
    node.addEventListener('focusin', () => this.hold());
    node.addEventListener('focusout', () => this.release());
    node.addEventListener('mouseenter', () => this.hold());
    node.addEventListener('mouseleave', () => this.release());
  }

  show(message, { actionLabel, onAction, timeout = 8000 } = {}) {
    this.action = onAction || null;
    this.timeout = timeout;
    const parts = [el('span', { class: 'toast-text' }, message)];
    if (onAction) {
      parts.push(el('button', { type: 'button', class: 'button button-small',
        onclick: () => this.runAction() }, actionLabel || 'Undo'));
    }
    parts.push(el('button', { type: 'button', class: 'toast-close', 'aria-label': 'Dismiss',
      onclick: () => this.hide() }, '×'));
    this.node.replaceChildren(...parts);
    this.node.hidden = false;
    this.release();
  }

  /** Runs the offered action, if one is still on screen; used by the U shortcut too. */
  runAction() {
    const action = this.action;
    if (!action) return false;
    this.hide();
    action();
    return true;
  }

  hide() {
    clearTimeout(this.timer);
    this.action = null;
    this.node.hidden = true;
    this.node.replaceChildren();
  }

  hold() {
    clearTimeout(this.timer);
  }

  release() {
    clearTimeout(this.timer);
    if (!this.node.hidden && !this.node.contains(document.activeElement)) {
      this.timer = setTimeout(() => this.hide(), this.timeout);
    }
  }
}
