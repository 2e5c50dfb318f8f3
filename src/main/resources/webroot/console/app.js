import { ModerationApi } from './api.js';
import { followEvents } from './events.js';
import { QueueView } from './queue.js';
import { LogView } from './log.js';
import { Toast } from './toast.js';
import { announce } from './dom.js';

/*
 * The moderator console: sign-in with a bearer token kept in session storage (this tab only),
 * then the queue with live updates, and the audit log.
 */
const TOKEN_KEY = 'moderato:moderator-token';
const SESSION_ENDED = 'Your session has ended. Please sign in again.';
const $ = (id) => document.getElementById(id);

const state = { api: null, queue: null, log: null, session: null };
const toast = new Toast($('toast'));

function storedToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function storeToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Without session storage the moderator signs in again after a reload.
  }
}

async function signIn(token, { quiet = false } = {}) {
  const error = $('sign-in-error');
  error.textContent = '';
  const api = new ModerationApi(token, () => signOut(SESSION_ENDED));
  let me;
  try {
    me = await api.me();
  } catch (e) {
    storeToken(null);
    if (!quiet) {
      error.textContent = e.status === 401
        ? 'That token was not accepted. Check it and try again.'
        : 'The server could not be reached. Try again in a moment.';
      $('token').setAttribute('aria-invalid', 'true');
      $('token').focus();
    }
    return;
  }
  storeToken(token);
  $('token').value = '';
  $('token').removeAttribute('aria-invalid');
  state.session?.abort();
  state.session = new AbortController();
  const { signal } = state.session;
  state.api = api;
  state.queue = new QueueView({ api, toast, moderator: me, signal });
  state.log = new LogView({ api, signal });
  $('moderator-name').textContent = me.name || me.id || 'moderator';
  $('sign-in').hidden = true;
  $('account').hidden = false;
  $('console').hidden = false;
  showView('queue');
  await state.queue.reload();
  connectEvents(token);
  $('queue-heading').focus();
}

function signOut(message) {
  state.session?.abort();
  state.session = null;
  state.api = null;
  state.queue = null;
  state.log = null;
  storeToken(null);
  toast.hide();
  $('queue').replaceChildren();
  $('log-rows').replaceChildren();
  $('console').hidden = true;
  $('account').hidden = true;
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = message || '';
  $('token').focus();
}

function connectEvents(token) {
  const { signal } = state.session;
  const live = $('live-status');
  const words = {
    connecting: 'Connecting to live updates…',
    live: 'Live: new comments appear automatically.',
    reconnecting: 'Live updates interrupted, reconnecting…',
  };
  followEvents({
    url: state.api.eventsUrl(),
    token,
    signal,
    onState: (s) => {
      if (s === 'unauthorized') {
        signOut(SESSION_ENDED);
        return;
      }
      live.textContent = words[s];
      live.dataset.state = s;
    },
    onOpen: (first) => {
      if (!first) state.queue?.catchUp();
    },
    onEvent: (type, data) => {
      if (type === 'held') state.queue?.onHeld(data);
      else if (type === 'decided') state.queue?.onDecided(data);
    },
  });
}

function showView(name) {
  for (const view of ['queue', 'log']) {
    $(`${view}-view`).hidden = view !== name;
    $(`tab-${view}`).setAttribute('aria-current', view === name ? 'page' : 'false');
  }
  if (name === 'log') state.log?.reload();
}

function typingTarget(target) {
  if (target.isContentEditable) return true;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target.tagName === 'INPUT' && target.type !== 'checkbox';
}

function onKey(event) {
  if (event.ctrlKey || event.metaKey || event.altKey || !state.queue) return;
  if (typingTarget(event.target)) return;
  if (event.key === '?') {
    const help = $('shortcuts');
    help.open = !help.open;
    if (help.open) help.querySelector('summary').focus();
    event.preventDefault();
    return;
  }
  if (event.key === 'u') {
    if (toast.runAction()) event.preventDefault();
    return;
  }
  if ($('queue-view').hidden) return;
  if (event.key === '/') {
    $('filter-article').focus();
    event.preventDefault();
    return;
  }
  if (state.queue.handleKey(event)) event.preventDefault();
}

$('sign-in-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const token = $('token').value.trim();
  if (!token) {
    $('sign-in-error').textContent = 'Enter your moderator token.';
    $('token').setAttribute('aria-invalid', 'true');
    $('token').focus();
    return;
  }
  signIn(token);
});
$('sign-out').addEventListener('click', () => {
  signOut('You are signed out.');
  announce('Signed out.');
});
$('tab-queue').addEventListener('click', () => showView('queue'));
$('tab-log').addEventListener('click', () => showView('log'));
$('log-refresh').addEventListener('click', () => state.log?.reload());
document.addEventListener('keydown', onKey);

const saved = storedToken();
if (saved) signIn(saved, { quiet: true });
else $('token').focus();
