// msghandler wire format v1 (docs/wire-format.md) in JavaScript, for Node.js (the `nats` client) and browsers
// (`nats.ws`): both clients share one API, so this module takes a connection and never imports either.
// It is a peer written from the contract, independent of the Java code it is tested against.

export const PAYLOAD_TYPES = ['text', 'dictionary', 'arrowtable', 'jsontable', 'image', 'audio', 'video', 'binary'];
export const DEFAULT_SIZE_THRESHOLD = 500000;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function uuid() {
  return globalThis.crypto.randomUUID();
}

export async function sha256Hex(bytes) {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

function toBase64(bytes) {
  if (typeof Buffer !== 'undefined') {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  }
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text) {
  if (typeof Buffer !== 'undefined') {
    const buffer = Buffer.from(text, 'base64');
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}

/** The payload bytes of a value (section 4). `arrow` is the apache-arrow module, needed for arrowtable only. */
export function encodeValue(type, value, arrow) {
  switch (type) {
    case 'text':
      return encoder.encode(value);
    case 'dictionary':
    case 'jsontable':
      return encoder.encode(JSON.stringify(value));
    case 'arrowtable':
      if (!arrow) {
        throw new Error('arrowtable needs the apache-arrow module; send the table as jsontable instead');
      }
      return arrow.tableToIPC(arrow.tableFromJSON(value), 'stream');
    case 'image':
    case 'audio':
    case 'video':
    case 'binary':
      return value instanceof Uint8Array ? value : new Uint8Array(value);
    default:
      throw new Error(`unknown payload_type '${type}'`);
  }
}

/** A value from payload bytes: string, object or list, table rows, or the bytes themselves. */
export function decodeValue(type, bytes, arrow) {
  switch (type) {
    case 'text':
      return decoder.decode(bytes);
    case 'dictionary':
    case 'jsontable':
      return JSON.parse(decoder.decode(bytes));
    case 'arrowtable': {
      if (!arrow) {
        throw new Error('arrowtable needs the apache-arrow module');
      }
      const table = arrow.tableFromIPC(bytes);
      return table.toArray().map((row) => {
        const plain = {};
        for (const field of table.schema.fields) {
          const cell = row[field.name];
          plain[field.name] = typeof cell === 'bigint' ? Number(cell) : cell;
        }
        return plain;
      });
    }
    default:
      return bytes;
  }
}

async function upload(store, id, dataname, bytes, options) {
  if (store === 'objectstore') {
    const bucket = options.bucket ?? 'msghandler';
    const os = await options.connection.jetstream().views.os(bucket);
    const name = `${id}/${dataname}`;
    await os.putBlob({ name }, bytes);
    return `nats-os://${bucket}/${encodeURIComponent(name)}`;
  }
  if (store === 'http') {
    const url = `${options.fileserverUrl.replace(/\/$/, '')}/${encodeURIComponent(id)}/${encodeURIComponent(dataname)}`;
    const answer = await fetch(url, { method: 'PUT', body: bytes });
    if (!answer.ok) {
      throw new Error(`upload of '${dataname}' to ${url} answered ${answer.status}`);
    }
    return url;
  }
  throw new Error(`a payload of ${bytes.length} bytes needs a store for its link, and the store is '${store}'`);
}

/**
 * The envelope of `payloads` ([{dataname, type, value}]) for `subject`. Options: connection, sizeThreshold,
 * store ('objectstore', 'http' with fileserverUrl, or 'direct': every payload direct, as MicroPython peers do),
 * bucket, brokerUrl, arrow, and any envelope field under `header`.
 */
export async function pack(subject, payloads, options = {}) {
  const threshold = options.sizeThreshold ?? DEFAULT_SIZE_THRESHOLD;
  const store = options.store ?? 'objectstore';
  const wirePayloads = [];
  for (const payload of payloads) {
    const bytes = encodeValue(payload.type, payload.value, options.arrow);
    const id = uuid();
    const direct = store === 'direct' || bytes.length < threshold;
    wirePayloads.push({
      id,
      dataname: payload.dataname,
      payload_type: payload.type,
      transport: direct ? 'direct' : 'link',
      encoding: direct ? 'base64' : 'none',
      size: bytes.length,
      data: direct ? toBase64(bytes) : await upload(store, id, payload.dataname, bytes, options),
      metadata: { sha256: await sha256Hex(bytes), ...(payload.metadata ?? {}) },
    });
  }
  const header = options.header ?? {};
  return {
    correlation_id: header.correlation_id || uuid(),
    msg_id: uuid(),
    timestamp: new Date().toISOString(),
    send_to: subject,
    msg_purpose: header.msg_purpose || 'chat',
    sender_name: header.sender_name || 'msghandler',
    sender_id: header.sender_id || uuid(),
    receiver_name: header.receiver_name ?? '',
    receiver_id: header.receiver_id ?? '',
    reply_to: header.reply_to ?? '',
    reply_to_msg_id: header.reply_to_msg_id ?? '',
    broker_url: options.brokerUrl ?? '',
    metadata: header.metadata ?? {},
    payloads: wirePayloads,
  };
}

/** Packs and publishes, with Nats-Msg-Id; `headers` is the client's own headers() factory. */
export async function publish(connection, headers, subject, payloads, options = {}) {
  const envelope = await pack(subject, payloads, { ...options, connection });
  const h = headers();
  h.set('Nats-Msg-Id', envelope.msg_id);
  connection.publish(subject, encoder.encode(JSON.stringify(envelope)), { headers: h });
  return envelope;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function fetchHttp(url, options) {
  const attempts = options.maxRetries ?? 5;
  let last;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) {
      await sleep(Math.min((options.baseDelay ?? 100) * 2 ** (attempt - 2), options.maxDelay ?? 5000));
    }
    try {
      const answer = await fetch(url);
      if (answer.ok) {
        return new Uint8Array(await answer.arrayBuffer());
      }
      last = `HTTP ${answer.status}`;
      if (answer.status >= 400 && answer.status < 500 && answer.status !== 408 && answer.status !== 429) {
        break;
      }
    } catch (e) {
      last = String(e);
    }
  }
  throw new Error(`cannot fetch ${url} after ${attempts} attempts: ${last}`);
}

async function fetchLink(url, options) {
  const scheme = url.slice(0, url.indexOf(':'));
  const schemes = options.schemes ?? ['http', 'https', 'nats-os'];
  if (!schemes.includes(scheme)) {
    throw new Error(`unsupported link scheme '${scheme}' in ${url}`);
  }
  if (scheme === 'nats-os') {
    const parsed = new URL(url);
    const name = decodeURIComponent(parsed.pathname.slice(1));
    const os = await options.connection.jetstream().views.os(parsed.host);
    const bytes = await os.getBlob(name);
    if (bytes === null) {
      throw new Error(`no object '${name}' in bucket '${parsed.host}'`);
    }
    return bytes;
  }
  return fetchHttp(url, options);
}

/**
 * Reads an envelope (a NATS message's data): every payload fetched when linked, its size and sha256 verified,
 * decoded by type. Options: connection (for nats-os links), arrow, maxRetries, baseDelay, maxDelay, schemes.
 */
export async function unpack(data, options = {}) {
  const envelope = JSON.parse(decoder.decode(data));
  if (!Array.isArray(envelope.payloads)) {
    throw new Error('not an envelope: no payloads array');
  }
  const payloads = [];
  for (const [i, wire] of envelope.payloads.entries()) {
    const bytes = wire.transport === 'link' ? await fetchLink(wire.data, options) : fromBase64(wire.data);
    if (bytes.length !== wire.size) {
      throw new Error(`payloads[${i}] '${wire.dataname}': ${bytes.length} bytes, declared ${wire.size}`);
    }
    const sha256 = await sha256Hex(bytes);
    if (wire.metadata?.sha256 && wire.metadata.sha256 !== sha256) {
      throw new Error(`payloads[${i}] '${wire.dataname}': sha256 ${sha256}, declared ${wire.metadata.sha256}`);
    }
    payloads.push({
      dataname: wire.dataname,
      type: wire.payload_type,
      transport: wire.transport,
      size: bytes.length,
      sha256,
      metadata: wire.metadata ?? {},
      bytes,
      value: decodeValue(wire.payload_type, bytes, options.arrow),
    });
  }
  return { envelope, payloads };
}
