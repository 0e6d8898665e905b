"""A bare JSON-RPC client over a subprocess's pipes, for what a real client library will not
send: malformed frames, requests before initialize, exit without shutdown."""

import json
import subprocess
import threading
import time


class RawServer:
    def __init__(self, command, cwd=None):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, cwd=cwd)
        self.messages = []
        self.stdout_garbage = []
        self.lock = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _drain_stderr(self):
        for _ in self.process.stderr:
            pass

    def _read(self):
        stream = self.process.stdout
        while True:
            header = stream.readline()
            if not header:
                return
            if not header.lower().startswith(b"content-length:"):
                self.stdout_garbage.append(header)
                continue
            length = int(header.split(b":")[1])
            blank = stream.readline()
            if blank not in (b"\r\n",):
                self.stdout_garbage.append(blank)
            body = stream.read(length)
            with self.lock:
                self.messages.append(json.loads(body))
                self.lock.notify_all()

    def write(self, raw: bytes):
        self.process.stdin.write(raw)
        self.process.stdin.flush()

    def send(self, message: dict):
        body = json.dumps(message).encode()
        self.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, id, method, params=None):
        message = {"jsonrpc": "2.0", "id": id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def notify(self, method, params=None):
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def wait_for(self, predicate, timeout=20.0):
        deadline = time.time() + timeout
        with self.lock:
            while True:
                for message in self.messages:
                    if predicate(message):
                        return message
                remaining = deadline - time.time()
                if remaining <= 0:
                    raise AssertionError(f"no matching message; got {self.messages}")
                self.lock.wait(remaining)

    def response(self, id, timeout=20.0):
        return self.wait_for(lambda m: m.get("id") == id and "method" not in m, timeout)

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
