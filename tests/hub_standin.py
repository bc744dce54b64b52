"""A local stand-in for the Hugging Face hub, enough for the real client's `hf_hub_download`.

Why: the downloader must be tested through the real huggingface_hub client (its retries, resume and
size checks are part of what we rely on), without the network. The client, pointed here with
HF_ENDPOINT, makes these calls for a dataset file (read from huggingface_hub 2.4's file_download.py):

    HEAD /datasets/{repo_id}/resolve/{revision}/{path}
        -> 200 with X-Repo-Commit (40 hex; the client refuses a response without it), ETag (the blob's
           name in its cache), Content-Length (the size it checks the transfer against)
        -> 404 with X-Error-Code: EntryNotFound / RepoNotFound / RevisionNotFound for what is absent
    GET  same URL, possibly with `Range: bytes=N-` when it resumes after a dropped connection
        -> 200 with the bytes, or 206 with Content-Range for a range

Files are served straight from the resolve URL (no CDN redirect, no Xet headers), which the client
handles as it does small non-LFS files. Everything else (e.g. the client's /api/agent-harnesses
look-up) gets a plain 404.

Faults the tests switch on, per repo path:
    cut_once    the first GET sends half the body, then drops the connection
    stall       every GET sends half the body, sets `half_sent`, then waits for `release`
"""

from __future__ import annotations

import hashlib
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

COMMIT = "0123456789abcdef0123456789abcdef01234567"
RESOLVE = re.compile(r"^/datasets/(?P<repo>[^/]+/[^/]+)/resolve/(?P<rev>[^/]+)/(?P<path>.+)$")


class HubStandIn:
    """Serves `files` ({path in repo: bytes}) as dataset repo `repo_id` at revision main."""

    def __init__(self, repo_id: str, files: dict[str, bytes]):
        self.repo_id = repo_id
        self.files = dict(files)
        self.requests: list[tuple[str, str, str | None]] = []  # (method, path in repo or URL path, Range)
        self.cut_once: set[str] = set()
        self.stall: set[str] = set()
        self.half_sent = threading.Event()
        self.release = threading.Event()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    # -- lifecycle
    def start(self) -> str:
        handler = type("Handler", (_Handler,), {"hub": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def stop(self) -> None:
        self.release.set()  # let any stalled handler finish
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    # -- what the tests read
    def log(self, method: str, path: str, range_header: str | None) -> None:
        with self._lock:
            self.requests.append((method, path, range_header))

    def file_requests(self, method: str | None = None) -> list[tuple[str, str, str | None]]:
        """Requests for repo files (resolve URLs), optionally of one method."""
        with self._lock:
            return [r for r in self.requests if not r[1].startswith("/") and method in (None, r[0])]


class _Handler(BaseHTTPRequestHandler):
    hub: HubStandIn
    protocol_version = "HTTP/1.1"  # keep-alive, as the client's connection pool expects

    def log_message(self, format, *args):  # quiet: pytest shows our own request log on failure
        pass

    def do_HEAD(self):
        self._serve(body=False)

    def do_GET(self):
        self._serve(body=True)

    # -- routing
    def _serve(self, body: bool) -> None:
        url_path = unquote(urlsplit(self.path).path)
        match = RESOLVE.match(url_path)
        if match is None:
            self.hub.log(self.command, url_path, None)
            return self._error(404, None)
        path = match["path"]
        self.hub.log(self.command, path, self.headers.get("Range"))
        if match["repo"] != self.hub.repo_id:
            return self._error(404, "RepoNotFound")
        if match["rev"] != "main":
            return self._error(404, "RevisionNotFound")
        if path not in self.hub.files:
            return self._error(404, "EntryNotFound")
        data = self.hub.files[path]
        start, end = self._range(len(data))
        if start is None:
            return self._error(416, None)
        part = data[start:end]
        self.send_response(206 if self.headers.get("Range") else 200)
        self.send_header("X-Repo-Commit", COMMIT)
        self.send_header("ETag", f'"{hashlib.sha256(data).hexdigest()}"')
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(part)))
        if self.headers.get("Range"):
            self.send_header("Content-Range", f"bytes {start}-{end - 1}/{len(data)}")
        self.end_headers()
        if body:
            self._send_body(path, part)

    def _range(self, size: int) -> tuple[int | None, int]:
        header = self.headers.get("Range")
        if not header:
            return 0, size
        m = re.fullmatch(r"bytes=(\d+)-(\d*)", header.strip())
        if m is None:
            return None, 0
        start = int(m[1])
        end = int(m[2]) + 1 if m[2] else size
        if start >= size or end <= start:
            return None, 0
        return start, min(end, size)

    def _send_body(self, path: str, part: bytes) -> None:
        hub = self.hub
        if path in hub.cut_once:
            hub.cut_once.discard(path)
            self._half_then_drop(part)
        elif path in hub.stall:
            self._half_then_drop(part, wait=True)
        else:
            self.wfile.write(part)

    def _half_then_drop(self, part: bytes, wait: bool = False) -> None:
        self.wfile.write(part[: len(part) // 2])
        self.wfile.flush()
        if wait:
            self.hub.half_sent.set()
            self.hub.release.wait()  # until the test (or stop()) releases it: no clock in the test's logic
        # Closing with fewer bytes than Content-Length promised is what a dropped transfer looks like.
        self.close_connection = True

    def _error(self, status: int, code: str | None) -> None:
        self.send_response(status)
        if code is not None:
            self.send_header("X-Error-Code", code)
        if code == "EntryNotFound":  # the hub names the commit it looked in
            self.send_header("X-Repo-Commit", COMMIT)
        self.send_header("Content-Length", "0")
        self.end_headers()
