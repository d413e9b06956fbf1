"""A Python msghandler peer for the interoperability tests, on nats-py, pandas and pyarrow, written from
docs/wire-format.md.

  python3 python/peer.py responder --server URL --subject S [--store objectstore|http] [--fileserver URL]
      answers every envelope on S: unpacks and verifies it, prints `received <summary JSON>`, and sends every
      payload back packed by itself (to the NATS reply subject, else to reply_to).
  python3 python/peer.py send --server URL --subject S [--store ...] [--fileserver URL]
      publishes the sample envelope (every payload type, an Arrow table of edge types, metadata keys of its own)
      once, prints `sent <summary JSON>`, and exits.
  python3 python/peer.py expect --server URL --subject S
      prints `ready`, waits for one envelope on S, checks that it carries exactly what `send` sends (the Arrow
      table equal in pandas, every metadata key kept), prints `received <summary JSON>`, and exits.

Every line it prints is `ready`, `received ...`, `sent ...` or `error ...`, so a test can read it.
"""
import asyncio
import base64
import datetime
import hashlib
import io
import json
import sys
import traceback
import urllib.parse
import urllib.request
import uuid

import nats
import pandas as pd
import pyarrow as pa

SIZE_THRESHOLD = 500_000
BUCKET = "msghandler"
TYPES = ("text", "dictionary", "arrowtable", "jsontable", "image", "audio", "video", "binary")


def out(word, value=None):
    print(word if value is None else word + " " + json.dumps(value), flush=True)


# --- payload bytes of each type (wire format section 4) ---

def encode(payload_type, value):
    if payload_type == "text":
        return value.encode("utf-8")
    if payload_type in ("dictionary", "jsontable"):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    if payload_type == "arrowtable":
        table = pa.Table.from_pandas(value, preserve_index=False)
        sink = io.BytesIO()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        return sink.getvalue()
    return bytes(value)


def decode(payload_type, data):
    if payload_type == "text":
        return data.decode("utf-8")
    if payload_type in ("dictionary", "jsontable"):
        return json.loads(data.decode("utf-8"))
    if payload_type == "arrowtable":
        source = pa.BufferReader(data)
        reader = pa.ipc.open_file(source) if data[:6] == b"ARROW1" else pa.ipc.open_stream(source)
        return reader.read_all().to_pandas()
    return data


# --- links (sections 5 and 6) ---

async def upload(js, store, fileserver, payload_id, dataname, data):
    if store == "objectstore":
        try:
            bucket = await js.object_store(BUCKET)
        except Exception:
            bucket = await js.create_object_store(BUCKET)
        name = payload_id + "/" + dataname
        await bucket.put(name, data)
        return "nats-os://" + BUCKET + "/" + urllib.parse.quote(name, safe="")
    if store == "http":
        url = fileserver.rstrip("/") + "/" + urllib.parse.quote(payload_id) + "/" + urllib.parse.quote(dataname)
        request = urllib.request.Request(url, data=data, method="PUT")
        await asyncio.to_thread(lambda: urllib.request.urlopen(request, timeout=30).read())
        return url
    raise ValueError("a payload of %d bytes needs a store, and the store is %r" % (len(data), store))


async def fetch(js, url):
    scheme = url.split(":", 1)[0]
    if scheme == "nats-os":
        parsed = urllib.parse.urlparse(url)
        bucket = await js.object_store(parsed.netloc)
        result = await bucket.get(urllib.parse.unquote(parsed.path[1:]))
        return result.data
    if scheme in ("http", "https"):
        return await asyncio.to_thread(lambda: urllib.request.urlopen(url, timeout=30).read())
    raise ValueError("unsupported link scheme %r in %s" % (scheme, url))


# --- the envelope (sections 2 and 3) ---

def now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


async def pack(js, subject, payloads, header, store="objectstore", fileserver=None, server=""):
    """payloads: (dataname, type, value, metadata) tuples."""
    envelope = {
        "correlation_id": header.get("correlation_id") or str(uuid.uuid4()),
        "msg_id": str(uuid.uuid4()),
        "timestamp": now(),
        "send_to": subject,
        "msg_purpose": header.get("msg_purpose", "chat"),
        "sender_name": header.get("sender_name", "python-peer"),
        "sender_id": str(uuid.uuid4()),
        "receiver_name": header.get("receiver_name", ""),
        "receiver_id": header.get("receiver_id", ""),
        "reply_to": header.get("reply_to", ""),
        "reply_to_msg_id": header.get("reply_to_msg_id", ""),
        "broker_url": server,
        "metadata": header.get("metadata", {}),
        "payloads": [],
    }
    for dataname, payload_type, value, metadata in payloads:
        data = encode(payload_type, value)
        payload_id = str(uuid.uuid4())
        meta = dict(metadata or {})
        meta["sha256"] = hashlib.sha256(data).hexdigest()
        if len(data) < SIZE_THRESHOLD:
            transport, encoding, text = "direct", "base64", base64.b64encode(data).decode("ascii")
        else:
            transport, encoding = "link", "none"
            text = await upload(js, store, fileserver, payload_id, dataname, data)
        envelope["payloads"].append({
            "id": payload_id, "dataname": dataname, "payload_type": payload_type, "transport": transport,
            "encoding": encoding, "size": len(data), "data": text, "metadata": meta,
        })
    return envelope


async def unpack(js, body):
    envelope = json.loads(body.decode("utf-8"))
    payloads = []
    for p in envelope["payloads"]:
        if p["transport"] == "direct":
            data = base64.b64decode(p["data"], validate=True)
        else:
            data = await fetch(js, p["data"])
        if len(data) != p["size"]:
            raise ValueError("%s: %d bytes, the envelope says %d" % (p["dataname"], len(data), p["size"]))
        digest = (p.get("metadata") or {}).get("sha256")
        if digest is not None and hashlib.sha256(data).hexdigest() != digest:
            raise ValueError("%s: sha256 does not match" % p["dataname"])
        payloads.append(dict(p, bytes=data, value=decode(p["payload_type"], data)))
    return envelope, payloads


def summary(envelope, payloads):
    return {
        "msg_id": envelope["msg_id"],
        "correlation_id": envelope["correlation_id"],
        "metadata": envelope.get("metadata", {}),
        "payloads": [{
            "dataname": p["dataname"], "type": p["payload_type"], "transport": p["transport"], "size": p["size"],
            "sha256": hashlib.sha256(p["bytes"]).hexdigest() if "bytes" in p else p["metadata"]["sha256"],
            "metadata": p.get("metadata", {}),
        } for p in payloads],
    }


# --- the sample this peer sends ---

def deterministic(size, seed):
    x = seed or 1
    data = bytearray(size)
    for i in range(size):
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        data[i] = x & 0xFF
    return bytes(data)


def edge_table():
    """Types a bridge must not bend: timezone-aware timestamps, date32, int64 beyond 2^53, nulls."""
    return pd.DataFrame({
        "at": pd.array([pd.Timestamp("2026-12-07 08:30:00.123456", tz="Europe/Berlin"), pd.NaT,
                        pd.Timestamp("1999-12-31 23:59:59", tz="Europe/Berlin")],
                       dtype="datetime64[us, Europe/Berlin]"),
        "day": pd.array([datetime.date(2026, 12, 7), None, datetime.date(1970, 1, 1)],
                        dtype=pd.ArrowDtype(pa.date32())),
        "big": pd.array([2 ** 53 + 1, None, -(2 ** 62)], dtype="Int64"),
        "name": pd.array(["Grüße", None, "🐍"], dtype="string"),
    })


ROWS = [{"id": 1, "name": "Alice", "score": 0.5}, {"id": 2, "name": "Bob", "score": 0.75}]
ENVELOPE_METADATA = {"origin": "python-peer", "unknown_to_the_route": {"nested": [1, "two", None]}}
PAYLOAD_METADATA = {"content_type": "image/png", "camera": {"make": "peer", "iso": 400}}


def samples():
    return [
        ("greeting", "text", "Grüße aus Python 🐍", None),
        ("settings", "dictionary", {"peer": "python", "numbers": [1, 2, 3], "nested": {"ok": True}}, None),
        ("scores-json", "jsontable", ROWS, None),
        ("edge-arrow", "arrowtable", edge_table(), None),
        ("avatar.png", "image", deterministic(2048, 1), PAYLOAD_METADATA),
        ("voice.wav", "audio", deterministic(4096, 2), None),
        ("clip.mp4", "video", deterministic(700_000, 3), None),
        ("archive.bin", "binary", deterministic(600_000, 4), None),
    ]


def check_sample(envelope, payloads):
    """What `send` sends, as it must arrive after any route that forwards it."""
    problems = []
    if envelope.get("metadata") != ENVELOPE_METADATA:
        problems.append("envelope metadata %r" % envelope.get("metadata"))
    expected = samples()
    if [p["dataname"] for p in payloads] != [s[0] for s in expected]:
        problems.append("datanames %r" % [p["dataname"] for p in payloads])
    for (dataname, payload_type, value, metadata), p in zip(expected, payloads):
        if p["payload_type"] != payload_type:
            problems.append("%s: type %s" % (dataname, p["payload_type"]))
        if payload_type == "arrowtable":
            arrived = p["value"]
            if not arrived.equals(value):
                problems.append("%s: %r != %r (dtypes %r)" % (dataname, arrived, value, list(arrived.dtypes)))
        elif p["value"] != value:
            problems.append("%s: value differs" % dataname)
        kept = {k: v for k, v in (p.get("metadata") or {}).items() if k != "sha256"}
        if kept != (metadata or {}):
            problems.append("%s: metadata %r" % (dataname, kept))
    if problems:
        raise AssertionError("; ".join(problems))


# --- roles ---

async def respond(nc, js, args):
    subscription = await nc.subscribe(args["subject"])
    await nc.flush()
    out("ready")
    async for message in subscription.messages:
        try:
            envelope, payloads = await unpack(js, message.data)
            out("received", summary(envelope, payloads))
            reply_subject = message.reply or envelope.get("reply_to")
            if not reply_subject:
                continue
            reply = await pack(js, reply_subject,
                               [(p["dataname"], p["payload_type"], p["value"], None) for p in payloads],
                               {"correlation_id": envelope["correlation_id"], "reply_to_msg_id": envelope["msg_id"],
                                "reply_to": envelope["send_to"], "receiver_name": envelope["sender_name"],
                                "receiver_id": envelope["sender_id"], "sender_name": "python-peer"},
                               args.get("store", "objectstore"), args.get("fileserver"), args["server"])
            await nc.publish(reply_subject, json.dumps(reply).encode("utf-8"),
                             headers={"Nats-Msg-Id": reply["msg_id"]})
        except Exception:
            out("error", traceback.format_exc())


async def send(nc, js, args):
    envelope = await pack(js, args["subject"], samples(), {"metadata": ENVELOPE_METADATA},
                          args.get("store", "objectstore"), args.get("fileserver"), args["server"])
    await nc.publish(args["subject"], json.dumps(envelope).encode("utf-8"), headers={"Nats-Msg-Id": envelope["msg_id"]})
    await nc.flush()
    out("sent", summary(envelope, envelope["payloads"]))


async def expect(nc, js, args):
    subscription = await nc.subscribe(args["subject"], max_msgs=1)
    await nc.flush()
    out("ready")
    message = await subscription.next_msg(timeout=60)
    envelope, payloads = await unpack(js, message.data)
    check_sample(envelope, payloads)
    out("received", summary(envelope, payloads))


async def main(role, args):
    """The role's exit status: 0, or 1 after an `error` line."""
    nc = await nats.connect(args["server"], name="msghandler-python-" + role)
    try:
        js = nc.jetstream()
        await {"responder": respond, "send": send, "expect": expect}[role](nc, js, args)
        return 0
    except Exception:
        out("error", traceback.format_exc())
        return 1
    finally:
        await nc.drain()


if __name__ == "__main__":
    role, rest = sys.argv[1], sys.argv[2:]
    sys.exit(asyncio.run(main(role, {rest[i].lstrip("-"): rest[i + 1] for i in range(0, len(rest), 2)})))
