"""A MicroPython-style msghandler peer: the NATS protocol over a plain socket, JSON, base64 and SHA-256, and
nothing a microcontroller would not have (no NATS library, no TLS, no asyncio, no claim-check store).

As MicroPython peers do, it sends every payload direct, with a size threshold of 100 KB: a payload that large
or larger would need a store it does not have, so it refuses it. As a receiver it fetches only http:// links.

    python3 micropeer.py send    --server 127.0.0.1:4222 --subject S
    python3 micropeer.py receive --server 127.0.0.1:4222 --subject S --count N

Prints `ready`, `sent <summary JSON>`, `received <summary JSON>` or `error <message>` lines.
Runs on CPython 3; on MicroPython, ubinascii/uhashlib/usocket stand in under the same names.
"""
import binascii
import hashlib
import json
import os
import socket
import sys
import time

SIZE_THRESHOLD = 100000


def uuid4():
    b = bytearray(os.urandom(16))
    b[6] = (b[6] & 0x0F) | 0x40
    b[8] = (b[8] & 0x3F) | 0x80
    h = binascii.hexlify(bytes(b)).decode()
    return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]


def sha256_hex(data):
    return binascii.hexlify(hashlib.sha256(data).digest()).decode()


class Nats:
    """Just enough of the NATS client protocol: CONNECT, PUB, SUB, MSG/HMSG, PING/PONG."""

    def __init__(self, server):
        host, port = server.replace("nats://", "").split(":")
        self.sock = socket.create_connection((host, int(port)))
        self.buf = b""
        self.readline()  # INFO
        self.sock.sendall(b'CONNECT {"verbose":false,"pedantic":false,"headers":true,"name":"micropeer"}\r\n')
        self.ping()

    def readline(self):
        while b"\r\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise OSError("connection closed")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line

    def readexactly(self, n):
        while len(self.buf) < n + 2:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise OSError("connection closed")
            self.buf += chunk
        data, self.buf = self.buf[:n], self.buf[n + 2:]
        return data

    def ping(self):
        self.sock.sendall(b"PING\r\n")
        while True:
            line = self.readline()
            if line == b"PONG":
                return
            if line.startswith(b"-ERR"):
                raise OSError(line.decode())

    def publish(self, subject, body):
        self.sock.sendall(b"PUB " + subject.encode() + b" " + str(len(body)).encode() + b"\r\n" + body + b"\r\n")
        self.ping()  # the server has it once it answers

    def subscribe(self, subject):
        self.sock.sendall(b"SUB " + subject.encode() + b" 1\r\n")
        self.ping()

    def next_message(self):
        while True:
            parts = self.readline().split(b" ")
            if parts[0] == b"PING":
                self.sock.sendall(b"PONG\r\n")
            elif parts[0] == b"MSG":
                return self.readexactly(int(parts[-1]))
            elif parts[0] == b"HMSG":
                # HMSG <subject> <sid> [reply] <header bytes> <total bytes>: the headers are skipped, not needed
                header_size, total = int(parts[-2]), int(parts[-1])
                return self.readexactly(total)[header_size:]
            elif parts[0] == b"-ERR":
                raise OSError(b" ".join(parts).decode())


def http_get(url):
    """HTTP/1.0 GET over a socket, as a microcontroller does it; http:// only."""
    if not url.startswith("http://"):
        raise ValueError("unsupported link scheme '" + url.split(":", 1)[0] + "': this peer fetches http:// only")
    rest = url[len("http://"):]
    hostport, path = rest.split("/", 1)
    host, port = (hostport.split(":") + ["80"])[:2]
    sock = socket.create_connection((host, int(port)))
    sock.sendall(("GET /" + path + " HTTP/1.0\r\nHost: " + hostport + "\r\n\r\n").encode())
    response = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            break
        response += chunk
    sock.close()
    head, body = response.split(b"\r\n\r\n", 1)
    status = int(head.split(b" ")[1])
    if status != 200:
        raise OSError("GET " + url + " answered " + str(status))
    return body


def fetch(url):
    attempts, delay = 5, 0.1
    for attempt in range(1, attempts + 1):
        try:
            return http_get(url)
        except ValueError:
            raise
        except OSError as e:
            if attempt == attempts:
                raise OSError("cannot fetch " + url + " after " + str(attempts) + " attempts: " + str(e))
            time.sleep(delay)
            delay = min(delay * 2, 5.0)


def envelope(subject, payloads):
    wire = []
    for dataname, payload_type, data in payloads:
        if len(data) >= SIZE_THRESHOLD:
            raise ValueError(dataname + ": " + str(len(data)) + " bytes needs a link, and this peer sends direct only")
        wire.append({"id": uuid4(), "dataname": dataname, "payload_type": payload_type, "transport": "direct",
                     "encoding": "base64", "size": len(data),
                     "data": binascii.b2a_base64(data).decode().strip(),
                     "metadata": {"sha256": sha256_hex(data)}})
    return {"correlation_id": uuid4(), "msg_id": uuid4(),
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
            "send_to": subject, "msg_purpose": "chat", "sender_name": "micropeer", "sender_id": uuid4(),
            "receiver_name": "", "receiver_id": "", "reply_to": "", "reply_to_msg_id": "", "broker_url": "",
            "metadata": {}, "payloads": wire}


def summary(env, payloads):
    return {"msg_id": env.get("msg_id", ""), "payloads": payloads}


def send(nats, subject):
    sensor = bytes((i * 7) % 256 for i in range(99000))  # just under the 100 KB threshold
    env = envelope(subject, [
        ("reading", "text", "temperature 21.5 °C".encode("utf-8")),
        ("status", "dictionary", json.dumps({"device": "esp32", "uptime": 3600, "ok": True}).encode()),
        ("samples.bin", "binary", sensor),
    ])
    nats.publish(subject, json.dumps(env).encode())
    print("sent " + json.dumps(summary(env, [{"dataname": p["dataname"], "type": p["payload_type"],
                                              "transport": p["transport"], "size": p["size"],
                                              "sha256": p["metadata"]["sha256"]} for p in env["payloads"]])))


def receive(nats, subject, count):
    nats.subscribe(subject)
    print("ready")
    sys.stdout.flush()
    for _ in range(count):
        body = nats.next_message()
        try:
            env = json.loads(body)
            got = []
            for p in env["payloads"]:
                data = binascii.a2b_base64(p["data"]) if p["transport"] == "direct" else fetch(p["data"])
                if len(data) != p["size"]:
                    raise ValueError(p["dataname"] + ": " + str(len(data)) + " bytes, declared " + str(p["size"]))
                digest = sha256_hex(data)
                if p.get("metadata", {}).get("sha256", digest) != digest:
                    raise ValueError(p["dataname"] + ": sha256 mismatch")
                got.append({"dataname": p["dataname"], "type": p["payload_type"], "transport": p["transport"],
                            "size": len(data), "sha256": digest})
            print("received " + json.dumps(summary(env, got)))
        except Exception as e:
            print("error " + json.dumps(str(e)))
        sys.stdout.flush()


def main(argv):
    role = argv[1]
    args = dict(zip(argv[2::2], argv[3::2]))
    nats = Nats(args["--server"])
    if role == "send":
        send(nats, args["--subject"])
    elif role == "receive":
        receive(nats, args["--subject"], int(args.get("--count", "1")))
    else:
        raise SystemExit("unknown role " + role)
    sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv)
