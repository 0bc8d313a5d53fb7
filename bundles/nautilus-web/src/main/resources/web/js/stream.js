// The WebSocket /api/v1/stream: one connection for the page, topics subscribed by the views. Reconnects with a
// bounded back-off and resumes every topic from the last sequence number it saw (the server's replay buffer), so
// execution reports and alerts are not lost when the server closed a slow client (code 4008). Data frames are
// {"topic","seq","data"}; control frames carry "op": subscribed (the topic's current seq), unsubscribed, gap (the
// missed updates are older than the replay buffer: callbacks get null data and read the state again) and error.

const handlers = new Map();   // topic -> Set of callbacks
const lastSeq = new Map();    // topic -> last seq seen
const listeners = new Set();  // connection state callbacks
let socket = null;
let retry = 0;
let state = 'connecting';

function url() {
  return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/api/v1/stream';
}

function send(message) {
  if (socket && socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify(message));
  }
}

function subscribeMessage(topic) {
  const message = { op: 'subscribe', topic };
  if (lastSeq.has(topic)) {
    message.from = lastSeq.get(topic);
  }
  return message;
}

function setState(next, reason) {
  state = next;
  listeners.forEach((listener) => listener(next, reason));
}

function connect() {
  socket = new WebSocket(url());
  socket.addEventListener('open', () => {
    retry = 0;
    setState('live');
    handlers.forEach((_, topic) => send(subscribeMessage(topic)));
  });
  socket.addEventListener('message', (event) => {
    let message;
    try {
      message = JSON.parse(event.data);
    } catch {
      return;
    }
    if (!message || typeof message !== 'object') {
      return;
    }
    if (message.op === 'error') {
      console.warn('stream:', message.detail);
      return;
    }
    if (!message.topic) {
      return;
    }
    if (typeof message.seq === 'number') {
      lastSeq.set(message.topic, message.seq);
    }
    const callbacks = handlers.get(message.topic);
    if (!callbacks || message.op === 'subscribed' || message.op === 'unsubscribed') {
      return;
    }
    // a gap (updates older than the replay buffer were missed) calls back without data: read the state again
    const data = message.op === 'gap' ? null : message.data;
    callbacks.forEach((callback) => callback(data, message));
  });
  socket.addEventListener('close', (event) => {
    socket = null;
    if (event.code === 1008 || event.code === 4401) {
      setState('closed', event.reason || 'not signed in');
      return;
    }
    setState('reconnecting', event.reason || `closed (${event.code})`);
    retry = Math.min(retry + 1, 6);
    setTimeout(connect, 250 * 2 ** retry);
  });
}

/**
 * Calls back on every update of a topic.
 * @param {string} topic executions, positions, pnl, quotes:<instrument>, bars:<instrument>, alerts or backtests
 * @param {(data: any, message: {topic: string, seq: number}) => void} callback
 * @returns {() => void} what unsubscribes this callback
 */
export function subscribe(topic, callback) {
  if (!socket && state !== 'closed') {
    connect();
  }
  let callbacks = handlers.get(topic);
  if (!callbacks) {
    callbacks = new Set();
    handlers.set(topic, callbacks);
    send(subscribeMessage(topic));
  }
  callbacks.add(callback);
  return () => {
    callbacks.delete(callback);
    if (callbacks.size === 0) {
      handlers.delete(topic);
      lastSeq.delete(topic);
      send({ op: 'unsubscribe', topic });
    }
  };
}

/** Calls back when the connection goes live, reconnects or is closed for good (with the server's reason). */
export function onState(listener) {
  listeners.add(listener);
  listener(state);
}
