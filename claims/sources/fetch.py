"""URL inputs: one HTTP(S) GET with a timeout and a size cap, every failure one line.

urllib (stdlib) rather than trafilatura's fetcher: the fetcher returns None on any failure,
and the user needs to know whether it was a 404, a refused connection or a host not found.
"""
from __future__ import annotations

import http.client
import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from claims.reading import MAX_BYTES, InputError, too_large

TIMEOUT_SECONDS = 20.0
USER_AGENT = "claims/1 (news quotation extractor)"
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"


@dataclass
class Page:
    """A fetched response: where it ended up after redirects, its media type, declared charset and body."""

    url: str
    content_type: str | None   # "text/html", lower case, without parameters; None when not sent
    charset: str | None
    data: bytes


def is_url(argument: str) -> bool:
    """An http or https URL (anything else on the command line is a path)."""
    parts = urlsplit(argument)
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def fetch(url: str, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT_SECONDS) -> Page:
    """GET `url`, or InputError `URL: what went wrong`."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:  # refused before reading the body
                raise InputError(url, too_large(max_bytes, int(length)))
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise InputError(url, too_large(max_bytes))
            media_type = response.headers.get_content_type() if response.headers.get("Content-Type") else None
            return Page(response.geturl(), media_type, response.headers.get_content_charset(), data)
    except urllib.error.HTTPError as error:  # before URLError: it is one
        raise InputError(url, f"HTTP {error.code} {error.reason}".rstrip()) from None
    except urllib.error.URLError as error:
        raise InputError(url, _network_problem(error.reason, timeout)) from None
    except (OSError, http.client.HTTPException) as error:  # timeouts and resets while reading
        raise InputError(url, _network_problem(error, timeout)) from None
    except ValueError as error:  # "http://:80/" and the like
        raise InputError(url, f"not a valid URL ({error})") from None


def _network_problem(reason: object, timeout: float) -> str:
    """What a user can act on: the host is unknown, refused, silent or spoke no HTTP."""
    if isinstance(reason, socket.gaierror):
        return "host not found"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"TLS certificate not valid ({reason.verify_message})"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error ({reason.reason or reason})"
    if isinstance(reason, (http.client.RemoteDisconnected, ConnectionResetError)):
        return "the server closed the connection"
    if isinstance(reason, http.client.HTTPException):
        return f"not an HTTP response ({type(reason).__name__})"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return str(reason) or type(reason).__name__
