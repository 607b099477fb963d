"""A news site on 127.0.0.1 for the collect tests: the fixture pages of tests/fixtures/collect/site, every host.

The server answers as an HTTP proxy (``GET http://www.isna.ir/… HTTP/1.0``), so a Fetcher given
``proxies={"http": site.url}`` fetches real-looking URLs of many hosts, each with its own robots.txt and its own
rate limit, without a name ever being looked up; a request straight to it (``http://127.0.0.1:PORT/…``) is
served as the host ``www.isna.ir``. Beside the files it answers, on any host:

    /loop/a, /loop/b      a redirect loop            /moved          301 to an ISNA article
    /to-private           302 into a disallowed path /big.html       20 MB of HTML, no Content-Length
    /big-declared.html    20 MB, Content-Length sent /always500      500, every time
    /busy                 429 (Retry-After: 0), then the ISNA article
    /slow                 a page that takes 2 s to come
and ``/news/1403021100150/`` of www.isna.ir fails with a 500 once, then works. ``requests`` lists every request
as ``(time.monotonic(), host, path)``; nothing leaves the machine.
"""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

SITE = Path(__file__).resolve().parent / "fixtures" / "collect" / "site"
ISNA_ARTICLE = SITE / "www.isna.ir" / "news" / "1403021100123" / "index.html"
BIG = 20_000_000


def site_file(host: str, path: str) -> Path:
    """The fixture file of a URL path (as tests/fixtures/collect/build_site.py saved it)."""
    rel = path.lstrip("/")
    if not rel or path.endswith("/"):
        rel += "index.html"
    elif Path(rel).suffix not in (".html", ".xml", ".txt"):
        rel += ".html"
    return SITE / host / rel


class Site:
    def __init__(self, default_host: str = "www.isna.ir"):
        self.default_host = default_host
        self.requests: list[tuple[float, str, str]] = []
        self.failures = {("www.isna.ir", "/news/1403021100150/"): 1}
        self.busy = 1
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                site.handle(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def paths(self, host: str | None = None) -> list[str]:
        return [p for _, h, p in self.requests if host is None or h == host]

    # --- answers ---
    def handle(self, h: BaseHTTPRequestHandler) -> None:
        if h.path.startswith("http://"):
            u = urlsplit(h.path)
            host, path = u.hostname or "", u.path or "/"
        else:
            host = (h.headers.get("Host") or "").split(":")[0]
            host = self.default_host if host in ("127.0.0.1", "localhost", "") else host
            path = urlsplit(h.path).path or "/"
        path = unquote(path)
        with self.lock:
            self.requests.append((time.monotonic(), host, path))
            failing = self.failures.get((host, path), 0)
            if failing:
                self.failures[(host, path)] = failing - 1
        try:
            self.answer(h, host, path, failing)
        except (BrokenPipeError, ConnectionResetError):  # the client stopped reading: as it should
            pass

    def send(self, h, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8", **headers) -> None:
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            h.send_header(k.replace("_", "-"), v)
        h.end_headers()
        h.wfile.write(body)

    def answer(self, h, host: str, path: str, failing: int) -> None:
        if failing or path == "/always500":
            return self.send(h, 500, b"<h1>Internal Server Error</h1>")
        if path in ("/loop/a", "/loop/b"):
            return self.send(h, 302, Location="/loop/b" if path == "/loop/a" else "/loop/a")
        if path == "/moved":
            return self.send(h, 301, Location="/news/1403021100123/")
        if path == "/to-private":
            return self.send(h, 302, Location="/private/draft/")
        if path == "/busy":
            with self.lock:
                self.busy -= 1
                busy = self.busy >= 0
            if busy:
                return self.send(h, 429, b"slow down", Retry_After="0")
            return self.send(h, 200, ISNA_ARTICLE.read_bytes())
        if path in ("/big.html", "/big-declared.html"):
            return self.big(h, declared=path == "/big-declared.html")
        if path == "/slow":
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            h.end_headers()
            for _ in range(20):
                h.wfile.write(b"<p>" + "کند ".encode() * 50 + b"</p>\n")
                h.wfile.flush()
                time.sleep(0.1)
            return None
        f = site_file(host, path)
        if not f.is_file():
            return self.send(h, 404, b"<h1>404 Not Found</h1>")
        if f.name == "robots.txt":
            ctype = "text/plain"
        elif f.suffix == ".xml":
            ctype = "application/atom+xml" if b"<feed" in f.read_bytes()[:300] else "application/rss+xml"
        elif host == "www.farsnews.ir":  # an old server: no charset in the header, the page's <meta> says it
            ctype = "text/html"
        else:
            ctype = "text/html; charset=utf-8"
        return self.send(h, 200, f.read_bytes(), ctype)

    def big(self, h, *, declared: bool) -> None:
        """20 MB of HTML written as it is asked for (nothing that big is kept in a file)."""
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        if declared:
            h.send_header("Content-Length", str(BIG))
        h.end_headers()
        chunk = ("<p>" + "متن بسیار بلند " * 400 + "</p>\n").encode()
        sent = 0
        h.wfile.write(b"<html><body>")
        while sent < BIG:
            h.wfile.write(chunk)
            sent += len(chunk)


def loopback_only(monkeypatch) -> None:
    """Make any name lookup but the loopback's fail, so that a mistake in a test cannot reach the network."""
    real = socket.getaddrinfo

    def guarded(host, *args, **kwargs):
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise OSError(f"test tried to reach {host}: only 127.0.0.1 is allowed")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", guarded)
