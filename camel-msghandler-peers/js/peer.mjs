// A Node.js msghandler peer for the interoperability tests, on the official `nats` client and `apache-arrow`.
//
//   node js/peer.mjs responder --server URL --subject S [--store objectstore|http|direct] [--fileserver URL]
//                              [--threshold N]
//       answers every envelope on S: it unpacks and verifies it, prints one line `received <summary JSON>`,
//       and sends every payload back packed by itself (to the NATS reply subject, else to reply_to).
//   node js/peer.mjs send --server URL --subject S [--store ...] [--fileserver URL] [--threshold N]
//       publishes the sample envelope (every payload type) once, prints `sent <summary JSON>`, and exits.
//
// Every line it prints is `ready`, `received ...`, `sent ...` or `error ...`, so a test can read it.
import { connect, headers } from 'nats';
import * as arrow from 'apache-arrow';
import { pack, publish, unpack } from './msghandler.mjs';

const [role, ...rest] = process.argv.slice(2);
const args = {};
for (let i = 0; i < rest.length; i += 2) {
  args[rest[i].replace(/^--/, '')] = rest[i + 1];
}

function options(connection) {
  return {
    connection,
    arrow,
    store: args.store ?? 'objectstore',
    fileserverUrl: args.fileserver,
    sizeThreshold: args.threshold ? Number(args.threshold) : undefined,
    brokerUrl: args.server,
  };
}

function summary(envelope, payloads) {
  return {
    msg_id: envelope.msg_id,
    correlation_id: envelope.correlation_id,
    payloads: payloads.map((p) => ({
      dataname: p.dataname, type: p.type ?? p.payload_type, transport: p.transport, size: p.size,
      sha256: p.sha256 ?? p.metadata?.sha256,
    })),
  };
}

/** Deterministic bytes, so that runs are comparable. */
function bytesOf(size, seed) {
  const bytes = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

const ROWS = [{ id: 1, name: 'Alice', score: 0.5 }, { id: 2, name: 'Bob', score: 0.75 }];

function samples() {
  return [
    { dataname: 'greeting', type: 'text', value: 'Grüße aus Node.js 🚀' },
    { dataname: 'settings', type: 'dictionary', value: { peer: 'node', numbers: [1, 2, 3], nested: { ok: true } } },
    { dataname: 'scores-json', type: 'jsontable', value: ROWS },
    { dataname: 'scores-arrow', type: 'arrowtable', value: ROWS },
    { dataname: 'avatar.png', type: 'image', value: bytesOf(2048, 1), metadata: { content_type: 'image/png' } },
    { dataname: 'voice.wav', type: 'audio', value: bytesOf(4096, 2) },
    { dataname: 'clip.mp4', type: 'video', value: bytesOf(700000, 3) },
    { dataname: 'archive.bin', type: 'binary', value: bytesOf(600000, 4) },
  ];
}

async function respond(connection) {
  const subscription = connection.subscribe(args.subject);
  await connection.flush();
  console.log('ready');
  for await (const message of subscription) {
    try {
      const { envelope, payloads } = await unpack(message.data, options(connection));
      console.log('received ' + JSON.stringify(summary(envelope, payloads)));
      const replySubject = message.reply || envelope.reply_to;
      if (!replySubject) {
        continue;
      }
      const reply = await pack(replySubject,
        payloads.map((p) => ({ dataname: p.dataname, type: p.type, value: p.value })),
        {
          ...options(connection),
          header: {
            correlation_id: envelope.correlation_id, reply_to_msg_id: envelope.msg_id, reply_to: envelope.send_to,
            receiver_name: envelope.sender_name, receiver_id: envelope.sender_id, sender_name: 'node-peer',
          },
        });
      const h = headers();
      h.set('Nats-Msg-Id', reply.msg_id);
      connection.publish(replySubject, new TextEncoder().encode(JSON.stringify(reply)), { headers: h });
    } catch (e) {
      console.log('error ' + JSON.stringify(String(e && e.stack || e)));
    }
  }
}

async function send(connection) {
  const envelope = await publish(connection, headers, args.subject, samples(), {
    ...options(connection), header: { sender_name: 'node-peer' },
  });
  await connection.flush();
  console.log('sent ' + JSON.stringify(summary(envelope, envelope.payloads)));
}

const connection = await connect({ servers: args.server, name: `msghandler-node-${role}` });
try {
  if (role === 'responder') {
    await respond(connection);
  } else if (role === 'send') {
    await send(connection);
  } else {
    throw new Error(`unknown role '${role}': responder or send`);
  }
} catch (e) {
  console.log('error ' + JSON.stringify(String(e && e.stack || e)));
  process.exitCode = 1;
} finally {
  await connection.drain();
}
