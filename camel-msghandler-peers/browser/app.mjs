// The browser side of the chat example: nats.ws over the broker's WebSocket port, js/msghandler.mjs for the
// envelopes (jsontable is the table type here: the page has no Arrow), nats-os links through nats.ws's Object
// Store API on the same connection. The page's address carries the WebSocket URL: ?ws=ws://host:port
import { connect, headers } from 'nats.ws';
import { publish, unpack } from '../js/msghandler.mjs';

const IN = 'browser.chat.in';
const OUT = 'browser.chat.out';
const TABLE = [{ city: 'Oslo', temperature: -3.5 }, { city: 'Lisbon', temperature: 17 }];

const $ = (id) => document.getElementById(id);
const wsUrl = new URLSearchParams(location.search).get('ws') || `ws://${location.hostname}:9222`;
let connection;

function line(parent, text, className) {
  const element = document.createElement(className === 'table' ? 'table' : 'div');
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  parent.appendChild(element);
  return element;
}

function renderTable(parent, rows) {
  const table = line(parent, undefined, 'table');
  const columns = rows.length ? Object.keys(rows[0]) : [];
  const head = table.insertRow();
  for (const column of columns) {
    const th = document.createElement('th');
    th.textContent = column;
    head.appendChild(th);
  }
  for (const row of rows) {
    const tr = table.insertRow();
    for (const column of columns) tr.insertCell().textContent = String(row[column]);
  }
}

function show(payload) {
  const entry = line($('inbox'), undefined, 'received');
  entry.dataset.dataname = payload.dataname;
  entry.dataset.type = payload.type;
  entry.dataset.transport = payload.transport;
  entry.dataset.sha256 = payload.sha256;
  line(entry, `${payload.dataname} (${payload.type}, ${payload.transport}, ${payload.size} bytes)`, 'meta');
  if (payload.type === 'text') {
    line(entry, payload.value, 'text');
  } else if (payload.type === 'jsontable' || payload.type === 'dictionary') {
    if (Array.isArray(payload.value)) renderTable(entry, payload.value); else line(entry, JSON.stringify(payload.value));
  } else if (payload.type === 'image') {
    const img = document.createElement('img');
    img.className = 'image';
    img.src = URL.createObjectURL(new Blob([payload.bytes], { type: payload.metadata.content_type || 'image/png' }));
    entry.appendChild(img);
  } else {
    line(entry, `sha256 ${payload.sha256}`, 'file');
  }
}

async function send(payloads) {
  const envelope = await publish(connection, headers, IN, payloads, {
    store: 'objectstore', bucket: 'msghandler', brokerUrl: wsUrl,
    header: { sender_name: 'browser-page', reply_to: OUT },
  });
  for (const p of envelope.payloads) {
    line($('outbox'), `${p.dataname} (${p.payload_type}, ${p.transport}, ${p.size} bytes)`, 'sent');
  }
}

async function fileBytes(input) {
  const file = input.files[0];
  if (!file) throw new Error('choose a file first');
  return { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function guarded(action) {
  return async () => {
    try {
      await action();
    } catch (e) {
      line($('outbox'), `error: ${e.message}`, 'error');
    }
  };
}

async function main() {
  connection = await connect({ servers: wsUrl, name: 'msghandler-browser-page' });
  const subscription = connection.subscribe(OUT);
  (async () => {
    for await (const message of subscription) {
      try {
        const { payloads } = await unpack(message.data, { connection });
        payloads.forEach(show);
      } catch (e) {
        line($('inbox'), `error: ${e.message}`, 'error');
      }
    }
  })();
  await connection.flush();
  $('status').textContent = `connected to ${wsUrl}`;
  $('status').className = 'connected';

  $('send-text').onclick = guarded(() => send([{ dataname: 'message_text', type: 'text', value: $('text').value }]));
  $('send-table').onclick = guarded(() => send([{ dataname: 'readings', type: 'jsontable', value: TABLE }]));
  $('send-image').onclick = guarded(async () => {
    const image = await fileBytes($('image'));
    await send([{ dataname: image.name, type: 'image', value: image.bytes,
      metadata: { content_type: image.type || 'image/png', filename: image.name } }]);
  });
  $('send-file').onclick = guarded(async () => {
    const file = await fileBytes($('file'));
    await send([{ dataname: file.name, type: 'binary', value: file.bytes, metadata: { filename: file.name } }]);
  });
}

main().catch((e) => {
  $('status').textContent = `cannot connect to ${wsUrl}: ${e.message}`;
});
