"""HTTP requests with one deadline and a cap on what is read: what the desk asks of servers it does
not control (the portal, the links in published pages).

urllib's `timeout` bounds each socket operation, not the request: a server that sends one byte
just before every timeout holds a request for ever, and `read()` takes a body of any size. Here
every read and write of a request (redirects included) is armed with the time left before one
deadline, and bodies are read up to a cap.
"""

from __future__ import annotations

import functools
import http.client
import io
import socket
import ssl
import time
import urllib.request
from collections.abc import Callable
from typing import Any

Peer = Callable[[str], None]


class DeadlinePassed(TimeoutError):
    """The request's deadline passed while the server was still sending or receiving."""


class BodyTooLarge(Exception):
    """The response body went past its cap."""


class _Armed(io.RawIOBase):
    """The socket's reader, with the time left armed before every read."""

    def __init__(self, raw: io.RawIOBase, arm: Any) -> None:
        self._raw, self._arm = raw, arm

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        return self._arm(self._raw.readinto, buffer)

    def close(self) -> None:
        self._raw.close()
        super().close()


class _DeadlineSocket:
    """A connected socket whose reads and writes all end by `deadline` (time.monotonic)."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        self._sock, self._deadline = sock, deadline

    def _arm(self, call: Any, *args: Any) -> Any:
        """`call(*args)` given the time left; a timeout cut short by the deadline is the deadline's."""
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise DeadlinePassed("deadline")
        timeout = self._sock.gettimeout()
        self._sock.settimeout(left if timeout is None else min(timeout, left))
        try:
            return call(*args)
        except TimeoutError:
            if time.monotonic() >= self._deadline:
                raise DeadlinePassed("deadline") from None
            raise
        finally:
            self._sock.settimeout(timeout)

    def sendall(self, data: Any, *args: Any) -> None:
        self._arm(self._sock.sendall, data, *args)

    def makefile(self, mode: str = "rb", *args: Any, **kwargs: Any) -> io.BufferedReader:
        # The socket's own SocketIO, so that closing the connection waits for the response as usual.
        return io.BufferedReader(_Armed(self._sock.makefile("rb", buffering=0), self._arm))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


class _HTTPConnection(http.client.HTTPConnection):
    """A connection whose peer is judged once connected and whose socket keeps the deadline."""

    def __init__(self, *args: Any, deadline: float, peer: Peer | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline, self._peer = deadline, peer

    def connect(self) -> None:
        super().connect()
        if self._peer is not None:
            self._peer(self.sock.getpeername()[0])
        self.sock = _DeadlineSocket(self.sock, self._deadline)


class _HTTPSConnection(_HTTPConnection, http.client.HTTPSConnection):
    """The same over TLS: HTTPSConnection.connect wraps the socket, then the above arms it."""


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: float, peer: Peer | None) -> None:
        super().__init__()
        self._deadline, self._peer = deadline, peer

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_HTTPConnection, deadline=self._deadline, peer=self._peer), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: float, peer: Peer | None, context: ssl.SSLContext | None) -> None:
        super().__init__(context=context)
        self._deadline, self._peer, self._ssl = deadline, peer, context

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(
            functools.partial(_HTTPSConnection, deadline=self._deadline, peer=self._peer),
            req,
            context=self._ssl,
        )


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is not followed: the caller gets it as an HTTPError (3xx)."""

    def redirect_request(self, *args: Any) -> None:
        return None


def opener(
    seconds: float,
    *handlers: urllib.request.BaseHandler,
    context: ssl.SSLContext | None = None,
    peer: Peer | None = None,
) -> urllib.request.OpenerDirector:
    """An opener whose every request (with its redirects) ends within `seconds` from now; `peer`
    is given the address each connection reached, before anything is sent, and may raise an OSError
    to refuse it (the name may resolve elsewhere now than when it was judged)."""
    deadline = time.monotonic() + seconds
    return urllib.request.build_opener(
        _HTTPHandler(deadline, peer), _HTTPSHandler(deadline, peer, context), *handlers
    )


def read_capped(response: Any, limit: int) -> bytes:
    """The body, refused (BodyTooLarge) as soon as it goes past `limit` bytes."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge(limit)
    data = bytearray()
    while chunk := response.read(2**16):  # read(n) sets aside n bytes: never the whole cap at once
        data += chunk
        if len(data) > limit:
            raise BodyTooLarge(limit)
    return bytes(data)
