/**
 * Live moderation events over Server-Sent Events. EventSource cannot send an Authorization
 * header, so this reads the stream with fetch and parses the SSE format itself.
 */
const MIN_DELAY = 1000;
const MAX_DELAY = 30000;

/** Splits an SSE byte stream into {event, data, id} messages. */
export async function* parseSse(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = '';
  let data = [];
  let id = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    const lines = buffer.split(/\r\n|\r|\n/);
    // The last piece may be an incomplete line; keep it for the next chunk.
    buffer = lines.pop();
    for (const line of lines) {
      if (line === '') {
        if (data.length) yield { event: event || 'message', data: data.join('\n'), id };
        event = '';
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
  }
}

/**
 * Keeps a connection open until signal aborts, reconnecting with exponential backoff.
 * onState receives 'connecting' | 'live' | 'reconnecting' | 'unauthorized'; onOpen(first) runs
 * after every successful connect so the caller can catch up on what it missed.
 */
export async function followEvents({ url, token, signal, onEvent, onState, onOpen }) {
  let delay = MIN_DELAY;
  let lastId = null;
  let first = true;
  onState('connecting');
  while (!signal.aborted) {
    try {
      const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${token}` };
      if (lastId) headers['Last-Event-ID'] = lastId;
      const response = await fetch(url, { headers, signal, cache: 'no-store' });
      if (response.status === 401) {
        onState('unauthorized');
        return;
      }
      if (!response.ok || !response.body) throw new Error(`events answered ${response.status}`);
      onState('live');
      onOpen(first);
      first = false;
      delay = MIN_DELAY;
      for await (const message of parseSse(response.body)) {
        if (message.id) lastId = message.id;
        let payload = null;
        try {
          payload = JSON.parse(message.data);
        } catch {
          continue;
        }
        onEvent(message.event, payload);
      }
    } catch (error) {
      if (signal.aborted) return;
    }
    onState('reconnecting');
    await pause(delay + Math.random() * delay * 0.3, signal);
    delay = Math.min(delay * 2, MAX_DELAY);
  }
}

function pause(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
